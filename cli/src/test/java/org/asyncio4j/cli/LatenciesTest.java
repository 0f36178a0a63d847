// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverEveryRecordedDuration() {
        Latencies latencies = new Latencies();
        for (int i = 1000; i >= 1; i--) { // recorded out of order, and past the first capacity
            latencies.add(i);
        }
        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.percentile(50)).isEqualTo(500);
        assertThat(latencies.percentile(99)).isEqualTo(990);
        assertThat(latencies.percentile(100)).isEqualTo(1000);
        assertThat(latencies.percentile(0.01)).isEqualTo(1);
    }

    @Test
    void mergingKeepsEveryDurationAndAnEmptySetHasZeroPercentiles() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        assertThat(a.percentile(99)).isZero();
        a.add(10);
        b.add(30);
        b.add(20);
        a.addAll(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.percentile(50)).isEqualTo(20);
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> new Latencies().percentile(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> new Latencies().percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
