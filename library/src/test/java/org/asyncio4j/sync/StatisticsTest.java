// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.queues.Queue;
import org.junit.jupiter.api.Test;

/** {@code statistics()} of the primitives and queues, as Trio's objects have. */
class StatisticsTest {

    @Test
    void lockSemaphoreEventAndConditionCountTheTasksWaiting() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            Semaphore semaphore = new Semaphore(1);
            Event event = new Event();
            Condition condition = new Condition();
            lock.acquire();
            semaphore.acquire();
            Task<?> a = Asyncio.createTask(() -> lock.acquire().close());
            Task<?> b = Asyncio.createTask(() -> semaphore.acquire().close());
            Task<?> c = Asyncio.createTask(event::await);
            Task<?> d = Asyncio.createTask(() -> {
                try (var held = condition.acquire()) {
                    condition.await();
                }
            });
            Asyncio.sleep(0);
            assertThat(lock.statistics()).isEqualTo(new Lock.Statistics(true, 1));
            assertThat(semaphore.statistics()).isEqualTo(new Semaphore.Statistics(0, 1));
            assertThat(event.statistics()).isEqualTo(new Event.Statistics(false, 1));
            assertThat(condition.statistics()).isEqualTo(new Condition.Statistics(1, new Lock.Statistics(false, 0)));

            lock.release();
            semaphore.release();
            event.set();
            try (var held = condition.acquire()) {
                condition.signal();
            }
            Asyncio.gather(a, b, c, d).await();
            assertThat(lock.statistics()).isEqualTo(new Lock.Statistics(false, 0));
            assertThat(semaphore.statistics()).isEqualTo(new Semaphore.Statistics(1, 0));
            assertThat(event.statistics()).isEqualTo(new Event.Statistics(true, 0));
            assertThat(condition.statistics().tasksWaiting()).isZero();
        });
    }

    @Test
    void aQueueCountsItsItemsAndTheTasksWaitingOnEachSide() {
        Asyncio.run(() -> {
            Queue<String> full = new Queue<>(1);
            full.put("x");
            Task<?> putter = Asyncio.createTask(() -> full.put("y"));
            Task<?> joiner = Asyncio.createTask(full::join);
            Queue<String> empty = new Queue<>();
            Task<?> getter = Asyncio.createTask(empty::get);
            Asyncio.sleep(0);
            assertThat(full.statistics()).isEqualTo(new Queue.Statistics(1, 1, 1, 1, 0, 1, false));
            assertThat(empty.statistics()).isEqualTo(new Queue.Statistics(0, 0, 0, 0, 1, 0, false));
            empty.shutdown(true);
            assertThat(empty.statistics().shutDown()).isTrue();
            putter.cancel();
            joiner.cancel();
            getter.cancel();
            Asyncio.gatherOutcomes(putter, joiner, getter).await();
        });
    }
}
