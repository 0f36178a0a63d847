// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.TimeoutError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs small test classes (the fixtures below; Surefire does not run nested classes itself) through JUnit and checks their outcome. */
class AsyncioExtensionTest {
    @Test
    void aTestSleepsAnHourAndTimesOutAStalledCallInNoRealTime() {
        long start = System.nanoTime();
        assertThat(failureOf(Passes.class)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aTestThatLeaksAFailedTaskFails() {
        assertThat(failureOf(LeaksAFailedTask.class)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("exception handler was called once")
                .hasMessageContaining("Task exception was never retrieved")
                .hasMessageContaining("the forgotten failure");
    }

    @Test
    void aTestThatLeavesATaskPendingFailsNamingItAndItsStack() {
        assertThat(failureOf(LeavesATaskPending.class)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 task was left pending")
                .hasMessageContaining("name='background'")
                .hasMessageContaining("LeavesATaskPending.sleepsForever");
    }

    @Test
    void aTestWhoseCallbackFailsFailsWithTheCallbacksError() {
        Throwable failure = failureOf(CallbackFails.class);
        assertThat(failure).hasMessageContaining("Exception in callback");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("callback broke");
    }

    @Test
    void aTestStuckOnVirtualTimeFailsAtItsVirtualTimeoutAtOnce() {
        long start = System.nanoTime();
        assertThat(failureOf(StuckOnTheClock.class)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("timeout of 5.0 s of virtual time")
                .hasMessageContaining("StuckOnTheClock.waitsForever");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aTestStuckOnAnotherThreadFailsAtItsRealTimeout() {
        assertThat(failureOf(StuckOnAThread.class)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("real-time limit of 0.3 s");
    }

    @Test
    void theTestsOwnFailureComesFirstWithTheChecksSuppressed() {
        Throwable failure = failureOf(FailsAndLeaks.class);
        assertThat(failure).hasMessage("the test's own failure");
        assertThat(failure.getSuppressed()).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("left pending");
    }

    @Test
    void aRealTimeTestGetsARealLoopAndNoTestLoop() {
        assertThat(failureOf(RealTime.class)).isNull();
        assertThat(failureOf(RealTimeAsksForATestLoop.class)).hasMessageContaining("needs virtual time");
    }

    @Test
    void parameterizedTestsRunOnTheLoopToo() {
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Parameterized.class)).execute()
                .testEvents().finished().list();
        assertThat(finished).hasSize(2).allSatisfy(event ->
                assertThat(event.getRequiredPayload(TestExecutionResult.class).getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    private static Throwable failureOf(Class<?> fixture) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .testEvents().finished().list();
        assertThat(finished).as("tests run in " + fixture.getSimpleName()).hasSize(1);
        TestExecutionResult result = finished.get(0).getRequiredPayload(TestExecutionResult.class);
        return result.getThrowable().orElse(null);
    }

    static class Passes {
        @AsyncioTest
        void sleepsAndTimesOut(TestLoop test, EventLoop loop) {
            long start = System.nanoTime();
            assertThat(test.loop()).isSameAs(loop);
            Asyncio.sleep(3600);
            assertEquals(3600.0, test.time());
            Future<String> stalled = loop.createFuture();
            assertThrows(TimeoutError.class, () -> Asyncio.waitFor(stalled, 30));
            assertEquals(3630.0, loop.time());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100)); // the bound
        }
    }

    static class LeaksAFailedTask {
        @AsyncioTest
        void forgetsATask() {
            Asyncio.createTask(() -> {
                throw new IllegalStateException("the forgotten failure");
            });
        }
    }

    static class LeavesATaskPending {
        @AsyncioTest
        void startsAndForgets() {
            Asyncio.createTask(LeavesATaskPending::sleepsForever, "background");
        }

        static void sleepsForever() {
            Asyncio.sleep(1e9);
        }
    }

    static class CallbackFails {
        @AsyncioTest
        void schedulesABrokenCallback(EventLoop loop) {
            loop.callSoon(() -> {
                throw new IllegalArgumentException("callback broke");
            });
            Asyncio.sleep(1);
        }
    }

    static class StuckOnTheClock {
        @AsyncioTest(timeout = 5)
        void waitsForever(EventLoop loop) throws Exception {
            loop.createFuture().await();
        }
    }

    static class StuckOnAThread {
        @AsyncioTest(realTimeout = 0.3)
        void waitsForAThread() throws Exception {
            Asyncio.toThread(() -> {
                Thread.sleep(3_000);
                return null;
            }).await();
        }
    }

    static class FailsAndLeaks {
        @AsyncioTest
        void failsWithATaskPending() {
            Asyncio.createTask(() -> Asyncio.sleep(10));
            throw new IllegalStateException("the test's own failure");
        }
    }

    @ExtendWith(AsyncioExtension.class)
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(doubles = {1, 3600})
        void sleeps(double seconds, TestLoop test) {
            Asyncio.sleep(seconds);
            assertEquals(seconds, test.time());
        }
    }

    static class RealTime {
        @AsyncioTest(virtualTime = false)
        void sleepsForReal(EventLoop loop) {
            double start = loop.time();
            Asyncio.sleep(0.05);
            assertThat(loop.time() - start).isGreaterThanOrEqualTo(0.05);
        }
    }

    static class RealTimeAsksForATestLoop {
        @AsyncioTest(virtualTime = false)
        void wantsATestLoop(TestLoop test) {
        }
    }
}
