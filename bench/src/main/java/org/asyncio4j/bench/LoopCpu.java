// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The loop thread's CPU time per operation of the last pass, reported beside the wall time as
 * {@code cpu_ns}: on a busy shared machine it is much steadier than wall time, because time the
 * thread spends descheduled is not counted. It leaves out the GC's and the JIT's threads, so for
 * allocation-heavy cases it is a lower bound. The peers report wall time only: comparisons
 * between systems use wall time; this figure is for comparing asyncio4j with itself.
 *
 * <p>The harness is single-threaded: a pass records, {@link Passes} takes the record after it.
 *
 * {@snippet :
 * long cpu0 = LoopCpu.now(loopThreadId);
 * // ... the timed work ...
 * LoopCpu.record((LoopCpu.now(loopThreadId) - cpu0) / (double) operations);
 * }
 */
public final class LoopCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static double lastPerOperation = Double.NaN;

    private LoopCpu() {
    }

    /** CPU nanoseconds used so far by platform thread {@code threadId}, or -1 if the JVM cannot tell. */
    public static long now(long threadId) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(threadId) : -1;
    }

    /** Records the last pass's CPU nanoseconds per operation (NaN if unknown). */
    public static void record(double nanosPerOperation) {
        lastPerOperation = nanosPerOperation;
    }

    /** Records the CPU time between two {@link #now} readings divided by {@code operations}. */
    public static void record(long before, long after, double operations) {
        record(before < 0 || after < 0 ? Double.NaN : (after - before) / operations);
    }

    /** The last pass's record, or NaN if the pass recorded none; clears it. */
    static double take() {
        double value = lastPerOperation;
        lastPerOperation = Double.NaN;
        return value;
    }
}
