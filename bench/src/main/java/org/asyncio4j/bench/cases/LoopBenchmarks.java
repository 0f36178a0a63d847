// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.concurrent.TimeUnit;
import org.asyncio4j.bench.Condition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH cross-check of the loop micro cases: the same passes as {@code callsoon}, {@code switch}
 * and {@code pingpong} (their {@code once} methods, at their quick N), in both conditions, timed
 * by JMH in two forks. {@code bench/run --jmh} runs it; its figures should agree with the
 * harness's, which is what makes the harness's figures trustworthy.
 *
 * {@snippet lang=shell :
 * java -cp <bench classpath> org.openjdk.jmh.Main LoopBenchmarks
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED"})
public class LoopBenchmarks {
    static final int CALLBACKS = 200_000;
    static final int SWITCHES = 100_000;
    static final int ROUND_TRIPS = 50_000;

    @Param({"BARE", "LOADED"})
    public Condition condition;

    @Setup(Level.Trial)
    public void setCondition() {
        Condition.set(condition);
    }

    @Benchmark
    @OperationsPerInvocation(CALLBACKS)
    public double callsoon() {
        return CallSoonCase.once(CALLBACKS);
    }

    @Benchmark
    @OperationsPerInvocation(2 * SWITCHES)
    public double switches() {
        return SwitchCase.once(SWITCHES);
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public double pingpong() {
        return PingPongCase.once(ROUND_TRIPS);
    }
}
