// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import org.asyncio4j.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Property: over random schedules with cancellations, a queue loses, duplicates and reorders nothing. */
class QueueSchedulesTest {
    @Test
    void randomSchedulesKeepItemsWaitersAndOrderConsistent() {
        Seeds.forEachSeed(150, seed -> QueueSchedules.check(seed, 40));
    }
}
