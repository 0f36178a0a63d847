// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.carrier;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.asyncio4j.internal.loop.LoopCore;

/**
 * The carrier that needs no JVM flag: each task is an ordinary virtual thread of the JDK's
 * default scheduler, and the loop is a baton passed between the loop thread and one task at a
 * time. A task step in the ready queue is a {@link Handed} thread: running it gives the task the
 * turn (unparks its thread) and blocks the loop thread until the task gives the turn back by
 * suspending in the library (await, {@code sleep}, a hand-over) or by ending. So exactly one task
 * or callback runs at a time and asyncio's ordering is unchanged.
 *
 * <p>The documented differences from {@link ScheduledCarrier}: a blocking JDK call inside a task
 * ({@code Thread.sleep}, socket I/O, {@code j.u.c} locks) keeps the turn, so it holds the whole
 * loop, as a blocking call does in asyncio; and a switch is a hand-over between two threads of
 * the JDK's scheduler, which costs more. The loop itself runs on a virtual thread (the caller of
 * {@code runForever} waits for it), since a hand-over between two virtual threads is several
 * times cheaper than one between a platform thread and a virtual thread.
 *
 * <p>A task that gives the turn back while the loop's next item is another task's step, with
 * nothing to wait for or poll before it, passes the turn straight to that task
 * ({@link LoopCore#passOn}): one hand-over per switch instead of two, the loop thread waiting
 * meanwhile, and the loop's bookkeeping (the callbacks left in the iteration, the polling
 * interval) done exactly as the loop thread would have done it.
 */
public final class PortableCarrier extends Carrier {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int PARKED = 2;
    private static final int DONE = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Handed.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread.Builder.OfVirtual builder = Thread.ofVirtual();
    /** A step that can take the turn straight from another: a task's, waiting in the ready queue. */
    private final Predicate<Runnable> queuedStep = item -> item instanceof Handed handed && handed.state == QUEUED;
    /** The thread running the loop's iterations; it waits in a step's {@link Handed#run} while a task holds the loop. */
    private Thread loopThread;
    /** The loop thread's end of the baton: set when the task holding the loop gives it back to the loop thread. */
    private volatile boolean loopTurn;

    public PortableCarrier(LoopCore core) {
        super(core);
    }

    @Override
    public CarriedThread newThread(String name, Runnable body, Thread.UncaughtExceptionHandler handler) {
        Handed handed = new Handed(body, handler);
        handed.thread = builder.name(name).unstarted(handed::carry);
        handed.thread.setUncaughtExceptionHandler(handler);
        return handed;
    }

    /** On a platform thread, runs the loop on a virtual thread and waits for it; on a virtual thread, in place. */
    @Override
    public void runLoop(Runnable iterations) {
        if (Thread.currentThread().isVirtual()) {
            iterations.run();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread loop = builder.name(Thread.currentThread().getName() + "-asyncio4j-loop").start(() -> {
            try {
                iterations.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        boolean interrupted = false;
        while (true) {
            try {
                loop.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the loop thread clears interrupts every iteration too
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    /** Queues {@code step}: the ready queue on the loop, the inbox from anywhere else. */
    private void schedule(Handed step) {
        if (core.inLoop(Thread.currentThread())) {
            queueOnLoop(step);
        } else {
            core.pushThreadsafe(step);
        }
    }

    /**
     * A task thread and its step. {@code state} says where the turn is: QUEUED (its step waits in a
     * queue), RUNNING (it holds the loop), PARKED (waiting for {@link #unpark}) or DONE; {@code turn}
     * is the baton itself, set by whoever passes the turn to the task (the loop thread, or the
     * task before it) and cleared by the task as it passes the turn on. Every field but these two
     * is touched only by whoever holds the turn.
     */
    private final class Handed implements CarriedThread, Runnable {
        private final Runnable body;
        private final Thread.UncaughtExceptionHandler handler;
        private Thread thread;
        /** An unpark that came while the task held the loop: its next park returns at once. */
        private boolean permit;
        @SuppressWarnings("unused") // accessed through STATE
        private volatile int state = QUEUED;
        private volatile boolean turn;

        Handed(Runnable body, Thread.UncaughtExceptionHandler handler) {
            this.body = body;
            this.handler = handler;
        }

        @Override
        public Thread thread() {
            return thread;
        }

        @Override
        public Runnable start(boolean queue) {
            thread.start(); // the thread waits for its first turn before running any task code
            if (queue) {
                core.pushReady(this);
            }
            return this;
        }

        /**
         * The step, on the loop thread: gives the task the turn and waits until a task (this one, or
         * one it passed the turn on to) gives it back to the loop thread.
         */
        @Override
        public void run() {
            if (state == DONE) {
                return;
            }
            loopThread = Thread.currentThread();
            loopTurn = false;
            take();
            while (!loopTurn) {
                LockSupport.park(this);
                Thread.interrupted(); // the loop clears its interrupts each iteration; waiting must not spin on one
            }
        }

        /** Gives this task the turn. */
        private void take() {
            state = RUNNING;
            turn = true;
            LockSupport.unpark(thread);
        }

        /** The thread's body: runs the task only while it holds the turn. */
        private void carry() {
            awaitTurn();
            try {
                body.run();
            } catch (Throwable e) {
                handler.uncaughtException(thread, e); // while holding the loop, as the fast carrier reports it
            } finally {
                state = DONE;
                giveBack();
            }
        }

        @Override
        public void park(Object blocker) {
            if (permit) {
                permit = false;
                return;
            }
            state = PARKED;
            giveBack();
            awaitTurn();
        }

        @Override
        public void unpark() {
            if (state == RUNNING) {
                permit = true;
            } else if (STATE.compareAndSet(this, PARKED, QUEUED)) {
                schedule(this);
            }
        }

        @Override
        public void yieldOnce() {
            state = QUEUED;
            core.pushReady(this);
            giveBack();
            awaitTurn();
        }

        @Override
        public void handOff(Runnable target) {
            state = QUEUED;
            core.runNext(this);
            core.runNext(target);
            giveBack();
            awaitTurn();
        }

        /** Passes the turn on: straight to the next task step if it is the loop's next item, else to the loop thread. */
        private void giveBack() {
            turn = false;
            if (core.passOn(this, queuedStep) instanceof Handed next) {
                next.take();
            } else {
                loopTurn = true;
                LockSupport.unpark(loopThread);
            }
        }

        /**
         * Parks until the loop gives the turn. An interrupt meanwhile (a thread dump tool, user
         * code) wakes the task as it would wake a parked loop-scheduled task: its step goes to the
         * inbox, and the interrupt status is kept for the library's checks.
         */
        private void awaitTurn() {
            boolean interrupted = false;
            while (!turn) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                    if (STATE.compareAndSet(this, PARKED, QUEUED)) {
                        core.pushThreadsafe(this);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
