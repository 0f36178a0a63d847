// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import org.asyncio4j.testing.Seeds;
import org.junit.jupiter.api.Test;

/** {@link SameIterationCompletionsTest} with many more and larger schedules; runs with -Pstress. */
class SameIterationCompletionsStressTest {
    @Test
    void noLibraryCallbackCompletesAFutureCancelledInTheSameIteration() {
        Seeds.forEachSeed(400, seed -> CompletionRaceSchedules.check(seed, 16));
    }
}
