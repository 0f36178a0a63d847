// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import org.asyncio4j.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Properties over random schedules with cancellations; failures name a seed to replay. */
class SyncSchedulesTest {
    @Test
    void locksAndSemaphoresConservePermitsAndServeInOrder() {
        Seeds.forEachSeed(150, seed -> PermitSchedules.check(seed, 40));
    }

    @Test
    void conditionsLoseNoSignalAndNoItem() {
        Seeds.forEachSeed(150, seed -> ConditionSchedules.check(seed, 40));
    }
}
