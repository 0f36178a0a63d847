// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.sync.LoopBinding;
import org.asyncio4j.internal.sync.WaiterQueue;

/**
 * A counter of permits for the tasks of one event loop: {@link #acquire()} takes one, waiting
 * while there are none; {@link #release()} gives one back. asyncio's {@code asyncio.Semaphore}.
 *
 * {@snippet :
 * Semaphore slots = new Semaphore(10);       // at most ten downloads at once
 * try (var _ = slots.acquire()) {            // async with semaphore:
 *     download(url);
 * }
 * }
 *
 * <h2>Fairness</h2>
 * First come, first served: {@link #release()} hands the permit straight to the oldest waiting
 * task, and a task calling {@code acquire()} while others are in line queues behind them even if
 * a permit is free, so acquisitions complete in the order they were asked for (CPython
 * bpo-45997, gh-90155).
 *
 * <h2>Cancellation</h2>
 * A task cancelled while waiting raises {@link org.asyncio4j.CancelledError} and holds no
 * permit. If a permit had already been handed to it, it passes the permit on, so permits are
 * never lost nor granted twice, and no waiter is stranded while permits are free.
 *
 * <h2>Thread confinement</h2>
 * Binds to the loop of its first use; calling it from another thread or another loop throws
 * {@link IllegalStateException}. {@code acquire()} may wait, so only a task may call it.
 */
public sealed class Semaphore permits BoundedSemaphore {
    private final LoopBinding binding;
    private final WaiterQueue waiters = new WaiterQueue();
    /** The most free permits a release may leave; MAX_VALUE for a plain semaphore. */
    private final int bound;
    /** Free permits, not counting those reserved for woken waiters; never positive while a waiter is pending. */
    private int value;

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * A semaphore with {@code permits} permits.
     *
     * @param permits the number of permits free at the start
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore(int permits) {
        this(permits, Integer.MAX_VALUE, "Semaphore");
    }

    Semaphore(int permits, int bound, String name) {
        if (permits < 0) {
            throw new IllegalArgumentException(name + " needs a number of permits >= 0, got " + permits);
        }
        this.value = permits;
        this.bound = bound;
        this.binding = new LoopBinding(name);
    }

    /**
     * Takes a permit, waiting for one if none is free. Returns at once, without yielding, if one
     * is free. asyncio's {@code await semaphore.acquire()}.
     *
     * @return a handle whose {@code close()} releases the permit, for try-with-resources
     * @throws org.asyncio4j.CancelledError if the task is cancelled while waiting (no permit is held)
     * @throws IllegalStateException outside a task of the semaphore's loop
     */
    public Acquisition acquire() {
        EventLoop loop = binding.checkTask("acquire");
        if (value > 0 && waiters.hasNoLiveWaiters()) {
            value--;
        } else {
            // Woken means a permit was reserved for us; if cancelled then, give it back.
            waiters.awaitTurn(loop, this::addPermit);
            // Tasks that arrived while we were woken but not yet running queued behind us
            // rather than overtake us; wake as many of them as there are free permits.
            wakeWhileFree();
        }
        return new Acquisition(this::release);
    }

    /**
     * Gives a permit back, handing it to the oldest waiting task if there is one. asyncio's
     * {@code semaphore.release()}; may be called from a task or a loop callback. A plain
     * {@code Semaphore} accepts more releases than acquires (its count grows);
     * {@link BoundedSemaphore} refuses them.
     *
     * @throws IllegalStateException for a {@code BoundedSemaphore} whose permits are all free or
     *     being handed to waiting tasks that have not resumed yet
     */
    public void release() {
        binding.check("release");
        // A permit reserved for a woken waiter is taken: counting it as free would let one more
        // task in than the bound (CPython 3.13 does, and only notices at a later release).
        if ((long) value + waiters.woken() >= bound) {
            throw new IllegalStateException("BoundedSemaphore released more often than it was acquired: all " + bound
                    + " permits are already free or being handed to waiting tasks");
        }
        addPermit();
    }

    /**
     * True if {@code acquire()} would wait: no permit is free, or tasks are in line ahead (they
     * may have been handed permits and not resumed yet). asyncio's {@code locked()}.
     *
     * @return true if an {@code acquire()} now would wait
     */

    public boolean isLocked() {
        return value == 0 || !waiters.hasNoLiveWaiters();
    }

    /**
     * The permits left and how many tasks wait for one, as Trio's {@code statistics()}.
     *
     * @param value permits free now
     * @param tasksWaiting tasks parked in {@link #acquire()} (those already granted a permit but not yet resumed included)
     */
    public record Statistics(int value, int tasksWaiting) {
    }

    /** {@return a snapshot of the semaphore's state} Read it on its loop's thread. */
    public Statistics statistics() {
        return new Statistics(value, waiters.live());
    }

    /** Tasks waiting for a permit, including those handed one that have not resumed yet. */
    final int waiting() {
        return waiters.live();
    }

    private void addPermit() {
        value++;
        wakeWhileFree();
    }

    /** Hands free permits to the oldest pending waiters, reserving one for each. */
    private void wakeWhileFree() {
        while (value > 0 && waiters.wakeNext()) {
            value--;
        }
    }

    @Override
    public String toString() {
        int n = waiting();
        return "<" + getClass().getSimpleName() + " [" + (isLocked() ? "locked" : "unlocked") + ", value:" + value
                + (n > 0 ? ", waiters:" + n : "") + "]>";
    }
}
