// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import static org.asyncio4j.testing.Steps.yieldIterations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.testing.Chaos;

/**
 * One random schedule of tasks taking and returning a {@link Lock} or a {@link Semaphore},
 * holding it across suspensions, some cancelled at random moments (while waiting, right after
 * being handed the lock or a permit, or while holding it), and releases that match no acquisition
 * (often while a permit is being handed over), followed by the invariants: such a release fails
 * on a Lock or BoundedSemaphore, never more holders than permits, acquisitions complete in the
 * order they were asked for, nobody waits while a permit is free, and at the end every permit is
 * back, exactly once.
 */
final class PermitSchedules {
    private static final int SETTLE = 300;

    private final SplittableRandom random;
    private final int steps;
    private int permits;
    private final Lock lock;
    private final Semaphore semaphore;
    private final List<Integer> acquiredInOrder = new ArrayList<>();
    private final List<Task<Void>> tasks = new ArrayList<>();
    private int holders;
    private int maxHolders;
    private int nextCall;

    private PermitSchedules(long seed, int steps) {
        this.random = new SplittableRandom(seed);
        this.steps = steps;
        boolean useLock = random.nextBoolean();
        this.permits = useLock ? 1 : 1 + random.nextInt(3);
        this.lock = useLock ? new Lock() : null;
        this.semaphore = useLock ? null : (random.nextBoolean() ? new Semaphore(permits) : new BoundedSemaphore(permits));
    }

    /** Runs the schedule for {@code seed} with about {@code steps} main-task steps and checks it. */
    static void check(long seed, int steps) {
        PermitSchedules schedule = new PermitSchedules(seed, steps);
        Asyncio.run(schedule::runAndCheck);
    }

    private void runAndCheck() {
        for (int step = 0; step < steps; step++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> tasks.add(Asyncio.createTask(this::work));
                case 2 -> cancelOne();
                case 3 -> strayRelease();
                default -> yieldIterations(1 + random.nextInt(3));
            }
        }
        yieldIterations(SETTLE);
        assertThat(tasks).as("tasks still waiting after the schedule settled: %s", primitive()).allMatch(Task::isDone);
        assertThat(maxHolders).as("holders at once, with %d permits", permits).isLessThanOrEqualTo(permits);
        assertThat(acquiredInOrder).as("acquisitions completed out of call order").isSorted();
        assertThat(waiting()).as("waiters left at the end").isZero();
        for (int i = 0; i < permits; i++) {
            assertThat(isLocked()).as("permit %d of %d missing: %s", i + 1, permits, primitive()).isFalse();
            acquire(); // must not wait: nobody else runs, so waiting would never end
        }
        assertThat(isLocked()).as("more permits than %d: %s", permits, primitive()).isTrue();
    }

    private void work() throws Exception {
        yieldIterations(random.nextInt(3));
        int call = nextCall++;
        try (var _ = acquire()) {
            acquiredInOrder.add(call);
            holders++;
            maxHolders = Math.max(maxHolders, holders);
            try {
                yieldIterations(random.nextInt(3));
            } finally {
                holders--;
            }
        }
        switch (random.nextInt(3)) {
            case 0 -> cancelOne(); // in the same step as the release, as in CPython gh-90155
            case 1 -> strayRelease(); // while the permit may be handed to a waiter that has not resumed
            default -> { }
        }
    }

    /**
     * A release that matches no acquisition. A plain semaphore accepts it and grows; a Lock or
     * BoundedSemaphore must refuse it whenever nobody holds a permit, even while one is being
     * handed over (with holders inside, it would legally release one of theirs, so it is skipped).
     */
    private void strayRelease() {
        if (lock == null && !(semaphore instanceof BoundedSemaphore)) {
            semaphore.release();
            permits++;
        } else if (holders == 0) {
            assertThatThrownBy(lock != null ? lock::release : semaphore::release)
                    .as("a release with nobody holding was accepted: %s", primitive())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private void cancelOne() {
        Chaos.cancelOneUnfinished(random, tasks);
    }

    private Acquisition acquire() {
        return lock != null ? lock.acquire() : semaphore.acquire();
    }

    private boolean isLocked() {
        return lock != null ? lock.isLocked() : semaphore.isLocked();
    }

    private int waiting() {
        return lock != null ? lock.waiting() : semaphore.waiting();
    }

    private Object primitive() {
        return lock != null ? lock : semaphore;
    }
}
