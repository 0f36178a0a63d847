// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one measurement pass repeatedly: warm-up passes first (discarded: JIT compilation, class
 * loading, heap growth), then timed passes, and summarises them.
 *
 * <p>The reported value is the best (minimum) pass; the median and the spread ((max - min) /
 * median, in percent) are reported beside it so a noisy run shows itself. {@code bench/run}'s
 * peer drivers ({@code bench/peers}) measure every peer with the same warm-up and passes.
 *
 * {@snippet :
 * Passes.Summary s = Passes.run(new Passes(1, 5), () -> measureOnce());
 * double best = s.best();
 * }
 *
 * @param warmups passes run and discarded before measuring
 * @param timed passes measured
 */
public record Passes(int warmups, int timed) {

    /** One measurement pass; returns the metric (lower is better). */
    @FunctionalInterface
    public interface Pass {
        double run() throws Exception;
    }

    /** The summary of the timed passes. */
    public record Summary(double best, double median, double spreadPercent, double[] all, double cpuBest,
                          double gcMillisPerPass) {

        /**
         * Median, spread, pass count, (if the passes recorded it) the best process CPU time per
         * operation, and the collectors' milliseconds per pass, as extra JSON fields.
         */
        public Map<String, Double> extra() {
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("median", median);
            extra.put("spread_pct", spreadPercent);
            extra.put("passes", (double) all.length);
            if (Double.isFinite(cpuBest)) {
                extra.put("cpu_ns", cpuBest);
            }
            extra.put("gc_ms", gcMillisPerPass);
            return extra;
        }
    }

    public Passes {
        if (warmups < 0 || timed < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and timed >= 1, got " + warmups + " and " + timed);
        }
    }

    /** Runs the warm-ups, then the timed passes with a full GC before each, and summarises them. */
    public Summary run(Pass pass) throws Exception {
        for (int i = 0; i < warmups; i++) {
            pass.run();
        }
        ProcessCpu.take();
        double[] values = new double[timed];
        double cpuBest = Double.NaN;
        long gcMillis = 0;
        for (int i = 0; i < timed; i++) {
            System.gc(); // start each pass on a clean heap, as the JVM peers do
            long gc0 = ProcessCpu.gcMillis();
            values[i] = pass.run();
            gcMillis += ProcessCpu.gcMillis() - gc0;
            double cpu = ProcessCpu.take();
            cpuBest = Double.isNaN(cpuBest) ? cpu : Math.min(cpuBest, cpu);
        }
        return summarise(values, cpuBest, (double) gcMillis / timed);
    }

    static Summary summarise(double[] values, double cpuBest, double gcMillisPerPass) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        double spread = median > 0 ? 100 * (sorted[sorted.length - 1] - sorted[0]) / median : 0;
        return new Summary(sorted[0], median, spread, values, cpuBest, gcMillisPerPass);
    }
}
