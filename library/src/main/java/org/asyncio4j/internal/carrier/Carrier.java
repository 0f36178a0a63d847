// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.carrier;

import org.asyncio4j.internal.loop.LoopCore;

/**
 * How one event loop carries its tasks: the single seam between the loop and the threads that run
 * task code. Everything a task does to start, suspend, resume or hand the loop to another task
 * goes through this class and {@link CarriedThread}; nothing else in the library parks,
 * unparks or yields a task's thread.
 *
 * <p>Each implementation keeps asyncio's contract: exactly one task step or callback runs at a
 * time; a step that becomes runnable joins the loop's ready queue behind what is already there
 * (in the order the wake-ups happened); a task created before the loop runs keeps its place among
 * {@code callSoon} callbacks. Implementations differ only in what a thread switch costs and in
 * what a blocking JDK call inside a task does ({@code docs/design.md}, "One scheduler seam").
 *
 * <p>Thread rules: every method is called on the loop (its thread, or the task that holds it),
 * except {@link CarriedThread#park} and {@link CarriedThread#yieldOnce}, which a task calls on its
 * own thread while it holds the loop.
 */
public abstract sealed class Carrier permits ScheduledCarrier, PortableCarrier {
    final LoopCore core;
    /** While set, the next task step made runnable on the loop goes to the front of the ready queue. */
    private boolean expedite;

    Carrier(LoopCore core) {
        this.core = core;
    }

    /**
     * A new, unstarted task thread running {@code body}; {@code handler} is its uncaught-exception
     * handler (asyncio4j finds a thread's task through it).
     */
    public abstract CarriedThread newThread(String name, Runnable body, Thread.UncaughtExceptionHandler handler);

    /**
     * Runs {@code action} on the loop so that the first task step it makes runnable (by
     * {@link CarriedThread#unpark}) runs next, ahead of the ready queue, in the iteration in
     * progress: a direct hand-over between two tasks, used by async generators.
     */
    public final void expedite(Runnable action) {
        expedite = true;
        try {
            action.run();
        } finally {
            expedite = false;
        }
    }

    /** Queues a step made runnable on the loop: at the back of the ready queue, or next if {@link #expedite} asks. */
    final void queueOnLoop(Runnable step) {
        if (expedite) {
            expedite = false;
            core.runNext(step);
        } else {
            core.pushReady(step);
        }
    }

    /**
     * Runs the loop's {@code iterations} until they return, on the calling thread or on one this
     * carrier needs, and rethrows what they throw.
     *
     * @throws IllegalStateException if the calling thread cannot run this carrier's loop
     */
    public abstract void runLoop(Runnable iterations);

    /** One task's thread, as its carrier runs it. */
    public interface CarriedThread {
        /** The thread (for names, interrupts, stacks and diagnostics). */
        Thread thread();

        /**
         * Starts the thread without running any of its code. Its first step is appended to the
         * ready queue if {@code queue} is true; otherwise the caller schedules or runs the
         * returned step itself.
         *
         * @return the step that runs the thread until it next suspends; running it again later is
         *     how the loop resumes the thread each time {@link #unpark} queues it
         */
        Runnable start(boolean queue);

        /**
         * Called by the task on its own thread: suspends it until {@link #unpark} (or until the
         * thread is interrupted), giving the loop back meanwhile. Like
         * {@link java.util.concurrent.locks.LockSupport#park(Object)}, it may return spuriously;
         * callers re-check their condition.
         */
        void park(Object blocker);

        /** Makes a parked thread runnable: its next step joins the ready queue. */
        void unpark();

        /** Called by the task on its own thread: gives the loop up for exactly one iteration. */
        void yieldOnce();

        /**
         * Called by the task on its own thread: runs {@code target}, another task's step, now, then
         * resumes this task, both before anything else that is ready.
         */
        void handOff(Runnable target);
    }
}
