// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.sync.LoopBinding;
import org.asyncio4j.internal.sync.WaiterQueue;

/**
 * A mutual-exclusion lock for the tasks of one event loop. asyncio's {@code asyncio.Lock}.
 *
 * {@snippet :
 * Lock lock = new Lock();
 * try (var _ = lock.acquire()) {      // async with lock:
 *     sharedState.update();            // one task at a time, even across awaits
 * }
 * // or, asyncio's long form:
 * lock.acquire();
 * try {
 *     sharedState.update();
 * } finally {
 *     lock.release();
 * }
 * }
 *
 * <h2>Fairness</h2>
 * Strictly first come, first served. {@link #release()} hands the lock straight to the oldest
 * waiting task, so a task that calls {@code acquire()} in between cannot overtake it, and
 * {@link #isLocked()} stays true during the hand-over ({@code isLocked()} means "acquire() would
 * wait"; asyncio's {@code locked()} briefly says false there although acquire would still wait).
 * Nobody holds the lock during the hand-over, though: a {@link #release()} then is refused, as in
 * asyncio, so the lock can never have two holders.
 *
 * <h2>Cancellation</h2>
 * A task cancelled while waiting leaves the line and raises {@link org.asyncio4j.CancelledError}
 * without holding the lock. If the lock had already been handed to it, it passes the lock on
 * to the next waiter (or unlocks it), so a cancellation never strands the lock or the tasks
 * behind it (CPython bpo-27585, bpo-32734).
 *
 * <h2>Thread confinement</h2>
 * Not owned by a task: any task may release it, as in asyncio. It binds to the loop of its first
 * use; calling it from another thread or another loop throws {@link IllegalStateException}.
 * {@code acquire()} may wait, so only a task may call it.
 */
public final class Lock {
    private final LoopBinding binding = new LoopBinding("Lock");
    private final WaiterQueue waiters = new WaiterQueue();
    private boolean locked;

    /** A new, unlocked lock; it binds to the loop of its first use. */
    public Lock() {
    }

    /**
     * Waits until the lock is free, then takes it. Returns at once, without yielding, if it is
     * free and nobody waits. asyncio's {@code await lock.acquire()}.
     *
     * @return a handle whose {@code close()} releases the lock, for try-with-resources
     * @throws org.asyncio4j.CancelledError if the task is cancelled while waiting (the lock is not held)
     * @throws IllegalStateException outside a task of the lock's loop
     */
    public Acquisition acquire() {
        EventLoop loop = binding.checkTask("acquire");
        if (locked) {
            // Woken means the lock was handed to us; if cancelled then, hand it on.
            waiters.awaitTurn(loop, this::handOver);
        } else {
            locked = true;
        }
        return new Acquisition(this::release);
    }

    /**
     * Releases the lock, handing it to the oldest waiting task if there is one. asyncio's
     * {@code lock.release()}; may be called from a task or a loop callback.
     *
     * @throws IllegalStateException if nobody holds the lock: it is unlocked, or being handed to
     *     a waiting task that has not resumed yet (asyncio's {@code RuntimeError})
     */
    public void release() {
        binding.check("release");
        if (!isHeld()) {
            throw new IllegalStateException("Lock.release() on a lock that "
                    + (locked ? "is being handed to a waiting task, so nobody holds it" : "is not locked")
                    + ": release only what acquire() took");
        }
        handOver();
    }

    /**
     * {@return true if the lock is held (or being handed to a waiter)} That is, {@code acquire()}
     * would wait.
     */

    public boolean isLocked() {
        return locked;
    }

    /**
     * True if a task holds the lock: it took it and has not released it. False during a hand-over,
     * when the lock is locked but its new holder has not resumed. asyncio's {@code locked()}.
     */
    boolean isHeld() {
        return locked && waiters.woken() == 0; // only a hand-over wakes a waiter of a lock
    }

    /**
     * Whether the lock is held and how many tasks wait for it (those already handed the lock
     * but not yet resumed included), as Trio's {@code statistics()}.
     *
     * @param locked what {@link #isLocked()} says
     * @param tasksWaiting tasks parked in {@link #acquire()}
     */
    public record Statistics(boolean locked, int tasksWaiting) {
    }

    /** {@return a snapshot of the lock's state} Read it on its loop's thread. */
    public Statistics statistics() {
        return new Statistics(locked, waiters.live());
    }

    /** Tasks waiting for the lock, including one it was handed to that has not resumed yet. */
    int waiting() {
        return waiters.live();
    }

    private void handOver() {
        if (!waiters.wakeNext()) {
            locked = false;
        }
    }

    @Override
    public String toString() {
        int n = waiting();
        return "<Lock [" + (locked ? "locked" : "unlocked") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }
}
