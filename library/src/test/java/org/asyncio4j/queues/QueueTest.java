// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import static org.asyncio4j.testing.Steps.yieldIterations;
import static org.asyncio4j.testing.Steps.yieldOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

class QueueTest {

    @Test
    void itemsComeOutInTheOrderTheyWentIn() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            queue.put("a");
            queue.putNowait("b");
            queue.put(null); // asyncio code often uses None as an end marker
            assertThat(queue.qsize()).isEqualTo(3);
            assertThat(queue.get()).isEqualTo("a");
            assertThat(queue.getNowait()).isEqualTo("b");
            assertThat(queue.get()).isNull();
            assertThat(queue.isEmpty()).isTrue();
        });
    }

    @Test
    void aNegativeMaxsizeMeansUnboundedAsInAsyncio() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>(-1);
            for (int i = 0; i < 100; i++) {
                queue.putNowait(i);
            }
            assertThat(queue.isFull()).isFalse();
            assertThat(queue.maxsize()).isEqualTo(-1);
            assertThat(new LifoQueue<Integer>(-5).isFull()).isFalse();
        });
    }

    @Test
    void anUnboundedQueueIsNeverFull() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>();
            for (int i = 0; i < 1000; i++) {
                queue.putNowait(i);
            }
            assertThat(queue.isFull()).isFalse();
            assertThat(queue.maxsize()).isZero();
        });
    }

    @Test
    void nowaitFormsThrowWhenFullOrEmpty() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>(1);
            assertThatThrownBy(queue::getNowait).isInstanceOf(QueueEmpty.class);
            queue.putNowait(1);
            assertThat(queue.isFull()).isTrue();
            assertThatThrownBy(() -> queue.putNowait(2)).isInstanceOf(QueueFull.class).hasMessageContaining("maxsize 1");
        });
    }

    @Test
    void putWaitsForRoomAndGetWaitsForAnItem() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>(1);
            List<String> log = new ArrayList<>();
            Asyncio.createTask(() -> {
                for (int i = 1; i <= 3; i++) {
                    queue.put(i);
                    log.add("put " + i);
                }
            });
            yieldIterations(2);
            assertThat(log).containsExactly("put 1");
            for (int i = 1; i <= 3; i++) {
                log.add("got " + queue.get());
            }
            assertThat(log).containsExactly("put 1", "got 1", "put 2", "got 2", "put 3", "got 3");
        });
    }

    @Test
    void joinWaitsUntilEveryItemIsMarkedDone() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>();
            queue.join(); // nothing put: returns at once
            queue.putNowait(1);
            queue.putNowait(2);
            Task<Void> joiner = Asyncio.createTask(queue::join);
            queue.getNowait();
            queue.taskDone();
            yieldOnce();
            assertThat(joiner.isDone()).isFalse();
            queue.getNowait();
            queue.taskDone();
            yieldOnce();
            assertThat(joiner.isDone()).isTrue();
            assertThatThrownBy(queue::taskDone).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("more times than items were put");
        });
    }

    @Test
    void afterShutdownPutsFailAndGetsDrainTheRest() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>();
            queue.putNowait(1);
            queue.shutdown();
            assertThatThrownBy(() -> queue.put(2)).isInstanceOf(QueueShutDown.class);
            assertThatThrownBy(() -> queue.putNowait(2)).isInstanceOf(QueueShutDown.class);
            assertThat(queue.get()).isEqualTo(1);
            assertThatThrownBy(queue::get).isInstanceOf(QueueShutDown.class);
            assertThatThrownBy(queue::getNowait).isInstanceOf(QueueShutDown.class);
        });
    }

    @Test
    void shutdownWakesWaitingGettersAndPutters() {
        Asyncio.run(() -> {
            Queue<Integer> empty = new Queue<>();
            Queue<Integer> full = new Queue<>(1);
            full.putNowait(0);
            Task<Integer> getter = Asyncio.createTask(empty::get);
            Task<Void> putter = Asyncio.createTask(() -> full.put(1));
            yieldOnce();
            empty.shutdown();
            full.shutdown();
            yieldOnce();
            assertThat(getter.exception()).isInstanceOf(QueueShutDown.class);
            assertThat(putter.exception()).isInstanceOf(QueueShutDown.class);
            assertThat(full.getNowait()).isZero(); // a plain shutdown keeps the items
        });
    }

    @Test
    void immediateShutdownDiscardsItemsAndReleasesJoin() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>();
            queue.putNowait(1);
            queue.putNowait(2);
            Task<Void> joiner = Asyncio.createTask(queue::join);
            yieldOnce();
            queue.shutdown(true);
            yieldOnce();
            assertThat(queue.isEmpty()).isTrue();
            assertThat(joiner.isDone()).isTrue();
            assertThatThrownBy(queue::getNowait).isInstanceOf(QueueShutDown.class);
        });
    }

    @Test
    void aForLoopConsumesUntilShutdownAndDrained() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            List<String> seen = new ArrayList<>();
            Task<Void> consumer = Asyncio.createTask(() -> {
                for (String item : queue) {
                    seen.add(item);
                    queue.taskDone();
                }
                seen.add("end");
            });
            queue.put("a");
            queue.put("b");
            queue.join();
            assertThat(seen).containsExactly("a", "b");
            queue.put("c");
            queue.shutdown();
            consumer.await();
            assertThat(seen).containsExactly("a", "b", "c", "end");
            var drained = queue.iterator();
            assertThat(drained.hasNext()).isFalse();
            assertThatThrownBy(drained::next).isInstanceOf(java.util.NoSuchElementException.class);
        });
    }

    @Test
    void lifoQueueHandsOutTheNewestFirst() {
        Asyncio.run(() -> {
            Queue<Integer> stack = new LifoQueue<>();
            for (int i = 1; i <= 3; i++) {
                stack.putNowait(i);
            }
            assertThat(Arrays.asList(stack.get(), stack.get(), stack.get())).containsExactly(3, 2, 1);
        });
    }

    @Test
    void priorityQueueOrdersNaturallyAndKeepsArrivalOrderAmongEquals() {
        record Job(int priority, String name) {
        }
        Asyncio.run(() -> {
            PriorityQueue<Integer> numbers = new PriorityQueue<>();
            for (int n : new int[] {5, 1, 4, 2, 3}) {
                numbers.putNowait(n);
            }
            List<Integer> sorted = new ArrayList<>();
            while (!numbers.isEmpty()) {
                sorted.add(numbers.getNowait());
            }
            assertThat(sorted).containsExactly(1, 2, 3, 4, 5);

            PriorityQueue<Job> jobs = new PriorityQueue<>(java.util.Comparator.comparingInt(Job::priority));
            jobs.putNowait(new Job(2, "b1"));
            jobs.putNowait(new Job(1, "a"));
            jobs.putNowait(new Job(2, "b2"));
            jobs.putNowait(new Job(2, "b3"));
            assertThat(List.of(jobs.get().name(), jobs.get().name(), jobs.get().name(), jobs.get().name()))
                    .containsExactly("a", "b1", "b2", "b3");
        });
    }

    @Test
    void priorityQueueInNaturalOrderRejectsWhatItCannotCompare() {
        Asyncio.run(() -> {
            PriorityQueue<Object> queue = new PriorityQueue<>();
            assertThatThrownBy(() -> queue.putNowait(new Object())).isInstanceOf(ClassCastException.class)
                    .hasMessageContaining("Comparator");
            assertThatThrownBy(() -> queue.putNowait(null)).isInstanceOf(NullPointerException.class);
            assertThat(queue.qsize()).isZero();
            queue.putNowait(1);
            assertThatThrownBy(() -> queue.putNowait("one")).isInstanceOf(ClassCastException.class);
            assertThat(queue.qsize()).isEqualTo(1);
            queue.taskDone(); // only the one accepted item counts
            assertThatThrownBy(queue::taskDone).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void getFromAPlainCallbackFailsButGetNowaitWorks() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>();
            queue.putNowait(7);
            var outcome = Asyncio.getRunningLoop().<String>createFuture();
            Asyncio.getRunningLoop().callSoon(() -> {
                try {
                    queue.get();
                    outcome.setResult("get worked");
                } catch (IllegalStateException e) {
                    outcome.setResult("get refused; getNowait gave " + queue.getNowait());
                }
            });
            assertThat(outcome.await()).isEqualTo("get refused; getNowait gave 7");
        });
    }

    @Test
    void toStringShowsSizesAndWaiters() {
        Asyncio.run(() -> {
            Queue<Integer> queue = new Queue<>(2);
            Asyncio.createTask(queue::get);
            yieldOnce();
            assertThat(queue).hasToString("<Queue maxsize=2 qsize=0 tasks=0 getters:1>");
            queue.shutdown();
            yieldOnce();
            assertThat(queue).hasToString("<Queue maxsize=2 qsize=0 tasks=0 shut down>");
        });
    }
}
