// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import static org.asyncio4j.testing.Steps.yieldIterations;
import static org.asyncio4j.testing.Steps.yieldOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

class BarrierTest {

    private static List<Task<Integer>> arrive(Barrier barrier, int n) {
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Asyncio.createTask(barrier::await));
        }
        return tasks;
    }

    @Test
    void partiesMustBePositive() {
        assertThatThrownBy(() -> new Barrier(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parties >= 1");
    }

    @Test
    void everyoneWaitsForTheLastPartyAndGetsItsArrivalIndex() {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(3);
            List<Task<Integer>> tasks = arrive(barrier, 2);
            yieldOnce();
            assertThat(barrier.nWaiting()).isEqualTo(2);
            assertThat(tasks).noneMatch(Task::isDone);
            int mine = barrier.await();
            yieldOnce();
            assertThat(mine).isEqualTo(2);
            assertThat(tasks.get(0).result()).isZero();
            assertThat(tasks.get(1).result()).isEqualTo(1);
            assertThat(barrier.nWaiting()).isZero();
            assertThat(barrier.parties()).isEqualTo(3);
        });
    }

    /** CPython twin: a reset or abort right after the last arrival breaks the parties not yet resumed. */
    @Test
    void aResetOrAbortWhileTheBarrierDrainsBreaksThePartiesThatHaveNotResumed() {
        for (boolean abort : new boolean[] {false, true}) {
            Asyncio.run(() -> {
                Barrier barrier = new Barrier(3);
                List<Task<Integer>> tasks = arrive(barrier, 2);
                yieldOnce();
                assertThat(barrier.await()).isEqualTo(2);
                if (abort) {
                    barrier.abort();
                } else {
                    barrier.reset();
                }
                yieldIterations(2);
                assertThat(tasks).allSatisfy(t -> assertThat(t.exception()).isInstanceOf(BrokenBarrierError.class));
                assertThat(barrier.isBroken()).isEqualTo(abort);
                assertThat(barrier.nWaiting()).isZero();
            });
        }
    }

    @Test
    void theBarrierIsReusableCycleAfterCycle() {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(2);
            List<Integer> indices = new ArrayList<>();
            Asyncio.createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    barrier.await();
                }
            });
            for (int i = 0; i < 3; i++) {
                indices.add(barrier.await());
            }
            assertThat(indices).hasSize(3).allMatch(index -> index == 0 || index == 1);
            assertThat(barrier.isBroken()).isFalse();
        });
    }

    @Test
    void tasksArrivingWhileItDrainsWaitForTheNextCycle() {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(2);
            List<Task<Integer>> firstCycle = arrive(barrier, 2);
            Asyncio.sleep(0);
            // The second party released the first, who has not resumed yet: the barrier drains.
            List<Task<Integer>> nextCycle = arrive(barrier, 1);
            yieldIterations(3);
            assertThat(firstCycle).allMatch(Task::isDone);
            assertThat(nextCycle.getFirst().isDone()).isFalse();
            assertThat(barrier.nWaiting()).isEqualTo(1);
            assertThat(barrier.await()).isEqualTo(1);
            yieldOnce();
            assertThat(nextCycle.getFirst().result()).isZero();
        });
    }

    @Test
    void abortBreaksWaitersAndLaterArrivalsUntilReset() {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(3);
            List<Task<Integer>> tasks = arrive(barrier, 2);
            yieldOnce();
            barrier.abort();
            yieldOnce();
            assertThat(barrier.isBroken()).isTrue();
            for (Task<Integer> task : tasks) {
                assertThat(task.exception()).isInstanceOf(BrokenBarrierError.class).hasMessageContaining("aborted");
            }
            assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierError.class);
            barrier.reset();
            assertThat(barrier.isBroken()).isFalse();
            arrive(barrier, 2);
            yieldOnce();
            assertThat(barrier.await()).isEqualTo(2);
        });
    }

    @Test
    void resetBreaksTheCurrentWaitersAndStartsAFreshCycle() {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(2);
            Task<Integer> early = Asyncio.createTask(barrier::await);
            yieldOnce();
            barrier.reset();
            List<Task<Integer>> fresh = arrive(barrier, 2);
            yieldIterations(3);
            assertThat(early.exception()).isInstanceOf(BrokenBarrierError.class).hasMessageContaining("reset");
            assertThat(fresh.get(0).result() + fresh.get(1).result()).isEqualTo(1); // indices 0 and 1
            assertThat(barrier.isBroken()).isFalse();
        });
    }

    @Test
    void aCancelledPartyLeavesTheBarrierOneArrivalShort() {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(2);
            Task<Integer> quitter = Asyncio.createTask(barrier::await);
            yieldOnce();
            assertThat(barrier.nWaiting()).isEqualTo(1);
            quitter.cancel();
            yieldOnce();
            assertThat(quitter.isCancelled()).isTrue();
            assertThat(barrier.nWaiting()).isZero();
            Task<Integer> other = Asyncio.createTask(barrier::await);
            yieldOnce();
            assertThat(other.isDone()).isFalse();
            assertThat(barrier.await()).isEqualTo(1);
            yieldOnce();
            assertThat(other.result()).isZero();
        });
    }

    @Test
    void aSinglePartyBarrierNeverWaits() {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(1);
            assertThat(barrier.await()).isZero();
            assertThat(barrier.await()).isZero();
            assertThat(barrier).hasToString("<Barrier [filling, waiters:0/1]>");
        });
    }
}
