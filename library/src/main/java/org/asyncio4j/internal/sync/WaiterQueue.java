// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.sync;

import java.lang.invoke.MethodHandles;
import java.util.ArrayDeque;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;

/**
 * The one fair, cancellation-aware line of waiting tasks under every primitive and queue
 * (Trio's parking lot; asyncio keeps a deque of futures in each class instead).
 *
 * <p>A {@link Waiter} is a place in line holding a loop future. Waking a waiter completes its
 * future with a result: the waiter is then <em>woken</em> but stays in line, keeping its place,
 * until its task resumes and {@link #leave leaves}. Cancelling the task cancels the future
 * (Task.cancel cancels what the task awaits), so a waiter is in one of three states:
 * <ul>
 *   <li><b>pending</b>: its future is not done; the waking methods pick pending waiters, oldest first;</li>
 *   <li><b>woken</b>: its future has a result; counted by {@link #woken()} until it leaves or is re-armed;</li>
 *   <li><b>abandoned</b>: its future was cancelled; skipped by everything until its task leaves.</li>
 * </ul>
 *
 * <h2>Cancellation</h2>
 * The dangerous moment is a task cancelled after it was woken but before it resumed: its await
 * throws {@link CancelledError} although the wake-up was delivered, and whatever the wake-up
 * granted (a lock, a permit, a signal) would be lost. {@link #awaitTurn} hands such a wake-up
 * back to the primitive through a callback; primitives that use {@link #park} directly
 * re-balance after {@link #leave} instead, which returns whether the wake-up had arrived.
 *
 * <p>Not thread-safe: it belongs to the loop its primitive is bound to.
 */
public final class WaiterQueue {
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private int woken;

    /** A task's place in a {@link WaiterQueue}. */
    public static final class Waiter {
        private Future<Void> wakeup;

        private Waiter(Future<Void> wakeup) {
            this.wakeup = wakeup;
        }

        private boolean isPending() {
            return !wakeup.isDone();
        }

        private boolean isWoken() {
            return wakeup.isDone() && !wakeup.isCancelled();
        }
    }

    /** Puts a new pending waiter at the back of the line. */
    public Waiter join(EventLoop loop) {
        assert onLoop(loop) : "loop-only, called from " + Thread.currentThread();
        Waiter waiter = new Waiter(loop.createFuture());
        line.addLast(waiter);
        return waiter;
    }

    /**
     * Parks the current task until {@code waiter} is woken; returns at once if it already is.
     *
     * @throws CancelledError if the task is cancelled, even after the wake-up arrived
     */
    public void park(Waiter waiter) {
        assert onLoop(waiter.wakeup.getLoop()) : "loop-only, called from " + Thread.currentThread();
        try {
            waiter.wakeup.await();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // await() declares Exception for futures that carry one; wake-up futures never do.
            throw new IllegalStateException("a waiter's wake-up future failed unexpectedly", e);
        }
    }

    /**
     * Takes {@code waiter} out of the line.
     *
     * @return true if it had been woken, i.e. it was handed something it must use or pass on
     */
    public boolean leave(Waiter waiter) {
        assert onLoop(waiter.wakeup.getLoop()) : "loop-only, called from " + Thread.currentThread();
        line.remove(waiter);
        if (waiter.isWoken()) {
            woken--;
            return true;
        }
        return false;
    }

    /** Makes a woken waiter pending again, in the same place in line (it found nothing left for it). */
    public void rearm(Waiter waiter) {
        assert onLoop(waiter.wakeup.getLoop()) : "loop-only, called from " + Thread.currentThread();
        if (waiter.isWoken()) {
            woken--;
        }
        waiter.wakeup = waiter.wakeup.getLoop().createFuture();
    }

    /**
     * Joins, parks until woken, and leaves. If the task is cancelled after its wake-up arrived,
     * {@code onAbandonedWakeup} runs before the {@link CancelledError} propagates, so that the
     * primitive can pass on what the wake-up granted.
     */
    public void awaitTurn(EventLoop loop, Runnable onAbandonedWakeup) {
        Waiter waiter = join(loop);
        try {
            park(waiter);
        } catch (Throwable failure) {
            if (leave(waiter)) {
                onAbandonedWakeup.run();
            }
            throw failure;
        }
        leave(waiter);
    }

    /** Wakes the oldest pending waiter; returns false if there is none. */
    public boolean wakeNext() {
        for (Waiter waiter : line) {
            if (waiter.isPending()) {
                wake(waiter);
                return true;
            }
        }
        return false;
    }

    /** Wakes up to {@code n} pending waiters, oldest first; returns how many it woke. */
    public int wake(int n) {
        int count = 0;
        for (Waiter waiter : line) {
            if (count >= n) {
                break;
            }
            if (waiter.isPending()) {
                wake(waiter);
                count++;
            }
        }
        return count;
    }

    /** Wakes every pending waiter. */
    public void wakeAll() {
        wake(Integer.MAX_VALUE);
    }

    /** Waiters woken and not yet resumed. */
    public int woken() {
        return woken;
    }

    /** Waiters still waiting or woken, i.e. not abandoned by a cancelled task. */
    public int live() {
        int count = 0;
        for (Waiter waiter : line) {
            if (!waiter.wakeup.isCancelled()) {
                count++;
            }
        }
        return count;
    }

    /** True if no task waits or has been woken (abandoned places do not count). */
    public boolean hasNoLiveWaiters() {
        for (Waiter waiter : line) {
            if (!waiter.wakeup.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    /** For assertions: the caller is on {@code loop} (or none runs it); the queue belongs to its primitive's loop. */
    private static boolean onLoop(EventLoop loop) {
        return LOOPS.io(loop).inLoopOrIdle();
    }

    private void wake(Waiter waiter) {
        assert onLoop(waiter.wakeup.getLoop()) : "loop-only, called from " + Thread.currentThread();
        waiter.wakeup.setResult(null);
        woken++;
    }
}
