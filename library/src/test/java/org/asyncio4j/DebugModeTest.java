// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** What {@code action} throws when run on a platform thread of its own (null if nothing). */
    private static Throwable fromAnotherThread(Runnable action) throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        Thread thread = Thread.ofPlatform().name("not-the-loop").start(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        thread.join();
        return thrown[0];
    }

    @Test
    void debugModeRefusesToCompleteCancelOrWatchAFutureFromAnotherThread() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<String> future = loop.createFuture();
            Task<Void> sleeper = Asyncio.createTask(() -> Asyncio.sleep(10));
            Asyncio.sleep(0);
            Map<String, Runnable> calls = new LinkedHashMap<>();
            calls.put("Future.setResult", () -> future.setResult("x"));
            calls.put("Future.setException", () -> future.setException(new IOException()));
            calls.put("Future.cancel", future::cancel);
            calls.put("Future.addDoneCallback", () -> future.addDoneCallback(f -> { }));
            calls.put("Task.cancel", sleeper::cancel);
            for (Map.Entry<String, Runnable> call : calls.entrySet()) {
                assertThat(fromAnotherThread(call.getValue())).as(call.getKey())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Non-thread-safe operation " + call.getKey() + "() called from thread not-the-loop")
                        .hasMessageContaining("callSoonThreadsafe");
            }
            assertThat(future.isDone()).isFalse(); // refused before anything changed
            assertThat(sleeper.cancelling()).isZero();
            loop.callSoonThreadsafe(() -> future.setResult("done the right way")); // what the message points to
            assertThat(future.await()).isEqualTo("done the right way");
            sleeper.cancel();
        }, true);
    }

    @Test
    void outsideDebugModeAFutureCompletedFromAnotherThreadStillWakesItsWaiterOnTheLoop() {
        Thread[] loopThread = new Thread[1]; // the thread callbacks run on (in portable mode not the caller's)
        Thread[] callbackThread = new Thread[1];
        String result = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.callSoon(() -> loopThread[0] = Thread.currentThread());
            Future<String> future = loop.createFuture();
            future.addDoneCallback(f -> callbackThread[0] = Thread.currentThread());
            loop.callSoon(() -> Thread.ofPlatform().start(() -> future.setResult("unchecked")));
            String value = future.await();
            Asyncio.sleep(0);
            return value;
        });
        assertThat(result).isEqualTo("unchecked");
        assertThat(callbackThread[0]).isNotNull().isSameAs(loopThread[0]);
    }
}
