// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.sync.LoopBinding;
import org.asyncio4j.internal.sync.WaiterQueue;

/**
 * A flag that tasks can wait for: {@link #set()} wakes every task waiting in {@link #await()}.
 * asyncio's {@code asyncio.Event}.
 *
 * {@snippet :
 * Event ready = new Event();
 * Asyncio.createTask(() -> {
 *     ready.await();                   // await event.wait()
 *     System.out.println("go");
 * });
 * Asyncio.getRunningLoop().callLater(1, ready::set);
 * }
 *
 * <h2>Names</h2>
 * asyncio's {@code event.wait()} is {@link #await()} here: {@code Object.wait()} is final, and
 * {@code await} is the verb for every waiting method in asyncio4j (as in
 * {@code CountDownLatch.await()}). {@code is_set()} is {@link #isSet()}.
 *
 * <h2>Fairness and cancellation</h2>
 * {@code set()} wakes all waiters; they resume in the order they began waiting. A waiter woken
 * by {@code set()} returns normally even if the flag is cleared again before it resumes. A task
 * cancelled while waiting just leaves; nobody else loses anything.
 *
 * <h2>Thread confinement</h2>
 * Binds to the loop of its first use; calling it from another thread or another loop throws
 * {@link IllegalStateException} (from another thread, use {@code loop.callSoonThreadsafe(event::set)}).
 * {@code set()} and {@code clear()} may be called from loop callbacks; {@code await()} only from a task.
 */
public final class Event {
    private static final Runnable NOTHING_TO_PASS_ON = () -> { };

    private final LoopBinding binding = new LoopBinding("Event");
    private final WaiterQueue waiters = new WaiterQueue();
    private boolean flag;

    /** A new event, not set; it binds to the loop of its first use. */
    public Event() {
    }

    /**
     * Waits until the event is set; returns at once, without yielding, if it already is.
     * asyncio's {@code await event.wait()}.
     *
     * @throws org.asyncio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException outside a task of the event's loop
     */
    public void await() {
        EventLoop loop = binding.checkTask("await");
        if (!flag) {
            waiters.awaitTurn(loop, NOTHING_TO_PASS_ON);
        }
    }

    /** Sets the flag and wakes every waiting task. asyncio's {@code event.set()}. */
    public void set() {
        binding.check("set");
        if (!flag) {
            flag = true;
            waiters.wakeAll();
        }
    }

    /** Clears the flag; later {@link #await()} calls wait again. asyncio's {@code event.clear()}. */
    public void clear() {
        binding.check("clear");
        flag = false;
    }

    /** {@return true if the flag is set} asyncio's {@code event.is_set()}. */

    public boolean isSet() {
        return flag;
    }

    /**
     * Whether the event is set and how many tasks wait for it, as Trio's {@code statistics()}.
     *
     * @param set what {@link #isSet()} says
     * @param tasksWaiting tasks parked in {@link #await()}, woken ones not yet resumed included
     */
    public record Statistics(boolean set, int tasksWaiting) {
    }

    /** {@return a snapshot of the event's state} Read it on its loop's thread. */
    public Statistics statistics() {
        return new Statistics(flag, waiters.live());
    }

    /** Tasks waiting, including woken ones that have not resumed yet. */
    int waiting() {
        return waiters.live();
    }

    @Override
    public String toString() {
        int n = waiting();
        return "<Event [" + (flag ? "set" : "unset") + (n > 0 ? ", waiters:" + n : "") + "]>";
    }
}
