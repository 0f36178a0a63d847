// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Condition;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Passes;
import org.asyncio4j.bench.Size;

/**
 * {@code timers}: N tasks each sleep a random delay in [0, 1 s] (whole milliseconds, seed 42, as
 * the JVM peers draw them); the figure is the wall time beyond the longest delay, in ms. A
 * second figure, {@code timers_bytes_per_task}, is the heap per sleeping task, measured while N
 * tasks sleep (delays pushed 60 s out so none fires during the GCs, then they are cancelled).
 */
public final class TimersCase implements BenchCase {
    private static final double MEASURE_OFFSET_SECONDS = 60;

    @Override
    public String name() {
        return "timers";
    }

    @Override
    public int n(Size size) {
        return size.pick(100_000, 20_000, 1_000);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        double[] delays = delaysSeconds(n, size.timerSpreadSeconds());
        double longest = 0;
        for (double d : delays) {
            longest = Math.max(longest, d);
        }
        double maxDelay = longest;
        var overhead = size.passes().run(() -> overheadMillis(delays, maxDelay));
        // memory per sleeping task does not depend on what the loop watches: measured bare only
        Condition condition = Condition.current();
        Passes.Summary heap = condition == Condition.BARE ? size.passes().run(() -> heapPerTask(delays)) : null;
        Map<String, Double> extra = new LinkedHashMap<>();
        if (heap != null) {
            extra.put("heap_bytes_per_task", heap.best());
        }
        extra.putAll(overhead.extra());
        Double cpu = extra.remove("cpu_ns"); // here: the process's CPU time for the whole pass
        if (cpu != null) {
            extra.put("cpu_ms", cpu / 1e6);
        }
        extra.put("max_delay_s", maxDelay);
        var timers = new Figure(SYSTEM, condition.caseName("timers"), n, overhead.best(), "ms_over_1s", extra);
        if (heap == null) {
            return List.of(timers);
        }
        var bytes = new Figure(SYSTEM, "timers_bytes_per_task", n, heap.best(), "bytes/task", heap.extra());
        return List.of(timers, bytes);
    }

    /** N delays uniform over whole milliseconds in [0, spread], fixed seed 42 (the JVM peers' draw at spread 1 s). */
    static double[] delaysSeconds(int n, double spreadSeconds) {
        Random random = new Random(42);
        int maxMillis = (int) Math.round(spreadSeconds * 1000);
        double[] delays = new double[n];
        for (int i = 0; i < n; i++) {
            delays[i] = random.nextInt(maxMillis + 1) / 1000.0;
        }
        return delays;
    }

    static double overheadMillis(double[] delays, double maxDelay) {
        double totalNanosPerOne = Timing.nanosPer(1, () -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Task<Void>[] tasks = new Task[delays.length];
            for (int i = 0; i < delays.length; i++) {
                double d = delays[i];
                tasks[i] = Asyncio.createTask(() -> Asyncio.sleep(d));
            }
            for (Task<Void> task : tasks) {
                task.await();
            }
        });
        return totalNanosPerOne / 1e6 - maxDelay * 1000;
    }

    static double heapPerTask(double[] delays) {
        double[] perTask = new double[1];
        Asyncio.run(() -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Task<Void>[] tasks = new Task[delays.length];
            long before = Heap.usedAfterGc();
            for (int i = 0; i < delays.length; i++) {
                double d = MEASURE_OFFSET_SECONDS + delays[i];
                tasks[i] = Asyncio.createTask(() -> Asyncio.sleep(d));
            }
            Asyncio.sleep(0); // every task reaches its sleep first
            perTask[0] = (Heap.usedAfterGc() - before) / (double) delays.length;
            IdleMemoryCase.cancelAll(tasks);
        });
        return perTask[0];
    }
}
