// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import static org.asyncio4j.testing.Steps.yieldIterations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.testing.Chaos;

/**
 * One random schedule of producers, consumers, cancellations and (in half the schedules)
 * non-waiting puts and gets on a FIFO {@link Queue}, followed by the invariants it must keep:
 * every item that entered leaves exactly once, in order; no waiter is stranded while items or
 * room are there; nothing waits at the end; and, without the non-waiting calls, which bypass the
 * line, waiting calls complete in the order they were made.
 */
final class QueueSchedules {
    /** Loop iterations after which a schedule with no new events has certainly settled. */
    private static final int SETTLE = 300;

    private final SplittableRandom random;
    private final int steps;
    private final boolean nowaitCalls;
    private final Queue<Integer> queue;
    private final List<Integer> entered = new ArrayList<>();
    private final List<Integer> left = new ArrayList<>();
    private final List<Integer> getsCompleted = new ArrayList<>();
    private final List<Integer> putsCompleted = new ArrayList<>();
    private final List<Task<Void>> tasks = new ArrayList<>();
    private int nextItem;
    private int nextCall;

    private QueueSchedules(long seed, int steps) {
        this.random = new SplittableRandom(seed);
        this.steps = steps;
        this.queue = new Queue<>(random.nextInt(4));
        this.nowaitCalls = random.nextBoolean();
    }

    /** Runs the schedule for {@code seed} with about {@code steps} main-task steps and checks it. */
    static void check(long seed, int steps) {
        QueueSchedules schedule = new QueueSchedules(seed, steps);
        Asyncio.run(schedule::runAndCheck);
    }

    private void runAndCheck() {
        for (int step = 0; step < steps; step++) {
            switch (random.nextInt(nowaitCalls ? 6 : 4)) {
                case 0 -> tasks.add(Asyncio.createTask(this::produce));
                case 1 -> tasks.add(Asyncio.createTask(this::consume));
                case 2 -> cancelOne();
                case 3 -> yieldIterations(1 + random.nextInt(3));
                case 4 -> putNowait();
                default -> getNowait();
            }
        }
        yieldIterations(SETTLE);
        int[] waiting = queue.waiting();
        assertThat(waiting[0] == 0 || queue.isEmpty()).as("a getter waits while items are queued: %s", queue).isTrue();
        assertThat(waiting[1] == 0 || queue.isFull()).as("a putter waits while there is room: %s", queue).isTrue();

        queue.shutdown();
        yieldIterations(SETTLE);
        assertThat(tasks).as("tasks still running after shutdown").allMatch(Task::isDone);
        while (true) {
            try {
                left.add(queue.getNowait());
            } catch (QueueShutDown drained) {
                break;
            }
        }
        assertThat(left).as("items out (then drained) versus items in").isEqualTo(entered);
        if (!nowaitCalls) {
            assertThat(getsCompleted).as("get() calls completed out of call order").isSorted();
            assertThat(putsCompleted).as("put() calls completed out of call order").isSorted();
        }
        assertThat(queue.waiting()).as("waiters left at the end").containsExactly(0, 0, 0);
    }

    private void produce() {
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            yieldIterations(random.nextInt(3));
            int call = nextCall++;
            int item = nextItem++;
            try {
                queue.put(item);
            } catch (QueueShutDown closed) {
                return;
            }
            entered.add(item);
            putsCompleted.add(call);
            if (random.nextInt(4) == 0) {
                cancelOne(); // in the same step as the put, as in CPython bpo-23812
            }
        }
    }

    private void consume() {
        while (true) {
            yieldIterations(random.nextInt(3));
            int call = nextCall++;
            int item;
            try {
                item = queue.get();
            } catch (QueueShutDown drained) {
                return;
            }
            left.add(item);
            getsCompleted.add(call);
            queue.taskDone();
            if (random.nextInt(4) == 0) {
                cancelOne(); // in the same step as the get, as in CPython gh-108042
            }
        }
    }

    private void cancelOne() {
        Chaos.cancelOneUnfinished(random, tasks);
    }

    private void putNowait() {
        int item = nextItem++;
        try {
            queue.putNowait(item);
            entered.add(item);
        } catch (QueueFull full) {
            // nothing entered
        }
    }

    private void getNowait() {
        try {
            left.add(queue.getNowait());
        } catch (QueueEmpty empty) {
            // nothing left
        }
    }
}
