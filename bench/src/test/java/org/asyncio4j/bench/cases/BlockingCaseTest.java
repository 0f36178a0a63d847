// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;
import org.asyncio4j.bench.report.FlatJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocking cases' JDK virtual-thread peer and the JDBC variant at the tiny size: figures in
 * the peers' format with the CPU time per call beside them; {@code blocking_jdbc} runs only
 * against the PostgreSQL server {@code bench/run} starts, and says so without one.
 */
class BlockingCaseTest {

    @ParameterizedTest
    @EnumSource(value = BlockingCase.Call.class, names = {"SLEEP", "SOCKET"})
    void theJdkVirtualThreadPeerRunsTheSameCalls(BlockingCase.Call call) throws Exception {
        Figure figure = new BlockingCase(call).measure(JdkVirtualThreadsBlocking.SYSTEM, Size.TINY,
                BlockingCase.Runner.JDK_VIRTUAL_THREADS);
        assertSane(figure, "java-vthreads", new BlockingCase(call).name());
    }

    @Test
    void theCaseNamesMapBackToTheirCalls() {
        for (BlockingCase.Call call : BlockingCase.Call.values()) {
            assertThat(BlockingCase.call(new BlockingCase(call).name())).isEqualTo(call);
        }
        assertThatThrownBy(() -> BlockingCase.call("blocking_nap")).hasMessageContaining("blocking_nap");
    }

    @Test
    void blockingJdbcWithoutADatabaseSaysWhatToSet() {
        assumeTrue(System.getenv(BlockingCase.JDBC_URL_VARIABLE) == null, "a database is set: the next test runs the case");
        assertThatThrownBy(() -> new BlockingCase(BlockingCase.Call.JDBC).run(Size.TINY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(BlockingCase.JDBC_URL_VARIABLE);
    }

    @Test
    void blockingJdbcRunsOnBothRunnersAgainstTheDatabase() throws Exception {
        assumeTrue(System.getenv(BlockingCase.JDBC_URL_VARIABLE) != null,
                "no PostgreSQL: " + BlockingCase.JDBC_URL_VARIABLE + " is not set (bench/run starts one and sets it)");
        BlockingCase jdbc = new BlockingCase(BlockingCase.Call.JDBC);
        assertSane(jdbc.run(Size.TINY).getFirst(), "asyncio4j", "blocking_jdbc");
        assertSane(jdbc.measure(JdkVirtualThreadsBlocking.SYSTEM, Size.TINY, BlockingCase.Runner.JDK_VIRTUAL_THREADS),
                "java-vthreads", "blocking_jdbc");
    }

    private static void assertSane(Figure figure, String system, String kase) {
        Map<String, Object> json = FlatJson.parse(figure.toJson());
        assertThat(json).containsEntry("system", system).containsEntry("case", kase).containsEntry("unit", "us p99 lateness");
        assertThat((Double) json.get("value")).as(figure.toJson()).isNotNegative().isFinite();
        assertThat((Double) json.get("cpu_ns")).as("CPU per call: " + figure.toJson()).isPositive();
    }
}
