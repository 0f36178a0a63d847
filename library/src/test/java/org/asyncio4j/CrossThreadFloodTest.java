// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Threads that call {@code callSoonThreadsafe} without pause must not starve the loop's timers or {@code stop()}. */
@Timeout(60)
class CrossThreadFloodTest {
    private static final int FLOODERS = 4;
    /** Generous: on a quiet machine the gaps are a few milliseconds; unbounded draining made them seconds. */
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aTimerStillFiresAndStopStillReturnsUnderAFloodFromOtherThreads() throws Exception {
        EventLoop loop = Asyncio.newEventLoop();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Thread> flooders = startFlooders(loop, flooding);
        try {
            List<Long> gaps = new ArrayList<>();
            loop.runUntilComplete(loop.createTask(() -> {
                for (int i = 0; i < 10; i++) {
                    long start = System.nanoTime();
                    Asyncio.sleep(0.01);
                    gaps.add(System.nanoTime() - start);
                }
                return null;
            }));
            assertThat(gaps).allSatisfy(gap -> assertThat(gap).isLessThan(BOUND_NANOS));

            AtomicLong stopAsked = new AtomicLong();
            Thread stopper = Thread.ofPlatform().start(() -> {
                sleepQuietly(100);
                stopAsked.set(System.nanoTime());
                loop.stop();
            });
            loop.runForever();
            long stopTook = System.nanoTime() - stopAsked.get();
            stopper.join();
            assertThat(stopTook).isLessThan(BOUND_NANOS);
        } finally {
            flooding.set(false);
            for (Thread flooder : flooders) {
                flooder.join();
            }
            loop.close();
        }
    }

    @Test
    void callbacksFromAnotherThreadKeepTheirOrderAcrossIterations() throws Exception {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            List<Integer> ran = new ArrayList<>();
            int count = 10_000; // more than one iteration takes from other threads
            Thread producer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < count; i++) {
                    int n = i;
                    loop.callSoonThreadsafe(() -> ran.add(n));
                }
                loop.callSoonThreadsafe(loop::stop);
            });
            producer.join();
            loop.runForever();
            assertThat(ran).hasSize(count).isSorted();
        }
    }

    /**
     * Each flooder queues no-op callbacks until told to stop, or for ten seconds at most so that a
     * loop that never gets past one iteration still ends (and the test then fails on its bounds).
     */
    private static List<Thread> startFlooders(EventLoop loop, AtomicBoolean flooding) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Thread> flooders = new ArrayList<>();
        for (int i = 0; i < FLOODERS; i++) {
            flooders.add(Thread.ofPlatform().daemon().name("flooder-" + i).start(() -> {
                Runnable noop = () -> { };
                while (flooding.get() && System.nanoTime() < deadline) {
                    for (int j = 0; j < 100; j++) {
                        loop.callSoonThreadsafe(noop);
                    }
                }
            }));
        }
        return flooders;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
