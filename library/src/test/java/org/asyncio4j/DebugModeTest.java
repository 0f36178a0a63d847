// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DebugModeTest {
    private LogCapture log;

    @BeforeEach
    void listen() {
        log = LogCapture.start();
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void slowCallbacksAreReportedInDebugModeOnly() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setSlowCallbackDuration(Duration.ofMillis(20));
            loop.callSoon(DebugModeTest::busy);
            loop.callSoon(loop::stop);
            loop.runForever();
            assertThat(log.messages()).isEmpty();

            loop.setDebug(true);
            assertThat(loop.getDebug()).isTrue();
            loop.callSoon(DebugModeTest::busy);
            loop.callSoon(loop::stop);
            loop.runForever();
        }
        assertThat(log.messages()).singleElement().asString().startsWith("Executing Handle").contains("seconds");
    }

    @Test
    void aSlowTaskStepIsReportedWithTheTasksStack() {
        Asyncio.run(() -> {
            Asyncio.getRunningLoop().setSlowCallbackDuration(Duration.ofMillis(20));
            Task<Void> slow = Asyncio.createTask(DebugModeTest::slowStepThenSleep, "slowpoke");
            Asyncio.sleep(0.05);
            slow.cancel();
        }, true);
        assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                .contains("slowpoke").contains("took").contains("slowStepThenSleep"));
    }

    private static void slowStepThenSleep() {
        busy();
        Asyncio.sleep(10);
    }

    private static void busy() {
        long end = System.nanoTime() + 40_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void debugModeChecksTheThreadOfNonThreadSafeCalls() throws Exception {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setDebug(true);
            List<Throwable> errors = new ArrayList<>();
            Future<Void> done = loop.createFuture();
            loop.callSoon(() -> Thread.ofPlatform().start(() -> {
                try {
                    loop.callSoon(() -> { });
                } catch (IllegalStateException e) {
                    errors.add(e);
                }
                loop.callSoonThreadsafe(() -> done.setResult(null)); // the thread-safe one is fine
            }));
            loop.runUntilComplete(done);
            assertThat(errors).singleElement().extracting(Throwable::getMessage).asString()
                    .contains("Non-thread-safe operation callSoon()").contains("callSoonThreadsafe");
        }
    }
}
