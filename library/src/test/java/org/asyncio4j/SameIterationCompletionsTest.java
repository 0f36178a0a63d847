// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import org.asyncio4j.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Completions and cancellations in one iteration: the library never completes what was cancelled. */
class SameIterationCompletionsTest {
    @Test
    void noLibraryCallbackCompletesAFutureCancelledInTheSameIteration() {
        Seeds.forEachSeed(15, seed -> CompletionRaceSchedules.check(seed, 8));
    }
}
