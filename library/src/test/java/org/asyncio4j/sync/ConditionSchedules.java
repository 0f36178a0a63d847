// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import static org.asyncio4j.testing.Steps.yieldIterations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.testing.Chaos;

/**
 * One random schedule of producers that add an item and {@code signal()} once, and consumers that
 * {@code awaitUntil} an item is there, with random cancellations, on a {@link Condition}; then
 * the invariants: no item lost or taken twice, the lock is always held by whoever returns from
 * a wait, no consumer is left waiting while items are there (no signal lost to a
 * cancellation: each item is announced by exactly one signal), and signalling or releasing
 * without the lock fails, also while the lock is being handed to a task that has not resumed.
 */
final class ConditionSchedules {
    private static final int SETTLE = 300;

    private final SplittableRandom random;
    private final int steps;
    private final Condition condition = new Condition();
    private final ArrayDeque<Integer> shelf = new ArrayDeque<>();
    private final List<Integer> produced = new ArrayList<>();
    private final List<Integer> consumed = new ArrayList<>();
    private final List<Task<Void>> tasks = new ArrayList<>();
    private int nextItem;
    private boolean lockViolation;
    private boolean producerInside;

    private ConditionSchedules(long seed, int steps) {
        this.random = new SplittableRandom(seed);
        this.steps = steps;
    }

    static void check(long seed, int steps) {
        ConditionSchedules schedule = new ConditionSchedules(seed, steps);
        Asyncio.run(schedule::runAndCheck);
    }

    private void runAndCheck() {
        for (int step = 0; step < steps; step++) {
            switch (random.nextInt(5)) {
                case 0 -> tasks.add(Asyncio.createTask(this::produce));
                case 1 -> tasks.add(Asyncio.createTask(this::consume));
                case 2 -> cancelOne();
                case 3 -> {
                    if (!producerInside) {
                        callsWithoutTheLock();
                    }
                }
                default -> yieldIterations(1 + random.nextInt(3));
            }
        }
        yieldIterations(SETTLE);
        assertThat(lockViolation).as("a wait returned without the lock").isFalse();
        assertThat(shelf.isEmpty() || condition.waiting() == 0)
                .as("%d consumers wait while %d items are there", condition.waiting(), shelf.size()).isTrue();
        assertThat(condition.isLocked()).as("lock left held: %s", condition).isFalse();
        List<Integer> accounted = new ArrayList<>(consumed);
        accounted.addAll(shelf);
        assertThat(accounted).as("consumed plus left on the shelf versus produced")
                .containsExactlyInAnyOrderElementsOf(produced);
        for (Task<Void> task : tasks) {
            task.cancel();
        }
        yieldIterations(2);
        assertThat(tasks).allMatch(Task::isDone);
        assertThat(condition.waiting()).as("waiters left at the end").isZero();
    }

    private void produce() {
        yieldIterations(random.nextInt(3));
        try (var _ = condition.acquire()) {
            producerInside = true;
            try {
                yieldIterations(random.nextInt(2)); // others queue for the lock: it will be handed over
                int item = nextItem++;
                shelf.add(item);
                produced.add(item);
                condition.signal();
                if (random.nextInt(3) == 0) {
                    cancelOne(); // in the same step as the signal, as in CPython gh-112202
                }
            } finally {
                producerInside = false;
            }
        }
        if (random.nextInt(3) == 0) {
            callsWithoutTheLock(); // the lock may be being handed to a waiter that has not resumed
        }
    }

    /**
     * Called when nobody holds the lock (only producers hold it across a suspension): it is free
     * or being handed over, and either way signal() and release() must be refused.
     */
    private void callsWithoutTheLock() {
        assertThatThrownBy(condition::signal).as("signal without the lock: %s", condition)
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(condition::release).as("release without the lock: %s", condition)
                .isInstanceOf(IllegalStateException.class);
    }

    private void consume() {
        while (true) {
            yieldIterations(random.nextInt(3));
            try (var _ = condition.acquire()) {
                try {
                    condition.awaitUntil(() -> !shelf.isEmpty());
                } finally {
                    lockViolation |= !condition.isLocked();
                }
                consumed.add(shelf.removeFirst());
            }
        }
    }

    private void cancelOne() {
        Chaos.cancelOneUnfinished(random, tasks);
    }
}
