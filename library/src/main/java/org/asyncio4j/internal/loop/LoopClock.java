// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

/**
 * The one place a loop reads its time from, in nanoseconds, and the one it asks before it waits
 * (DESIGN.md, "One clock, injectable"). Every timer, sleep and timeout of a loop, and its
 * {@code time()}, follow this clock; a loop is given its clock when it is made and keeps it.
 * {@link #SYSTEM} is the monotonic clock of every loop but the test kit's, whose virtual clock
 * moves only when the loop would otherwise wait.
 *
 * <p>Nothing here measures how long the loop thread really worked (the polling interval, debug
 * mode's slow callbacks): that is real time, read from {@link #SYSTEM} whatever the loop's clock.
 */
public interface LoopClock {
    /** A deadline meaning "no timer is scheduled". */
    long NO_DEADLINE = Long.MAX_VALUE;

    /** Monotonic nanoseconds from {@link System#nanoTime()}, with one origin for the whole JVM. */
    LoopClock SYSTEM = new LoopClock() {
        private final long origin = System.nanoTime();

        @Override
        public long nanoTime() {
            return System.nanoTime() - origin;
        }

        @Override
        public String toString() {
            return "LoopClock.SYSTEM";
        }
    };

    /** Now, in nanoseconds on this clock. */
    long nanoTime();

    /**
     * Called by a loop whose clock is not {@link #SYSTEM} when it has nothing to run, no timer due
     * and nothing queued by other threads, and would wait for I/O until {@code deadline} (the first
     * timer's, or {@link #NO_DEADLINE}). Returns how long the loop may block in its poll, in real
     * nanoseconds: 0 to poll without blocking (and then let {@link #idle} move the clock), -1 to
     * block until I/O or another thread wakes it. Loop thread only.
     *
     * @param outsideWork whether other threads still owe the loop work it knows about: executor
     *     jobs or wrapped {@code CompletionStage}s not yet delivered, or tasks blocked in a JDK call
     */
    default long realWait(long deadline, boolean outsideWork) {
        return deadline == NO_DEADLINE ? -1 : Math.max(0, deadline - nanoTime());
    }

    /**
     * The wait that {@link #realWait} allowed ended and the loop still has nothing to run; it is
     * about to move the timers that are due to its ready queue, so a clock that moves to
     * {@code deadline} here has that timer run in this iteration. Loop thread only.
     */
    default void idle(long deadline) {
    }
}
