// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Long runs of the core's hot paths; only with {@code -Pstress}. */
@Timeout(600)
class LoopStressTest {

    @Test
    void aMillionTasksEachSuspendingAFewTimesAllFinish() {
        int tasks = 1_000_000;
        long sum = Asyncio.run(() -> {
            List<Task<Integer>> all = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int n = i;
                all.add(Asyncio.createTask(() -> {
                    Asyncio.sleep(0);
                    Asyncio.sleep(0.001 * (n % 10));
                    return 1;
                }));
            }
            long total = 0;
            for (Task<Integer> task : all) {
                total += task.await();
            }
            return total;
        });
        assertThat(sum).isEqualTo(tasks);
    }

    @Test
    void randomCancellationsNeverLoseATaskOrHangTheLoop() {
        SplittableRandom random = new SplittableRandom(42);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        int rounds = 200_000;
        List<Task<Void>> all = new ArrayList<>();
        Asyncio.run(() -> {
            List<Task<Void>> live = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Task<Void> task = Asyncio.createTask(() -> {
                    started.incrementAndGet();
                    try {
                        Asyncio.sleep(random.nextDouble(0, 0.002));
                        Asyncio.sleep(0);
                    } finally {
                        finished.incrementAndGet();
                    }
                });
                live.add(task);
                all.add(task);
                if (random.nextInt(3) == 0) {
                    live.get(random.nextInt(live.size())).cancel();
                }
                if (i % 1000 == 0) {
                    Asyncio.sleep(0);
                }
            }
            for (Task<Void> task : live) {
                try {
                    task.await();
                } catch (CancelledError expected) {
                    // counted below
                }
            }
        });
        // every task is done, and every task that started ran its finally (a task cancelled before
        // its first step never runs its body, as in asyncio)
        assertThat(all).hasSize(rounds).allMatch(Task::isDone);
        assertThat(finished.get()).isEqualTo(started.get());
        assertThat(all.stream().filter(t -> !t.isCancelled()).count()).isLessThanOrEqualTo(started.get());
    }

    @Test
    void callSoonThreadsafeFloodFromSixteenThreads() throws Exception {
        int threads = 16;
        int perThread = 500_000;
        AtomicInteger received = new AtomicInteger();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                producers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        loop.callSoonThreadsafe(() -> {
                            if (received.incrementAndGet() == threads * perThread) {
                                loop.stop();
                            }
                        });
                    }
                }));
            }
            loop.runForever();
            for (Thread producer : producers) {
                producer.join();
            }
        }
        assertThat(received.get()).isEqualTo(threads * perThread);
    }
}
