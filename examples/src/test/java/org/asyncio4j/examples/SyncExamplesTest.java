// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seed 004 examples on semaphores, events, conditions and locks print exactly these lines. */
class SyncExamplesTest {

    @Test
    void semaphoreLetsTwoDownloadsRunAtATimeInArrivalOrder() {
        assertThat(Output.of(SemaphoreLimit::run)).containsExactly(
                "long form: holding one of 2 slots, locked=false",
                "download 0 started (1 running)",
                "download 1 started (2 running)",
                "download 0 finished",
                "download 2 started (2 running)",
                "download 1 finished",
                "download 3 started (2 running)",
                "download 2 finished",
                "download 4 started (2 running)",
                "download 3 finished",
                "download 4 finished",
                "all downloads done, locked=false");
    }

    @Test
    void eventReleasesEveryWaiterWhenSet() {
        assertThat(Output.of(EventSignal::run)).containsExactly(
                "waiter 0 waits",
                "waiter 1 waits",
                "waiter 2 waits",
                "is set? false",
                "timer sets the event",
                "waiter 0 saw the event",
                "waiter 1 saw the event",
                "waiter 2 saw the event",
                "is set? true",
                "a late waiter passes straight through");
    }

    @Test
    void conditionWakesOneThenAllAndAwaitUntilWaitsForItsPredicate() {
        assertThat(Output.of(ConditionNotify::run)).containsExactly(
                "notify one",
                "waiter 0 notified",
                "notify all",
                "waiter 1 notified",
                "waiter 2 notified",
                "mail posted, notify all",
                "reader got a letter");
    }

    @Test
    void lockKeepsEveryIncrementThatUnguardedCodeLoses() {
        assertThat(Output.of(LockCounter::run)).containsExactly(
                "without a lock: 1 of 5 increments kept",
                "acquire/release: 5 of 5 increments kept",
                "try-with-resources: 5 of 5 increments kept",
                "locked at the end? false");
    }
}
