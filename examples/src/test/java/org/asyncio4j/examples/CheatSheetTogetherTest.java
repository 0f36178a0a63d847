// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheatSheetTogetherTest {

    @Test
    void everyEntryPrintsWhatItShows() {
        assertThat(Output.of(CheatSheetTogether::run)).containsExactly(
                "gather: [c1, c2]",
                "wait: done=2 pending=0",
                "wait with timeout: done=0 pending=1",
                "first completed: fast",
                "first exception: boom, pending=1",
                "as completed: first",
                "as completed: second",
                "as completed: third",
                "wait_for: timed out",
                "shield: outer cancelled=true, inner=important",
                "async for: 0",
                "async for: 1",
                "async for: 2",
                "async comprehension: [0, 1, 2]",
                "await comprehension: [x, y]",
                "async iterator: 1",
                "async iterator: 2",
                "async iterator: 3");
    }
}
