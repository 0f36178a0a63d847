// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import static org.asyncio4j.testing.Steps.yieldOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

class EventTest {

    @Test
    void setWakesEveryWaiterAfterTasksAlreadyScheduled() {
        Asyncio.run(() -> {
            Event event = new Event();
            List<Integer> woke = new ArrayList<>();
            Asyncio.createTask(() -> {
                event.await();
                woke.add(1);
            });
            Asyncio.createTask(() -> {
                event.await();
                woke.add(2);
            });
            yieldOnce();
            assertThat(woke).isEmpty();
            Asyncio.createTask(() -> {
                event.await(); // set by then: returns without waiting
                woke.add(3);
            });
            event.set();
            yieldOnce();
            assertThat(woke).containsExactly(3, 1, 2); // same order as asyncio's test_wait
        });
    }

    @Test
    void awaitReturnsAtOnceWhenSet() {
        Asyncio.run(() -> {
            Event event = new Event();
            event.set();
            event.await();
            assertThat(event.isSet()).isTrue();
        });
    }

    @Test
    void clearMakesLaterWaitersWaitButNotTheOnesAlreadyWoken() {
        Asyncio.run(() -> {
            Event event = new Event();
            List<String> log = new ArrayList<>();
            Task<Void> early = Asyncio.createTask(() -> {
                event.await();
                log.add("early");
            });
            yieldOnce();
            event.set();
            event.clear();
            assertThat(event.isSet()).isFalse();
            Task<Void> late = Asyncio.createTask(() -> {
                event.await();
                log.add("late");
            });
            yieldOnce();
            assertThat(early.isDone()).isTrue();
            assertThat(late.isDone()).isFalse();
            assertThat(log).containsExactly("early");
            event.set();
            yieldOnce();
            assertThat(log).containsExactly("early", "late");
        });
    }

    @Test
    void aCancelledWaiterLeaves() {
        Asyncio.run(() -> {
            Event event = new Event();
            Task<Void> waiter = Asyncio.createTask(event::await);
            yieldOnce();
            assertThat(event.waiting()).isEqualTo(1);
            waiter.cancel();
            yieldOnce();
            assertThat(waiter.isCancelled()).isTrue();
            assertThat(event.waiting()).isZero();
            assertThat(event).hasToString("<Event [unset]>");
        });
    }

    @Test
    void setFromATimerCallbackWakesTheWaiter() {
        Asyncio.run(() -> {
            Event event = new Event();
            Asyncio.getRunningLoop().callLater(0.01, event::set);
            event.await();
            assertThat(event).hasToString("<Event [set]>");
        });
    }
}
