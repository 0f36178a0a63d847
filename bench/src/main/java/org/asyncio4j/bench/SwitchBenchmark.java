// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.util.concurrent.TimeUnit;
import org.asyncio4j.Asyncio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** {@code switch}: two tasks yielding to each other with {@code sleep(0)}; the time per switch. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.lang=ALL-UNNAMED")
public class SwitchBenchmark {
    static final int SWITCHES = 100_000;

    @Benchmark
    @OperationsPerInvocation(2 * SWITCHES)
    public void twoTasksYielding() {
        Asyncio.run(() -> {
            var a = Asyncio.createTask(SwitchBenchmark::yieldMany);
            var b = Asyncio.createTask(SwitchBenchmark::yieldMany);
            a.await();
            b.await();
        });
    }

    static void yieldMany() {
        for (int i = 0; i < SWITCHES; i++) {
            Asyncio.sleep(0);
        }
    }
}
