// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassesTest {

    @Test
    void warmUpsAreDiscardedAndTheBestMedianAndSpreadAreOfTheTimedPasses() throws Exception {
        var values = new ArrayDeque<>(List.of(1000.0, 30.0, 10.0, 20.0, 50.0));
        Passes.Summary s = new Passes(1, 4).run(values::removeFirst);
        assertThat(s.best()).isEqualTo(10.0);
        assertThat(s.median()).isEqualTo(25.0);
        assertThat(s.spreadPercent()).isEqualTo(160.0);
        assertThat(s.all()).containsExactly(30.0, 10.0, 20.0, 50.0);
        assertThat(values).isEmpty();
    }

    @Test
    void theBestProcessCpuTimeRecordedByTheTimedPassesIsReportedBesideTheWallTime() throws Exception {
        var cpu = new ArrayDeque<>(List.of(1.0, 40.0, 30.0));
        Passes.Summary s = new Passes(1, 2).run(() -> {
            ProcessCpu.record(cpu.removeFirst());
            return 100;
        });
        assertThat(s.cpuBest()).isEqualTo(30.0);
        assertThat(s.extra()).containsEntry("cpu_ns", 30.0);
        assertThat(new Passes(0, 1).run(() -> 5).extra()).doesNotContainKey("cpu_ns");
    }

    @Test
    void atLeastOneTimedPassIsRequired() {
        assertThatThrownBy(() -> new Passes(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFigureIsOneJsonLineWithExtrasInOrderAndNoNonFiniteNumbers() {
        var figure = new Figure("asyncio4j", "switch", 10, 151.25, "ns/switch",
                new Passes.Summary(151.25, 160, 12.5, new double[] {1, 2}, Double.NaN, 3).extra());
        assertThat(figure.toJson()).isEqualTo("{\"system\":\"asyncio4j\",\"case\":\"switch\",\"n\":10,\"value\":151.3,"
                + "\"unit\":\"ns/switch\",\"median\":160.0,\"spread_pct\":12.5,\"passes\":2.0,\"gc_ms\":3.0}");
        assertThat(new Figure("a", "b", 1, Double.NaN, "u").toJson()).contains("\"value\":null");
    }
}
