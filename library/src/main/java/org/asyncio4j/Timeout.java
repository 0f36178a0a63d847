// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.Objects;

/**
 * A deadline for a block of code in a task: when it passes, the task is cancelled and the block
 * ends with {@link TimeoutError}. asyncio's {@code asyncio.timeout} / {@code timeout_at} context
 * manager; obtained through {@link Asyncio#timeout(java.time.Duration, Timeout.Body)} and
 * {@link Asyncio#timeoutAt(Double, Timeout.Body)}, which hand it to the block.
 *
 * {@snippet :
 * String page = Asyncio.timeout(Duration.ofSeconds(10), t -> {
 *     String first = fetch("a");
 *     t.reschedule(Asyncio.getRunningLoop().time() + 5);   // five more seconds from now
 *     return first + fetch("b");
 * });
 * }
 *
 * <h2>Why a lambda and not try-with-resources</h2>
 * When the deadline passes, the block sees a {@link CancelledError} wherever it is waiting; the
 * timeout must turn that error into a {@link TimeoutError} as it leaves the block. A
 * {@code close()} method cannot replace the exception in flight, so the block is a lambda that the
 * timeout runs.
 *
 * <h2>Cancellation</h2>
 * Expiry cancels the task with {@link Task#cancel()}, and leaving the block withdraws that
 * request with {@link Task#uncancel()}. The {@code TimeoutError} is thrown only if no other
 * cancellation request is pending: a cancellation from outside that races with the deadline stays
 * a {@code CancelledError}, and of nested timeouts only the one that expired throws. A block that
 * catches the cancellation and returns normally returns its value; {@link #expired()} tells.
 *
 * <h2>Thread confinement</h2>
 * Use it only in the task that runs the block.
 */
public final class Timeout {
    /**
     * The block run under a timeout, with access to the timeout.
     *
     * @param <T> the block's result type
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the block.
         *
         * @param timeout the timeout the block runs under, to read or move its deadline
         * @return the block's result, returned by {@code Asyncio.timeout}
         * @throws Exception whatever the block throws (a cancellation by this timeout leaves as {@link TimeoutError})
         */
        T run(Timeout timeout) throws Exception;
    }

    private enum State { CREATED, ENTERED, EXPIRING, EXPIRED, EXITED }

    private final EventLoop loop;
    private Double when;
    private State state = State.CREATED;
    private Task<?> task;
    private int cancellingAtEntry;
    private Handle handle;

    Timeout(EventLoop loop, Double when) {
        this.loop = Objects.requireNonNull(loop, "loop");
        if (when != null && when.isNaN()) {
            throw new IllegalArgumentException("the deadline must be a loop time in seconds, not NaN");
        }
        this.when = when;
    }

    /** {@return the deadline in loop time ({@link EventLoop#time()}), or {@code null} if there is none} */
    public Double when() {
        return when;
    }

    /**
     * Moves the deadline to loop time {@code when} (a time already past expires at the next
     * iteration), or removes it if {@code null}.
     *
     * @param when the new deadline in loop time, or {@code null} for none
     * @throws IllegalStateException once the timeout has expired or its block has ended
     * @throws IllegalArgumentException if {@code when} is NaN
     */
    public void reschedule(Double when) {
        if (state != State.ENTERED) {
            throw new IllegalStateException("reschedule(): the timeout is " + state.name().toLowerCase()
                    + "; only a running timeout can be rescheduled");
        }
        if (when != null && when.isNaN()) {
            throw new IllegalArgumentException("the deadline must be a loop time in seconds, not NaN");
        }
        this.when = when;
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (when != null) {
            handle = when <= loop.time() ? loop.callSoon(this::expire) : loop.callAt(when, this::expire);
        }
    }

    /** {@return whether the deadline passed (the task was cancelled by this timeout)} */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    @Override
    public String toString() {
        return "<Timeout " + state.name().toLowerCase() + (when != null ? " when=" + when : "") + ">";
    }

    /** Runs {@code body} under this timeout; see the class documentation. */
    <T> T run(Body<T> body) throws Exception {
        enter();
        T value;
        try {
            value = body.run(this);
        } catch (Throwable error) {
            throw Asyncio.sneakyThrow(exit(error));
        }
        exit(null);
        return value;
    }

    private void enter() {
        if (state != State.CREATED) {
            throw new IllegalStateException("a Timeout can be entered only once");
        }
        task = Task.current();
        if (task == null) {
            throw new IllegalStateException("timeout() must be used inside a task (Asyncio.run, createTask)");
        }
        if (task.loop != loop) {
            throw new IllegalStateException("timeout(): the task runs on another event loop");
        }
        state = State.ENTERED;
        cancellingAtEntry = task.cancelling();
        reschedule(when);
    }

    /** Leaves the block, which ended with {@code error} (or normally if null); returns what to throw. */
    private Throwable exit(Throwable error) {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && Task.isCancellation(error)) {
                TimeoutError timeout = new TimeoutError("the timeout expired" + (when != null ? " (deadline " + when + ")" : ""));
                timeout.initCause(error);
                return timeout;
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return error;
    }

    private void expire() {
        task.cancel();
        state = State.EXPIRING;
        handle = null;
    }
}
