// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import org.asyncio4j.testing.Seeds;
import org.junit.jupiter.api.Test;

/** {@link QueueSchedulesTest} with many more and longer schedules; runs with -Pstress. */
class QueueSchedulesStressTest {
    @Test
    void manyLongRandomSchedulesKeepItemsWaitersAndOrderConsistent() {
        Seeds.forEachSeed(20_000, seed -> QueueSchedules.check(seed, 200));
    }
}
