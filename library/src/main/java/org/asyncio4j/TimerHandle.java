// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import org.asyncio4j.internal.loop.LoopCore;

/**
 * A callback scheduled for a point in time by {@link EventLoop#callLater} or
 * {@link EventLoop#callAt}. asyncio's {@code asyncio.TimerHandle}.
 *
 * {@snippet :
 * TimerHandle timer = loop.callLater(5.0, () -> System.out.println("late"));
 * System.out.println(timer.when() - loop.time()); // about 5.0
 * timer.cancel();
 * }
 *
 * <p>Cancelled timers stay in the loop's heap until they come due or until most of the heap is
 * cancelled, when it is compacted; cancelling is therefore O(1).
 */
public final class TimerHandle extends Handle {
    private final long deadline;
    private final LoopCore core;

    TimerHandle(Runnable callback, Object context, long deadline, LoopCore core) {
        super(callback, context);
        this.deadline = deadline;
        this.core = core;
    }

    /** {@return the loop time, in seconds (see {@link EventLoop#time()}), at which the callback is due} */
    public double when() {
        return deadline / 1e9;
    }

    @Override
    public void cancel() {
        if (!isCancelled()) {
            super.cancel();
            if (!core.isClosed()) {
                core.timerCancelled();
            }
        }
    }
}
