// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.asyncio4j.internal.loop.VirtualClock;
import org.junit.jupiter.api.Test;

/** The loop reads its time from the clock it is made with, and asks it before waiting (the test kit's seam). */
class LoopClockTest {
    private final VirtualClock clock = new VirtualClock();

    @Test
    void timeSleepAndTimeoutsFollowTheLoopsClock() {
        try (EventLoop loop = new EventLoop(clock)) {
            assertThat(loop.time()).isZero();
            double slept = loop.runUntilComplete(() -> {
                double start = loop.time();
                Asyncio.sleep(3600);
                return loop.time() - start;
            });
            assertThat(slept).isEqualTo(3600.0);
            assertThatThrownBy(() -> loop.runUntilComplete(() -> Asyncio.waitFor(loop.createFuture(), 5)))
                    .isInstanceOf(TimeoutError.class);
            assertThat(loop.time()).isEqualTo(3605.0);
        }
    }

    @Test
    void theClockIsToldWhileAThreadOwesTheLoopWork() {
        try (EventLoop loop = new EventLoop(clock)) {
            String result = loop.runUntilComplete(() -> Asyncio.waitFor(Asyncio.toThread(() -> {
                Thread.sleep(50);
                return "done";
            }), 1));
            assertThat(result).isEqualTo("done");
            CompletableFuture<String> stage = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                sleepQuietly();
                stage.complete("wrapped");
            });
            assertThat(loop.runUntilComplete(() -> Asyncio.waitFor(Asyncio.wrapFuture(stage), 1))).isEqualTo("wrapped");
            String blocked = loop.runUntilComplete(() -> {
                Task<String> sleeper = Asyncio.createTask(() -> {
                    Thread.sleep(50); // a JDK sleep: another thread wakes the task
                    return "woke";
                });
                return Asyncio.waitFor(sleeper, 1);
            });
            assertThat(blocked).isEqualTo("woke");
            assertThat(loop.time()).as("no jump to the waitFor deadlines").isZero();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
