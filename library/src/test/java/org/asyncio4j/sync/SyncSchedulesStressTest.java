// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import org.asyncio4j.testing.Seeds;
import org.junit.jupiter.api.Test;

/** {@link SyncSchedulesTest} with many more and longer schedules; runs with -Pstress. */
class SyncSchedulesStressTest {
    @Test
    void locksAndSemaphoresConservePermitsAndServeInOrder() {
        Seeds.forEachSeed(20_000, seed -> PermitSchedules.check(seed, 200));
    }

    @Test
    void conditionsLoseNoSignalAndNoItem() {
        Seeds.forEachSeed(20_000, seed -> ConditionSchedules.check(seed, 200));
    }
}
