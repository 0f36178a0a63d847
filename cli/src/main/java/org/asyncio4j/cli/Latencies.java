// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.util.Arrays;

/**
 * Durations measured by one task (a connection, a crawl), kept whole so percentiles are exact.
 * Not thread-safe: tasks of one loop share it without locks, which is what the loop guarantees.
 *
 * {@snippet :
 * Latencies latencies = new Latencies();
 * latencies.add(System.nanoTime() - start);
 * double p99 = latencies.percentile(99) / 1e6; // milliseconds
 * }
 */
public final class Latencies {
    private long[] nanos = new long[256];
    private int count;

    /** Records one duration, in nanoseconds. */
    public void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    /** Records every duration of {@code other}. */
    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    public int count() {
        return count;
    }

    /**
     * The nearest-rank percentile in nanoseconds: the smallest recorded duration that at least
     * {@code p} percent of the durations do not exceed; 0 when nothing was recorded.
     *
     * @throws IllegalArgumentException unless {@code 0 < p <= 100}
     */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], got " + p);
        }
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(rank, 1) - 1];
    }
}
