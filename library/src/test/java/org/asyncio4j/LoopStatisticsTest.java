// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.Streams;
import org.junit.jupiter.api.Test;

class LoopStatisticsTest {

    @Test
    void countsWhatTheLoopHoldsAndHowItSpentItsTime() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            LoopStatistics before = loop.statistics();
            Task<Void> sleeper = Asyncio.createTask(() -> Asyncio.sleep(10), "sleeper");
            TimerHandle cancelled = loop.callLater(5, () -> { });
            loop.callLater(5, () -> { });
            cancelled.cancel();
            loop.callSoon(() -> { });
            LoopStatistics now = loop.statistics();
            assertThat(now.tasks()).isEqualTo(2);                 // the main task and the sleeper
            assertThat(now.readyCallbacks()).isGreaterThanOrEqualTo(2); // the sleeper's first step and the callback
            assertThat(now.timers()).isEqualTo(1);                // the cancelled one does not count

            Asyncio.sleep(0.05);                                  // the loop waits in the selector meanwhile
            LoopStatistics later = loop.statistics();
            assertThat(later.timers()).isEqualTo(2);              // the timer above, and the sleeper's sleep
            assertThat(later.iterations()).isGreaterThan(before.iterations());
            assertThat(later.pollingTime()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
            assertThat(later.runningTime()).isGreaterThanOrEqualTo(later.pollingTime());
            sleeper.cancel();
        });
    }

    @Test
    void countsRegisteredChannels() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            int before = loop.statistics().registeredChannels();
            try (Server server = Streams.startServer((reader, writer) -> { }, "127.0.0.1", 0)) {
                assertThat(loop.statistics().registeredChannels()).isEqualTo(before + 1);
            }
        });
    }

    @Test
    void isReadOnTheLoopsThread() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            AtomicReference<Throwable> refused = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    loop.statistics();
                } catch (Throwable t) {
                    refused.set(t);
                }
            });
            other.join();
            assertThat(refused.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("loop's thread");
        });
        EventLoop idle = Asyncio.newEventLoop();
        idle.close();
        assertThat(idle.statistics().registeredChannels()).isZero();
    }
}
