// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Passes;
import org.asyncio4j.bench.ProcessCpu;
import org.asyncio4j.bench.Size;
import org.asyncio4j.bench.SubprocessThroughput;

/**
 * {@code subprocess_cat}: megabytes per second through a {@code cat} child (see
 * {@link SubprocessThroughput}); the peer is {@code bench/python/subprocess_cat.py} on asyncio.
 * N is the number of bytes piped through per pass; {@code cpu_ns_per_mb} is this process's CPU
 * time per megabyte (the {@code cat} child's own is not counted, on either side).
 */
public final class SubprocessCatCase implements BenchCase {
    @Override
    public String name() {
        return "subprocess_cat";
    }

    @Override
    public int n(Size size) {
        return size.pick(256 << 20, 32 << 20, 1 << 20);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        Passes.Summary seconds = size.passes().run(() -> {
            long cpu0 = ProcessCpu.now();
            double took = SubprocessThroughput.secondsThroughCat(n);
            ProcessCpu.record(cpu0, ProcessCpu.now(), n / 1e6);
            return took;
        });
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("median", megabytesPerSecond(n, seconds.median()));
        extra.put("spread_pct", seconds.spreadPercent());
        extra.put("passes", (double) seconds.all().length);
        extra.put("cpu_ns_per_mb", seconds.cpuBest());
        return List.of(new Figure(SYSTEM, name(), n, megabytesPerSecond(n, seconds.best()), "MB/s", extra));
    }

    private static double megabytesPerSecond(long bytes, double seconds) {
        return bytes / seconds / 1e6;
    }
}
