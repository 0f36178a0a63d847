// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

/**
 * A loop's clock that stands still while anything runs and moves only when the loop would
 * otherwise wait: to the next timer's deadline if it may jump that far (always, with
 * auto-advance; up to a target the test kit's {@code TestLoop.advanceTime} sets otherwise), never
 * past work another thread still owes the loop. It starts at 0. Read and moved on the loop's
 * thread (or the thread driving a loop that is not running); {@code now} is volatile so that
 * other threads read a recent time. Used by the test kit and by the library's own tests.
 */
public final class VirtualClock implements LoopClock {
    private volatile long now;
    private boolean autoAdvance = true;
    /** Without auto-advance, the clock may still jump to deadlines up to this (set by an advance in a task). */
    private long allowedUntil = Long.MIN_VALUE;
    /** While a thread drives the stopped loop up to {@code target}: the loop is stopped once idle there. */
    private boolean driving;
    private long target;
    private boolean reachedTarget;
    private Runnable stopLoop;
    /** How long, in real nanoseconds, the loop must have nothing to do before an automatic jump (Trio's autojump_threshold). */
    private long autoAdvanceAfter;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long realWait(long deadline, boolean outsideWork) {
        if (outsideWork) {
            return -1; // wait for the other thread in real time: its delivery wakes the loop
        }
        if (driving) {
            return 0;
        }
        if (deadline > jumpLimit()) {
            return -1;
        }
        return autoAdvance ? autoAdvanceAfter : 0;
    }

    @Override
    public void idle(long deadline) {
        if (deadline <= jumpLimit()) {
            now = Math.max(now, deadline);
        } else if (driving) {
            now = Math.max(now, target);
            reachedTarget = true;
            stopLoop.run();
        }
    }

    private long jumpLimit() {
        if (driving) {
            return target;
        }
        // NO_DEADLINE (no timer at all) is never reached: nothing would ever run at that time
        return autoAdvance ? NO_DEADLINE - 1 : allowedUntil;
    }

    public void setStopper(Runnable stopLoop) {
        this.stopLoop = stopLoop;
    }

    public void setAutoAdvance(boolean enabled) {
        autoAdvance = enabled;
    }

    /** Makes automatic jumps wait until the loop has had nothing to do for {@code realNanos} of real time (0: at once). */
    public void setAutoAdvanceAfter(long realNanos) {
        autoAdvanceAfter = realNanos;
    }

    public long autoAdvanceAfter() {
        return autoAdvanceAfter;
    }

    public boolean autoAdvance() {
        return autoAdvance;
    }

    /** Lets the clock jump to deadlines up to {@code until} even without auto-advance. */
    public void allowUntil(long until) {
        allowedUntil = Math.max(allowedUntil, until);
    }

    /** Starts driving a stopped loop to {@code until}; the loop stops itself when idle there. */
    public void startDriving(long until) {
        driving = true;
        target = until;
        reachedTarget = false;
    }

    /** Whether the drive reached its target; ends it if so. */
    public boolean finishDriving() {
        if (reachedTarget) {
            driving = false;
        }
        return reachedTarget;
    }

    public void abortDriving() {
        driving = false;
    }
}
