// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class EventLoopOrderingTest {
    private final EventLoop loop = Asyncio.newEventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void readyCallbacksRunFirstInFirstOut() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            loop.callSoon(() -> log.add("cb" + n));
        }
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("cb0", "cb1", "cb2", "cb3", "cb4");
    }

    @Test
    void whatACallbackSchedulesRunsInTheNextIteration() {
        loop.callSoon(() -> {
            log.add("a");
            loop.callSoon(() -> log.add("c"));
        });
        loop.callSoon(() -> log.add("b"));
        loop.callSoon(loop::stop);
        loop.runForever();
        // stop() ends the loop after the iteration that ran a, b and stop: c is still queued
        assertThat(log).containsExactly("a", "b");
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("a", "b", "c");
    }

    @Test
    void stopBeforeRunForeverRunsExactlyOneIteration() {
        loop.callSoon(() -> {
            log.add("first");
            loop.callSoon(() -> log.add("second"));
        });
        loop.stop();
        loop.runForever();
        assertThat(log).containsExactly("first");
    }

    @Test
    void stopFromAnotherThreadWakesAnIdleLoop() throws InterruptedException {
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            loop.stop();
        });
        long start = System.nanoTime();
        loop.runForever(); // nothing scheduled: the loop blocks in select until stop() wakes it
        stopper.join();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void aTimerAlreadyDueRunsInTheNextIteration() {
        loop.callAt(loop.time() - 10, () -> log.add("past"));
        loop.callSoon(() -> log.add("soon"));
        loop.callLater(0.01, loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("soon", "past");
    }

    @Test
    void timersRunByDeadlineThenInsertionOrder() {
        double now = loop.time();
        loop.callAt(now + 0.3, () -> log.add("t3")); // far enough after t2 that a stalled machine keeps the order
        loop.callAt(now + 0.02, () -> log.add("t1a"));
        loop.callAt(now + 0.02, () -> log.add("t1b"));
        // 40 ms after `now` even if this thread was descheduled since it read `now` (a busy machine)
        loop.callLater(Duration.ofNanos(Math.round((now + 0.04 - loop.time()) * 1e9)), () -> log.add("t2"));
        loop.callLater(0.35, loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("t1a", "t1b", "t2", "t3");
    }

    @Test
    void callSoonRunsBeforeAnAlreadyDueTimerScheduledEarlier() {
        loop.callLater(0, () -> log.add("timer"));
        loop.callSoon(() -> log.add("soon"));
        loop.callLater(0.01, loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("soon", "timer");
    }

    @Test
    void seedCallLaterAndCallSoonOrdering() {
        // seed 002: call_later(2), (1), (3) and call_soon(4) print 4, 1, 2, 3
        loop.callLater(0.02, () -> log.add("success time 2"));
        loop.callLater(0.01, () -> log.add("success time 1"));
        loop.callLater(0.03, () -> log.add("success time 3"));
        loop.callSoon(() -> log.add("success time 4"));
        loop.callLater(0.04, loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("success time 4", "success time 1", "success time 2", "success time 3");
    }

    @Test
    void cancelledHandlesAndTimersDoNotRun() {
        Handle soon = loop.callSoon(() -> log.add("soon"));
        TimerHandle later = loop.callLater(0.01, () -> log.add("later"));
        soon.cancel();
        later.cancel();
        assertThat(soon.isCancelled()).isTrue();
        assertThat(later.isCancelled()).isTrue();
        loop.callLater(0.03, loop::stop);
        loop.runForever();
        assertThat(log).isEmpty();
    }

    @Test
    void timerHandleReportsItsDeadlineInLoopTime() {
        double before = loop.time();
        TimerHandle handle = loop.callLater(5, () -> { });
        assertThat(handle.when()).isBetween(before + 5, loop.time() + 5);
        handle.cancel();
    }

    @Test
    void manyCancelledTimersAreCompactedAndLiveOnesStillFire() {
        List<TimerHandle> handles = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            handles.add(loop.callLater(60, () -> log.add("never")));
        }
        loop.callLater(0.01, () -> log.add("live"));
        handles.forEach(TimerHandle::cancel);
        assertThat(loop.core().scheduledTimers()).isLessThan(200);
        loop.callLater(0.02, loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("live");
    }

    @Test
    void timeIsMonotonicSeconds() throws InterruptedException {
        double a = loop.time();
        Thread.sleep(20);
        double b = loop.time();
        assertThat(b - a).isBetween(0.015, 5.0);
    }

    @Test
    void runUntilCompleteReturnsTheResultAndStops() {
        Future<String> future = loop.createFuture();
        loop.callLater(0.01, () -> future.setResult("done"));
        assertThat(loop.runUntilComplete(future)).isEqualTo("done");
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void runUntilCompleteFailsClearlyIfStoppedEarly() {
        Future<String> future = loop.createFuture();
        loop.callSoon(loop::stop);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loop.runUntilComplete(future))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped before the future completed");
    }

    @Test
    void tasksStartInCreationOrderInterleavedWithCallbacks() {
        loop.callSoon(() -> log.add("callback 1"));
        loop.createTask(() -> log.add("task"));
        loop.callSoon(() -> log.add("callback 2"));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("callback 1", "task", "callback 2");
    }

    @Test
    void sleepZeroYieldsExactlyOneIteration() {
        Task<Void> task = loop.createTask(() -> {
            log.add("task step 1");
            loop.callSoon(() -> log.add("scheduled before yield"));
            Asyncio.sleep(0);
            log.add("task step 2");
        });
        loop.callSoon(() -> log.add("callback"));
        loop.runUntilComplete(task);
        assertThat(log).containsExactly("task step 1", "callback", "scheduled before yield", "task step 2");
    }
}
