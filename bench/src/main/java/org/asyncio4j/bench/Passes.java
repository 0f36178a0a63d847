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
 * <p>The reported value is the best (minimum) pass, which is what the peers' scripts report
 * (one warm-up, best of 3); the median and the spread ((max - min) / median, in percent) are
 * reported beside it so a noisy run shows itself.
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
    public record Summary(double best, double median, double spreadPercent, double[] all, double cpuBest) {

        /** Median, spread, pass count and (if the passes recorded it) the best loop-thread CPU time as extra JSON fields. */
        public Map<String, Double> extra() {
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("median", median);
            extra.put("spread_pct", spreadPercent);
            extra.put("passes", (double) all.length);
            if (Double.isFinite(cpuBest)) {
                extra.put("cpu_ns", cpuBest);
            }
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
        LoopCpu.take();
        double[] values = new double[timed];
        double cpuBest = Double.NaN;
        for (int i = 0; i < timed; i++) {
            System.gc(); // start each pass on a clean heap, as the JVM peers do
            values[i] = pass.run();
            double cpu = LoopCpu.take();
            cpuBest = Double.isNaN(cpuBest) ? cpu : Math.min(cpuBest, cpu);
        }
        return summarise(values, cpuBest);
    }

    static Summary summarise(double[] values, double cpuBest) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        double spread = median > 0 ? 100 * (sorted[sorted.length - 1] - sorted[0]) / median : 0;
        return new Summary(sorted[0], median, spread, values, cpuBest);
    }
}
