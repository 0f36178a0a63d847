// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.carrier;

import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import org.asyncio4j.internal.loop.LoopCore;

/**
 * The fast carrier: each task is a virtual thread whose scheduler is this object, so the loop
 * thread itself carries the task's continuation when its turn comes in the ready queue. A
 * blocking JDK call inside a task parks only that task. Needs {@link LoopCarrier} (the JVM flag).
 *
 * <p>As the {@link Executor} of its virtual threads, it is called by the JDK from many threads:
 * the loop thread after a task yields, a task that unparks another, JDK timer threads
 * ({@code Thread.sleep}), socket pollers, and any thread that completes something a task waits
 * for. {@link #execute} is thread-safe, never blocks and never throws.
 */
public final class ScheduledCarrier extends Carrier implements Executor {
    private final Thread.Builder.OfVirtual builder;

    /** The thread inside {@link Thread#start()} of a task thread, whose first step {@link #execute} records. */
    private Thread starter;
    private Runnable lastStarted;
    private boolean queueStarted = true;
    /** Set by {@link Scheduled#handOff}: runs before the continuation of the task that yields next. */
    private Runnable handOffTarget;

    public ScheduledCarrier(LoopCore core) {
        super(core);
        this.builder = LoopCarrier.builder(this);
    }

    @Override
    public CarriedThread newThread(String name, Runnable body, Thread.UncaughtExceptionHandler handler) {
        return new Scheduled(builder.name(name).uncaughtExceptionHandler(handler).unstarted(body));
    }

    /** Schedules a continuation: the ready queue if called on the loop, the inbox otherwise. */
    @Override
    public void execute(Runnable item) {
        Thread current = Thread.currentThread();
        if (current == starter) {
            lastStarted = item;
            if (queueStarted) {
                core.pushReady(item);
            }
        } else if (core.inLoop(current)) {
            if (handOffTarget != null && core.isLoopThread(current)) {
                Runnable target = handOffTarget;
                handOffTarget = null;
                core.runNext(item);
                core.runNext(target);
            } else {
                queueOnLoop(item);
            }
        } else {
            core.pushThreadsafe(item);
        }
    }

    /** The loop thread carries the tasks' continuations, so it must be a platform thread. */
    @Override
    public void runLoop(Runnable iterations) {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("An event loop must run on a platform thread (virtual threads cannot carry"
                    + " the loop's virtual threads): run it from main or from a Thread.ofPlatform() thread");
        }
        iterations.run();
    }

    /** A loop-scheduled virtual thread: the JDK's park, unpark and yield drive it through {@link #execute}. */
    private final class Scheduled implements CarriedThread {
        private final Thread thread;

        Scheduled(Thread thread) {
            this.thread = thread;
        }

        @Override
        public Thread thread() {
            return thread;
        }

        /** The JDK submits the first continuation from inside {@code start()}: record it, queue it or not. */
        @Override
        public Runnable start(boolean queue) {
            starter = Thread.currentThread();
            lastStarted = null;
            queueStarted = queue;
            try {
                thread.start();
            } finally {
                starter = null;
                queueStarted = true;
            }
            Runnable continuation = lastStarted;
            lastStarted = null;
            return continuation;
        }

        @Override
        public void park(Object blocker) {
            LockSupport.park(blocker);
        }

        @Override
        public void unpark() {
            LockSupport.unpark(thread);
        }

        @Override
        public void yieldOnce() {
            Thread.yield();
        }

        /** The yield's continuation meets the armed target in {@link #execute}, on the loop thread. */
        @Override
        public void handOff(Runnable target) {
            handOffTarget = target;
            Thread.yield();
            Runnable missed = handOffTarget;
            handOffTarget = null;
            if (missed != null) {
                core.runNext(missed); // could not yield (pinned by a native frame): run it right after this step
            }
        }
    }
}
