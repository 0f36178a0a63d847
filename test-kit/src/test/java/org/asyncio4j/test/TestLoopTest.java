// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;
import org.junit.jupiter.api.Test;

class TestLoopTest {
    @Test
    void anHourOfSleepTakesNoRealTimeAndTimeStandsStillWhileTasksRun() {
        long start = System.nanoTime();
        try (TestLoop test = TestLoop.create()) {
            EventLoop loop = test.loop();
            assertThat(test.time()).isZero();
            List<String> seen = new ArrayList<>();
            loop.runUntilComplete(() -> {
                Task<Void> a = Asyncio.createTask(() -> {
                    Asyncio.sleep(3600);
                    seen.add("a at " + loop.time());
                });
                Task<Void> b = Asyncio.createTask(() -> {
                    Asyncio.sleep(1800);
                    seen.add("b at " + loop.time());
                });
                a.await();
                b.await();
                return null;
            });
            assertThat(seen).containsExactly("b at 1800.0", "a at 3600.0");
            assertThat(test.time()).isEqualTo(3600.0);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aStalledCallTimesOutAtItsVirtualDeadline() {
        try (TestLoop test = TestLoop.create()) {
            EventLoop loop = test.loop();
            assertThatThrownBy(() -> loop.runUntilComplete(() -> Asyncio.waitFor(loop.createFuture(), 30)))
                    .isInstanceOf(TimeoutError.class);
            assertThat(test.time()).isEqualTo(30.0);
        }
    }

    @Test
    void advanceTimeFromOutsideRunsEachTimerAtItsOwnTimeAndStopsAtTheTarget() {
        try (TestLoop test = TestLoop.manual()) {
            EventLoop loop = test.loop();
            List<Double> fired = new ArrayList<>();
            loop.callLater(1, () -> fired.add(loop.time()));
            loop.callLater(2, () -> fired.add(loop.time()));
            loop.callLater(5, () -> fired.add(loop.time()));
            test.advanceTime(2);
            assertThat(fired).containsExactly(1.0, 2.0);
            assertThat(test.time()).isEqualTo(2.0);
            test.advanceTimeTo(4.5);
            assertThat(fired).containsExactly(1.0, 2.0);
            assertThat(test.time()).isEqualTo(4.5);
            test.advanceTime(Duration.ofMillis(500));
            assertThat(fired).containsExactly(1.0, 2.0, 5.0);
            assertThatThrownBy(() -> test.advanceTimeTo(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("in the past");
        }
    }

    @Test
    void runCurrentRunsWhatIsDueNowWithoutMovingTime() {
        try (TestLoop test = TestLoop.manual()) {
            EventLoop loop = test.loop();
            List<String> ran = new ArrayList<>();
            loop.callSoon(() -> loop.callSoon(() -> ran.add("chained")));
            loop.callLater(0, () -> ran.add("due now"));
            loop.callLater(1, () -> ran.add("later"));
            test.runCurrent();
            assertThat(ran).containsExactlyInAnyOrder("chained", "due now");
            assertThat(test.time()).isZero();
        }
    }

    @Test
    void runCurrentInATaskAlsoRunsATimerMadeDueByACallbackAfterTheTimersWereCollected() {
        try (TestLoop test = TestLoop.manual()) {
            EventLoop loop = test.loop();
            List<String> ran = new ArrayList<>();
            loop.runUntilComplete(() -> {
                loop.callSoon(() -> loop.callSoon(() -> loop.callLater(0, () -> ran.add("late timer"))));
                test.runCurrent();
                assertThat(ran).containsExactly("late timer");
                return null;
            });
            assertThat(test.time()).isZero();
        }
    }

    @Test
    void withoutAutoAdvanceATaskMovesTimeItself() {
        try (TestLoop test = TestLoop.manual()) {
            EventLoop loop = test.loop();
            List<String> ran = new ArrayList<>();
            double at = loop.runUntilComplete(() -> {
                Task<Void> sleeper = Asyncio.createTask(() -> {
                    Asyncio.sleep(10);
                    ran.add("slept");
                });
                test.advanceTime(9);
                assertThat(ran).isEmpty();
                test.advanceTime(1);
                test.runCurrent();
                assertThat(ran).containsExactly("slept");
                sleeper.await();
                return loop.time();
            });
            assertThat(at).isEqualTo(10.0);
        }
    }

    @Test
    void theClockWaitsForWorkOnOtherThreads() {
        try (TestLoop test = TestLoop.create()) {
            EventLoop loop = test.loop();
            String result = loop.runUntilComplete(() -> Asyncio.waitFor(Asyncio.toThread(() -> {
                Thread.sleep(100);
                return "from the thread";
            }), 1));
            assertThat(result).isEqualTo("from the thread");
            assertThat(test.time()).isZero();
        }
    }

    @Test
    void workHandedOverByCallSoonThreadsafeIsOvertakenUnlessJumpsWaitForRealIdleTime() {
        try (TestLoop test = TestLoop.create()) {
            EventLoop loop = test.loop();
            assertThatThrownBy(() -> loop.runUntilComplete(() -> Asyncio.waitFor(handOverLater(loop, "late"), 10)))
                    .isInstanceOf(TimeoutError.class);
            test.setAutoAdvanceAfter(Duration.ofSeconds(2));
            double start = test.time();
            assertThat(loop.runUntilComplete(() -> Asyncio.waitFor(handOverLater(loop, "in time"), 10))).isEqualTo("in time");
            assertThat(test.time()).isEqualTo(start);
            loop.runUntilComplete(() -> {
                Asyncio.sleep(5); // nothing else to wait for: a jump after 2 s of real idle time
                return null;
            });
            assertThat(test.time()).isEqualTo(start + 5);
        }
    }

    /** A future that a plain thread completes through callSoonThreadsafe after 30 ms of real time. */
    private static Future<String> handOverLater(EventLoop loop, String value) {
        Future<String> future = loop.createFuture();
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            }
            loop.callSoonThreadsafe(() -> {
                if (!future.isDone()) {
                    future.setResult(value);
                }
            });
        });
        return future;
    }

    @Test
    void advancingFromAnotherThreadWhileTheLoopRunsIsRefused() throws Exception {
        try (TestLoop test = TestLoop.create()) {
            EventLoop loop = test.loop();
            Throwable[] refused = new Throwable[1];
            loop.runUntilComplete(() -> Asyncio.toThread(() -> {
                try {
                    test.advanceTime(1);
                } catch (IllegalStateException e) {
                    refused[0] = e;
                }
            }).await());
            assertThat(refused[0]).hasMessageContaining("from one of its tasks");
        }
    }
}
