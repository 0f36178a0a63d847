// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The eventual outcome of an asynchronous operation: a result, an exception, or cancellation.
 * asyncio's {@code asyncio.Future}.
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     EventLoop loop = Asyncio.getRunningLoop();
 *     Future<String> answer = loop.createFuture();
 *     loop.callLater(0.1, () -> answer.setResult("42"));
 *     System.out.println(answer.await()); // parks this task for 0.1 s, then prints 42
 * });
 * }
 *
 * <h2>How it differs from {@code java.util.concurrent.Future}</h2>
 * It belongs to one event loop and is not thread-safe: complete it and add callbacks on the
 * loop's thread (from other threads go through {@link EventLoop#callSoonThreadsafe}).
 * {@link #await()} parks the calling <em>task</em>, never the loop. Done callbacks are never run
 * inline: each is scheduled with {@link EventLoop#callSoon} when the future completes, in the
 * order they were added. {@link #toCompletableFuture()} bridges to code that blocks or composes
 * {@code CompletableFuture}s, on any thread.
 *
 * <h2>Thread confinement</h2>
 * In debug mode ({@link EventLoop#setDebug}, {@code Asyncio.run(main, true)}), while the loop
 * runs, {@link #setResult}, {@link #setException}, {@link #cancel(String)}, {@link Task#cancel}
 * and {@link #addDoneCallback} called from a thread other than the loop's throw
 * {@link IllegalStateException} before changing anything, naming the operation and pointing to
 * {@link EventLoop#callSoonThreadsafe}; so do the loop's own non-thread-safe methods. asyncio's
 * debug mode notices such a call only when it schedules a callback; this check does not depend on
 * that. Outside debug mode nothing is checked: the callbacks and waiting tasks such a call
 * schedules still reach the loop through its thread-safe queue, and wake it, but the future's
 * state is changed without synchronisation, so a race with the loop thread can lose a callback or
 * let two completions through. Treat it as a bug that debug mode finds, not as a feature.
 *
 * <h2>Exceptions</h2>
 * {@link #await()} and {@link #result()} rethrow the stored exception itself, as Python does.
 * {@code await()} declares {@code throws Exception}, since task bodies may throw anything;
 * {@code result()} declares nothing and rethrows a checked exception unchanged, so catch
 * {@code Exception} around it when one may come. An exception that is set and never retrieved is
 * reported to the loop's exception handler when the future is garbage collected.
 *
 * <h2>States</h2>
 * A future is pending until it completes, once, in one of three ways; nothing changes it after.
 * <table class="striped">
 * <caption>States of a future</caption>
 * <thead><tr><th>State</th><th>{@link #isDone()}</th><th>{@link #isCancelled()}</th>
 *     <th>entered by</th><th>{@link #await()} / {@link #result()}</th></tr></thead>
 * <tbody>
 * <tr><td>pending</td><td>false</td><td>false</td><td>creation</td>
 *     <td>await parks; result throws {@link InvalidStateError}</td></tr>
 * <tr><td>finished with a result</td><td>true</td><td>false</td><td>{@link #setResult}</td>
 *     <td>the result</td></tr>
 * <tr><td>failed</td><td>true</td><td>false</td><td>{@link #setException}</td>
 *     <td>throws the exception</td></tr>
 * <tr><td>cancelled</td><td>true</td><td>true</td><td>{@link #cancel()}</td>
 *     <td>throws {@link CancelledError}</td></tr>
 * </tbody>
 * </table>
 * Completing a done future throws {@link InvalidStateError}; cancelling one returns false. Each
 * completion schedules the done callbacks and wakes the tasks awaiting it.
 *
 * @param <T> the result type
 */
public class Future<T> {
    private static final int PENDING = 0;
    private static final int CANCELLED = 1;
    private static final int FINISHED = 2;

    final EventLoop loop;
    private volatile int state;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    /** A {@code Consumer} done callback or a waiting {@code Task}, in the order they were added. */
    private Object firstCallback;
    private ArrayList<Object> moreCallbacks;
    /** Who waits for this future without a task parked on it: a {@code Future}, a list of them, or null. */
    private Object awaitedBy;
    private UnretrievedExceptions.Tracker unretrieved;

    /**
     * A pending future of {@code loop}; {@link EventLoop#createFuture()} is the usual way to make one.
     *
     * @param loop the loop whose thread completes the future and runs its callbacks
     */
    public Future(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "a future needs the event loop it belongs to");
    }

    /** {@return the loop this future belongs to} */
    public EventLoop getLoop() {
        return loop;
    }

    /** {@return whether the future has a result, an exception, or was cancelled} */
    public boolean isDone() {
        return state != PENDING;
    }

    /** {@return whether the future was cancelled} */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * Parks the current task until this future is done, then returns its result or throws its
     * exception ({@link CancelledError} if it was cancelled). Returns at once, without
     * suspending, if it is already done. asyncio's {@code await future}.
     *
     * <p>Cancelling the waiting task cancels this future too (unless it is shielded).
     *
     * <p>A task of another loop may await it too (loops of a {@link LoopGroup}, or any two
     * loops): the outcome then reaches that task through both loops' thread-safe queues, one
     * iteration of each later, and cancelling that task cancels this future on its own loop.
     * That loop must be running (on its own thread), or this throws {@link IllegalStateException}.
     *
     * @throws IllegalStateException if called outside a task, e.g. from a plain callback or a
     *     thread that is not a task; such code should add a done callback, or use
     *     {@link #toCompletableFuture()} or {@link Asyncio#runCoroutineThreadsafe}
     * @return the future's result
     * @throws CancelledError if the future, or the waiting task, was cancelled
     * @throws Exception the future's exception, rethrown unchanged
     */
    public T await() throws Exception {
        if (state == PENDING) {
            Task<?> task = Task.current();
            if (task == null) {
                throw new IllegalStateException(notInTaskMessage());
            }
            if (task.loop != loop) {
                return LoopBridge.await(this);
            }
            suspend(task);
        }
        return outcome();
    }

    /**
     * The result, if the future finished with one; rethrows its exception (unchanged, even a
     * checked one) or throws {@link CancelledError} otherwise.
     *
     * @return the future's result
     * @throws InvalidStateError if the future is not done yet
     */
    public T result() {
        if (state == PENDING) {
            throw new InvalidStateError("Result is not ready: the future is still pending; await it or add a done callback");
        }
        try {
            return outcome();
        } catch (Exception e) {
            throw Asyncio.sneakyThrow(e);
        }
    }

    /**
     * The exception the future finished with, or {@code null} if it has a result.
     *
     * @return the exception, or {@code null}
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateError if it is not done yet
     */
    public Throwable exception() {
        int s = state;
        if (s == PENDING) {
            throw new InvalidStateError("Exception is not set: the future is still pending");
        }
        if (s == CANCELLED) {
            throw new CancelledError(cancelMessage);
        }
        markRetrieved();
        return exception;
    }

    /**
     * Cancels the future. Same as {@code cancel(null)}.
     *
     * @return false if it was already done
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future and schedules its callbacks; whoever awaits it gets a
     * {@link CancelledError} carrying {@code message}.
     *
     * @param message the cancellation message, or {@code null}
     * @return false if it was already done
     */
    public boolean cancel(String message) {
        loop.core().checkThread("Future.cancel");
        if (state != PENDING) {
            return false;
        }
        finishCancelled(message);
        return true;
    }

    /**
     * Marks the future done with {@code value} and schedules its callbacks.
     *
     * @param value the result (may be {@code null})
     * @throws InvalidStateError if it is already done
     */
    public void setResult(T value) {
        loop.core().checkThread("Future.setResult");
        checkPending("setResult");
        finishWithResult(value);
    }

    /**
     * Marks the future done with {@code error} and schedules its callbacks.
     *
     * @param error the exception that awaiting the future will throw
     * @throws InvalidStateError if it is already done
     * @throws NullPointerException if {@code error} is null
     */
    public void setException(Throwable error) {
        Objects.requireNonNull(error, "error: setException needs the exception to store, not null");
        loop.core().checkThread("Future.setException");
        checkPending("setException");
        finishWithException(error);
    }

    /**
     * Adds a callback that runs, scheduled with {@code callSoon}, once the future is done; if it
     * is already done the callback is scheduled now. It runs in a copy of the {@link Context}
     * current when it was added.
     *
     * @param callback called with this future once it is done
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        addDoneCallback(callback, null);
    }

    /**
     * {@link #addDoneCallback(Consumer)} that runs {@code callback} in {@code context} itself
     * ({@code null}: a copy of the current one), so what it sets stays there: asyncio's
     * {@code add_done_callback(fn, context=context)}.
     *
     * @param callback called with this future once it is done
     * @param context the context to run it in, or {@code null} for a copy of the current one
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback, Context context) {
        Objects.requireNonNull(callback, "callback");
        loop.core().checkThread("Future.addDoneCallback");
        Object where = Handle.contextOf(context);
        if (state != PENDING) {
            loop.post(new Handle(() -> callback.accept(this), where));
        } else {
            addEntry(where instanceof Map<?, ?> snapshot && snapshot.isEmpty() ? callback : new CapturedCallback(callback, where));
        }
    }

    /**
     * Removes every registration of {@code callback}.
     *
     * @param callback the callback as it was added (compared with {@code equals})
     * @return how many were removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        int removed = 0;
        if (moreCallbacks != null) {
            int before = moreCallbacks.size();
            moreCallbacks.removeIf(entry -> CapturedCallback.matches(entry, callback));
            removed = before - moreCallbacks.size();
        }
        if (CapturedCallback.matches(firstCallback, callback)) {
            firstCallback = moreCallbacks == null || moreCallbacks.isEmpty() ? null : moreCallbacks.removeFirst();
            removed++;
        }
        return removed;
    }

    /**
     * A {@code CompletableFuture} completed with this future's outcome; cancelling it cancels this
     * future (through the loop, so any thread may do it). Callable from any thread: from another
     * thread while the loop runs, the step that follows this future runs on the loop's own thread
     * (queued with {@link EventLoop#callSoonThreadsafe}), so the outcome arrives an iteration later.
     *
     * @return a new {@code CompletableFuture} that follows this future
     */
    public CompletableFuture<T> toCompletableFuture() {
        if (loop.isRunning() && !loop.core().inLoop()) {
            return LoopBridge.observe(this); // adding the callback from this thread would race with the loop's
        }
        CompletableFuture<T> bridge = new CompletableFuture<>();
        if (state != PENDING) {
            transferTo(bridge);
        } else {
            addEntry((Consumer<Future<T>>) f -> transferTo(bridge));
        }
        bridge.whenComplete((value, error) -> {
            if (bridge.isCancelled() && state == PENDING) {
                loop.callSoonThreadsafeQuietly(this::cancel);
            }
        });
        return bridge;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + describeState() + ">";
    }

    String describeState() {
        return switch (state) {
            case PENDING -> " pending";
            case CANCELLED -> " cancelled";
            default -> exception != null ? " finished exception=" + exception : " finished result=" + result;
        };
    }

    /** Parks {@code task} until this future is done; see {@link #await()}. */
    final void suspend(Task<?> task) {
        if (task.loop != loop) {
            throw new IllegalStateException("Task " + task.getName() + " awaits a future of a different event loop;"
                    + " a future can only be awaited by tasks of its own loop (use wrapFuture or toCompletableFuture to cross loops)");
        }
        if (task == this) {
            throw new IllegalStateException("Task " + task.getName() + " awaits itself: it would wait forever");
        }
        task.beginWait(this);
        try {
            addEntry(task);
            while (state == PENDING) {
                task.park(this);
                task.checkInterrupt();
            }
        } finally {
            task.endWait();
        }
    }

    /** Rethrows or returns the outcome of a done future. */
    final T outcome() throws Exception {
        if (state == CANCELLED) {
            throw new CancelledError(cancelMessage);
        }
        Throwable error = exception;
        if (error == null) {
            return result;
        }
        markRetrieved();
        if (error instanceof Exception e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new RuntimeException(error);
    }

    /**
     * Records that {@code waiter} waits for this future through a callback rather than by
     * awaiting it (gather, shield, a task group's parent); asyncio's
     * {@code future_add_to_awaited_by}. The record lasts while the future is pending.
     */
    @SuppressWarnings("unchecked")
    final void addAwaitedBy(Future<?> waiter) {
        if (state != PENDING) {
            return;
        }
        if (awaitedBy == null) {
            awaitedBy = waiter;
        } else if (awaitedBy instanceof ArrayList<?> list) {
            ((ArrayList<Object>) list).add(waiter);
        } else {
            ArrayList<Object> list = new ArrayList<>(4);
            list.add(awaitedBy);
            list.add(waiter);
            awaitedBy = list;
        }
    }

    /**
     * The futures waiting for this one, each once: the tasks parked in {@link #await()} on it,
     * then those recorded with {@link #addAwaitedBy}. Read it on the loop's thread.
     */
    final Set<Future<?>> awaitedBy() {
        Set<Future<?>> waiters = new LinkedHashSet<>();
        if (firstCallback instanceof Task<?> task) {
            waiters.add(task);
        }
        if (moreCallbacks != null) {
            for (Object entry : moreCallbacks) {
                if (entry instanceof Task<?> task) {
                    waiters.add(task);
                }
            }
        }
        if (awaitedBy instanceof ArrayList<?> list) {
            for (Object waiter : list) {
                waiters.add((Future<?>) waiter);
            }
        } else if (awaitedBy != null) {
            waiters.add((Future<?>) awaitedBy);
        }
        return waiters;
    }

    final String cancelMessage() {
        return cancelMessage;
    }

    /** Completes the future as cancelled regardless of subclass rules (tasks use it to finish). */
    final void finishCancelled(String message) {
        cancelMessage = message;
        state = CANCELLED;
        scheduleCallbacks();
    }

    final void finishWithResult(T value) {
        result = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    final void finishWithException(Throwable error) {
        exception = error;
        state = FINISHED;
        unretrieved = UnretrievedExceptions.track(this, error);
        scheduleCallbacks();
    }

    final void markRetrieved() {
        UnretrievedExceptions.Tracker tracker = unretrieved;
        if (tracker != null) {
            tracker.retrieved();
            unretrieved = null;
        }
    }

    private void checkPending(String operation) {
        if (state != PENDING) {
            throw new InvalidStateError(operation + "() on a future that is already done (" + describeState().strip()
                    + "); a future completes only once");
        }
    }

    private void transferTo(CompletableFuture<T> bridge) {
        if (state == CANCELLED) {
            bridge.cancel(false);
        } else if (exception != null) {
            markRetrieved();
            bridge.completeExceptionally(exception);
        } else {
            bridge.complete(result);
        }
    }

    private void addEntry(Object entry) {
        if (firstCallback == null && moreCallbacks == null) {
            firstCallback = entry;
        } else {
            if (moreCallbacks == null) {
                moreCallbacks = new ArrayList<>(4);
            }
            if (firstCallback == null) {
                firstCallback = entry;
            } else {
                moreCallbacks.add(entry);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void scheduleCallbacks() {
        Object first = firstCallback;
        ArrayList<Object> more = moreCallbacks;
        firstCallback = null;
        moreCallbacks = null;
        awaitedBy = null;
        if (first != null) {
            dispatch(first);
        }
        if (more != null) {
            for (Object entry : more) {
                dispatch(entry);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(Object entry) {
        if (entry instanceof Task<?> waiter) {
            waiter.wake();
        } else if (entry instanceof CapturedCallback captured) {
            Consumer<? super Future<T>> callback = (Consumer<? super Future<T>>) captured.callback();
            loop.post(new Handle(() -> callback.accept(this), captured.context()));
        } else {
            Consumer<? super Future<T>> callback = (Consumer<? super Future<T>>) entry;
            loop.post(new Handle(() -> callback.accept(this)));
        }
    }

    /** A done callback together with where it runs: a snapshot of the variables current when it was added, or a given context. */
    private record CapturedCallback(Consumer<?> callback, Object context) {
        static boolean matches(Object entry, Object callback) {
            return entry instanceof CapturedCallback captured ? captured.callback.equals(callback)
                    : entry != null && entry.equals(callback);
        }
    }

    private static String notInTaskMessage() {
        String where = Thread.currentThread().isVirtual() ? "a virtual thread that is not an asyncio4j task"
                : "a thread that is not a task (a plain loop callback, or another thread)";
        return "Future.await() parks the current task, but it was called from " + where
                + ". Await inside a task (Asyncio.run, createTask); in a callback use addDoneCallback;"
                + " from another thread use Asyncio.runCoroutineThreadsafe or toCompletableFuture().join().";
    }
}
