// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.sync.LoopBinding;
import org.asyncio4j.internal.sync.WaiterQueue;

/**
 * A meeting point for a fixed number of tasks: each {@link #await()} waits until
 * {@link #parties()} tasks have arrived, then all of them go on together, and the barrier can
 * be used again. asyncio's {@code asyncio.Barrier} (Python 3.11).
 *
 * {@snippet :
 * Barrier start = new Barrier(3);
 * for (int i = 0; i < 3; i++) {
 *     Asyncio.createTask(() -> {
 *         int arrival = start.await();  // await barrier.wait(): 0, 1 or 2
 *         System.out.println("running, arrived " + arrival);
 *     });
 * }
 * }
 *
 * <h2>Cycle</h2>
 * The barrier fills until the last party arrives, then drains: the parties return in the order
 * they arrived, and tasks arriving meanwhile wait for the next cycle. {@link #reset()} sends the
 * waiting parties a {@link BrokenBarrierError} and, once they are gone, starts a fresh cycle;
 * {@link #abort()} breaks it for good: every waiting and later {@code await()} throws
 * {@code BrokenBarrierError} until {@code reset()}.
 *
 * <h2>Names</h2>
 * asyncio's {@code await barrier.wait()} is {@link #await()} (like {@code CyclicBarrier.await()},
 * it returns the arrival index, 0 for the first); {@code n_waiting} is {@link #nWaiting()},
 * {@code broken} is {@link #isBroken()}. {@code reset()} and {@code abort()} are coroutines in
 * asyncio only because they take an internal lock; here they never wait, so they are plain
 * methods callable from tasks and loop callbacks.
 *
 * <h2>Cancellation</h2>
 * A task cancelled while waiting for the others leaves, and the barrier then needs one more
 * arrival to fill; one cancelled after the barrier was released simply raises
 * {@link org.asyncio4j.CancelledError} while the others go on.
 *
 * <h2>Thread confinement</h2>
 * Binds to the loop of its first use; calling it from another thread or another loop throws
 * {@link IllegalStateException}.
 */
public final class Barrier {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private static final Runnable NOTHING_TO_PASS_ON = () -> { };

    private final LoopBinding binding = new LoopBinding("Barrier");
    /** Every waiting task, woken on each state change to re-check its own condition. */
    private final WaiterQueue changes = new WaiterQueue();
    private final int parties;
    private State state = State.FILLING;
    /** Tasks inside await(): filling, or released and not yet returned. */
    private int count;

    /**
     * A barrier for {@code parties} tasks.
     *
     * @param parties how many tasks must call {@link #await()} before all of them pass
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("Barrier needs parties >= 1, got " + parties);
        }
        this.parties = parties;
    }

    /**
     * Waits until {@link #parties()} tasks have called it, then returns this task's arrival
     * index, from 0 to {@code parties() - 1}. asyncio's {@code await barrier.wait()}.
     *
     * @return this task's arrival index in the cycle, from 0 to {@code parties() - 1}
     * @throws BrokenBarrierError if the barrier is broken, or is aborted or reset while waiting
     * @throws org.asyncio4j.CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException outside a task of the barrier's loop
     */
    public int await() {
        EventLoop loop = binding.checkTask("await");
        while (state == State.DRAINING || state == State.RESETTING) {
            changes.awaitTurn(loop, NOTHING_TO_PASS_ON); // the previous cycle is still emptying
        }
        if (state == State.BROKEN) {
            throw new BrokenBarrierError("the barrier is broken (aborted); reset() it before using it again");
        }
        int index = count++;
        try {
            if (index + 1 == parties) {
                state = State.DRAINING;
                changes.wakeAll();
            } else {
                while (state == State.FILLING) {
                    changes.awaitTurn(loop, NOTHING_TO_PASS_ON);
                }
                if (state == State.BROKEN || state == State.RESETTING) {
                    throw new BrokenBarrierError("the barrier was " + (state == State.BROKEN ? "aborted" : "reset")
                            + " while this task waited at it");
                }
            }
            return index;
        } finally {
            count--;
            if (count == 0) {
                if (state == State.DRAINING || state == State.RESETTING) {
                    state = State.FILLING;
                }
                changes.wakeAll();
            }
        }
    }

    /**
     * Returns the barrier to its empty, filling state; tasks waiting at it get a
     * {@link BrokenBarrierError}. Also repairs a broken barrier. asyncio's {@code await barrier.reset()}.
     */
    public void reset() {
        binding.check("reset");
        state = count > 0 ? State.RESETTING : State.FILLING;
        changes.wakeAll();
    }

    /**
     * Breaks the barrier: waiting and future {@link #await()} calls throw
     * {@link BrokenBarrierError} until {@link #reset()}. asyncio's {@code await barrier.abort()}.
     */
    public void abort() {
        binding.check("abort");
        state = State.BROKEN;
        changes.wakeAll();
    }

    /** {@return the number of tasks needed to pass the barrier} */
    public int parties() {
        return parties;
    }

    /** {@return the number of tasks waiting for the barrier to fill} asyncio's {@code n_waiting}. */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** {@return true after {@link #abort()}, until {@link #reset()}} asyncio's {@code broken}. */

    public boolean isBroken() {
        return state == State.BROKEN;
    }

    @Override
    public String toString() {
        return "<Barrier [" + state.name().toLowerCase(java.util.Locale.ROOT) + ", waiters:" + nWaiting() + "/" + parties
                + "]>";
    }
}
