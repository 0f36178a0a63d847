// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asyncio4j.bench.cases.BlockingCase;
import org.asyncio4j.bench.report.FlatJson;
import org.junit.jupiter.api.Test;

/**
 * Runs every asyncio4j case at the tiny size (figures meaningless, seconds in all) and checks
 * that each produced sane positive figures in the peers' JSON format. Never the real benchmark.
 */
class HarnessSmokeTest {

    @Test
    void everyCaseProducesPositiveFiguresAsJsonLines() throws Exception {
        List<String> producedCases = new ArrayList<>();
        boolean database = System.getenv(BlockingCase.JDBC_URL_VARIABLE) != null; // bench/run's PostgreSQL; else BlockingCaseTest says why not
        for (BenchCase c : Cases.select(List.of())) {
            if (c.name().equals("blocking_jdbc") && !database) {
                continue;
            }
            List<Figure> figures = c.run(Size.TINY);
            assertThat(figures).as(c.name()).isNotEmpty();
            for (Figure figure : figures) {
                Map<String, Object> json = FlatJson.parse(figure.toJson());
                assertThat(json.get("system")).isEqualTo("asyncio4j");
                assertThat(json.get("n")).isEqualTo((double) c.n(Size.TINY));
                assertThat(json.get("unit")).asString().isNotBlank();
                assertThat((Double) json.get("value")).as(figure.toJson()).isPositive().isFinite();
                if (((String) json.get("unit")).endsWith("/s")) { // a rate: the best pass is the highest
                    assertThat((Double) json.get("median")).as(figure.toJson()).isLessThanOrEqualTo((Double) json.get("value"));
                } else {
                    assertThat((Double) json.get("median")).as(figure.toJson()).isGreaterThanOrEqualTo((Double) json.get("value"));
                }
                if (((String) json.get("unit")).startsWith("ns/")) {
                    assertThat((Double) json.get("cpu_ns")).as(figure.toJson()).isPositive();
                }
                producedCases.add((String) json.get("case"));
            }
        }
        List<String> expected = new ArrayList<>(List.of("spawn", "switch", "pingpong", "queue", "timers",
                "timers_bytes_per_task", "idle_memory", "callsoon", "floor_vthread", "floor_pingpong", "floor_continuation",
                "subprocess_cat", "threadsafe", "cancel", "lock", "switch_depth10", "switch_depth50", "gather", "readline",
                "blocking_sleep", "blocking_file", "blocking_file_tothread", "blocking_socket"));
        if (database) {
            expected.add("blocking_jdbc");
        }
        assertThat(producedCases).containsExactlyElementsOf(expected);
    }

    @Test
    void theLoadedConditionNamesItsFiguresWithTheLoadedSuffix() throws Exception {
        Condition.set(Condition.LOADED);
        try {
            assertThat(Cases.select(List.of("callsoon", "timers", "lock")).stream().flatMap(c -> {
                try {
                    return c.run(Size.TINY).stream();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).map(Figure::kase)).containsExactly("callsoon_loaded", "timers_loaded", "lock_loaded");
        } finally {
            Condition.set(Condition.BARE);
        }
    }

    @Test
    void unitsAreThePeersUnits() throws Exception {
        assertThat(Cases.select(List.of("spawn")).getFirst().run(Size.TINY).getFirst().unit()).isEqualTo("ns/task");
        assertThat(Cases.select(List.of("pingpong")).getFirst().run(Size.TINY).getFirst().unit()).isEqualTo("ns/roundtrip");
        assertThat(Cases.select(List.of("callsoon")).getFirst().run(Size.TINY).getFirst().unit()).isEqualTo("ns/callback");
    }

    @Test
    void anUnknownCaseIsRejectedWithTheKnownNames() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cases.select(List.of("swtich")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swtich").hasMessageContaining("switch");
    }

    @Test
    void theEchoCaseIsAcceptedHereAndLeftToBenchRun() {
        assertThat(Cases.select(List.of("echo"))).isEmpty();
    }
}
