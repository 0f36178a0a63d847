// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactorialGatherTest {

    @Test
    void printsExactlyTheSeedsExpectedOutput() {
        assertThat(Output.of(out -> FactorialGather.run(out, 0.05))).containsExactly(
                "Task A: Compute factorial(2)...",
                "Task B: Compute factorial(2)...",
                "Task C: Compute factorial(2)...",
                "Task A: factorial(2) = 2",
                "Task B: Compute factorial(3)...",
                "Task C: Compute factorial(3)...",
                "Task B: factorial(3) = 6",
                "Task C: Compute factorial(4)...",
                "Task C: factorial(4) = 24");
    }
}
