// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.sync.LoopBinding;
import org.asyncio4j.internal.sync.WaiterQueue;

/**
 * A condition variable: tasks holding its {@link Lock} wait for a signal from another task.
 * asyncio's {@code asyncio.Condition}.
 *
 * {@snippet :
 * Condition changed = new Condition();
 * List<String> inbox = new ArrayList<>();
 *
 * // consumer task
 * try (var _ = changed.acquire()) {
 *     changed.awaitUntil(() -> !inbox.isEmpty());   // await cond.wait_for(predicate)
 *     System.out.println(inbox.removeFirst());
 * }
 *
 * // producer task
 * try (var _ = changed.acquire()) {
 *     inbox.add("hello");
 *     changed.signal();                              // cond.notify()
 * }
 * }
 *
 * <h2>Names</h2>
 * {@code Object}'s {@code wait}, {@code notify} and {@code notifyAll} are final, so the
 * methods follow {@code java.util.concurrent.locks.Condition}:
 * <table>
 *   <caption>asyncio to asyncio4j</caption>
 *   <tr><th>asyncio</th><th>asyncio4j</th></tr>
 *   <tr><td>{@code await cond.wait()}</td><td>{@link #await()}</td></tr>
 *   <tr><td>{@code await cond.wait_for(predicate)}</td><td>{@link #awaitUntil(BooleanSupplier)}</td></tr>
 *   <tr><td>{@code cond.notify(n=1)}</td><td>{@link #signal()}, {@link #signal(int)}</td></tr>
 *   <tr><td>{@code cond.notify_all()}</td><td>{@link #signalAll()}</td></tr>
 *   <tr><td>{@code async with cond:}</td><td>{@code try (var _ = cond.acquire())}</td></tr>
 * </table>
 *
 * <h2>Fairness and cancellation</h2>
 * Signals wake waiters in the order they began waiting; each woken task then takes the lock in
 * its turn before {@code await()} returns. {@code await()} always returns or throws with the
 * lock held, even when cancelled (CPython bpo-22970). A task cancelled after it was signalled
 * passes the signal to the next waiter, so a signal is never lost to a cancellation (CPython
 * gh-112202); the next waiter may then see a spurious wake-up, which condition-variable users
 * must tolerate anyway (hence {@link #awaitUntil}).
 *
 * <h2>Thread confinement</h2>
 * Binds to the loop of its first use; calling it from another thread or another loop throws
 * {@link IllegalStateException}. Waiting methods only from a task.
 */
public final class Condition {
    private final LoopBinding binding = new LoopBinding("Condition");
    private final WaiterQueue waiters = new WaiterQueue();
    private final Lock lock;

    /** A condition with a new lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /**
     * A condition over {@code lock}, which other conditions or code may share.
     *
     * @param lock the lock that {@link #await()} releases and retakes
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Acquires the underlying lock; see {@link Lock#acquire()}.
     *
     * @return the acquisition, whose {@code close()} releases the lock (for try-with-resources)
     */
    public Acquisition acquire() {
        return lock.acquire();
    }

    /** Releases the underlying lock; see {@link Lock#release()}. */
    public void release() {
        lock.release();
    }

    /** {@return true if the underlying lock is held} See {@link Lock#isLocked()}. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /**
     * How many tasks wait to be notified, and the underlying lock's statistics, as Trio's
     * {@code statistics()}.
     *
     * @param tasksWaiting tasks parked in {@link #await()} (before they take the lock back)
     * @param lockStatistics the statistics of the condition's lock
     */
    public record Statistics(int tasksWaiting, Lock.Statistics lockStatistics) {
        /**
         * Checks the lock's part.
         *
         * @throws NullPointerException if {@code lockStatistics} is null
         */
        public Statistics {
            java.util.Objects.requireNonNull(lockStatistics, "lockStatistics");
        }
    }

    /** {@return a snapshot of the condition's state} Read it on its loop's thread. */
    public Statistics statistics() {
        return new Statistics(waiters.live(), lock.statistics());
    }

    /**
     * Releases the lock, waits for a signal, and takes the lock again before returning.
     * asyncio's {@code await cond.wait()}.
     *
     * @throws CancelledError if the task is cancelled; the lock is held again all the same
     * @throws IllegalStateException if the lock is not held, or outside a task of the condition's loop
     */
    public void await() {
        EventLoop loop = binding.checkTask("await");
        requireLocked("await");
        lock.release();
        Throwable failure = null;
        boolean signalled = false;
        try {
            waiters.awaitTurn(loop, waiters::wakeNext);
            signalled = true;
        } catch (Throwable t) {
            failure = t;
        }
        // The caller's code after await() assumes the lock: retake it even if cancelled.
        while (true) {
            try {
                lock.acquire();
                break;
            } catch (CancelledError e) {
                failure = e;
            }
        }
        if (failure != null) {
            if (signalled) {
                waiters.wakeNext(); // we will not act on our signal: someone else must
            }
            throw unchecked(failure);
        }
    }

    /**
     * Waits until {@code predicate} is true: checks it, and calls {@link #await()} until it holds.
     * asyncio's {@code await cond.wait_for(predicate)}. The predicate runs with the lock held
     * when the caller holds it; like asyncio, a predicate already true returns at once, without
     * yielding and without checking the lock, and only waiting needs the lock.
     *
     * @param predicate the state to wait for, checked before each wait and after each wake-up
     * @throws CancelledError if the task is cancelled; the lock is held again all the same
     * @throws IllegalStateException if the predicate is false and the lock is not held, or
     *     outside a task of the condition's loop
     */
    public void awaitUntil(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        binding.checkTask("awaitUntil");
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    /** Wakes the oldest waiting task; same as {@code signal(1)}. asyncio's {@code cond.notify()}. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, oldest first. asyncio's {@code cond.notify(n)}.
     *
     * @param n the most waiting tasks to wake

     * @throws IllegalStateException if the lock is not held (also while it is being handed to a
     *     waiting task that has not resumed: then nobody holds it)
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("signal(n) needs n >= 0, got " + n);
        }
        binding.check("signal");
        requireLocked("signal");
        waiters.wake(n);
    }

    /** Wakes every waiting task. asyncio's {@code cond.notify_all()}. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** Tasks waiting for a signal, including signalled ones that have not resumed yet. */
    int waiting() {
        return waiters.live();
    }

    private void requireLocked(String operation) {
        if (!lock.isHeld()) {
            throw new IllegalStateException("Condition." + operation + "() needs the condition's lock held:"
                    + " call it inside try (var _ = condition.acquire()) { ... }");
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof Error e) {
            throw e;
        }
        return (RuntimeException) failure;
    }

    @Override
    public String toString() {
        int n = waiting();
        return "<Condition [" + (isLocked() ? "locked" : "unlocked") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }
}
