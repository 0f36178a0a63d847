// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The process's CPU time per operation of the last pass, reported beside the wall time as
 * {@code cpu_ns}, the same measure every system gets ({@code bench/run} pins each system to one
 * CPU, its GC and JIT threads included, so this is all the work the run cost). On a busy shared
 * machine it is steadier than wall time, because time the process spends descheduled is not
 * counted. The GC's collection time per pass is reported beside it as {@code gc_ms}.
 *
 * <p>The harness is single-threaded: a pass records, {@link Passes} takes the record after it.
 *
 * {@snippet :
 * long cpu0 = ProcessCpu.now();
 * // ... the timed work ...
 * ProcessCpu.record(cpu0, ProcessCpu.now(), operations);
 * }
 */
@SuppressWarnings("restricted") // the benchmark JVMs run with --enable-native-access
public final class ProcessCpu {
    private static final int CLOCK_PROCESS_CPUTIME_ID = 2; // Linux's value
    private static final MethodHandle CLOCK_GETTIME = clockGettime();
    private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
    private static double lastPerOperation = Double.NaN;

    private ProcessCpu() {
    }

    /**
     * CPU nanoseconds used so far by this process, all threads (the GC's and the JIT's too), or
     * -1 if it cannot tell. On Linux {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} through the
     * FFM API, the clock Python's {@code time.process_time_ns()} reads; the JVM's own process CPU
     * time counts in clock ticks (10 ms), too coarse for a pass of a few tens of milliseconds,
     * and is the fallback elsewhere.
     */
    public static long now() {
        if (CLOCK_GETTIME != null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment time = arena.allocate(16, 8); // struct timespec { long tv_sec; long tv_nsec; }
                if ((int) CLOCK_GETTIME.invokeExact(CLOCK_PROCESS_CPUTIME_ID, time) == 0) {
                    return time.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + time.get(ValueLayout.JAVA_LONG, 8);
                }
            } catch (Throwable e) {
                return -1;
            }
        }
        return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static MethodHandle clockGettime() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return null;
        }
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("clock_gettime")
                .map(f -> linker.downcallHandle(f, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS)))
                .orElse(null);
    }

    /** Milliseconds the JVM's collectors have spent so far. */
    public static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
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
