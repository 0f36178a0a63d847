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
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static Task<Void> waiterLogging(Condition cond, List<Integer> log, int id) {
        return Asyncio.createTask(() -> {
            try (var _ = cond.acquire()) {
                cond.await();
                log.add(id);
            }
        });
    }

    /** asyncio's test_wait: each signalled task resumes only once it can take the lock. */
    @Test
    void signalledWaitersResumeInOrderOnceTheLockIsFree() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            List<Integer> log = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                waiterLogging(cond, log, i);
            }
            yieldOnce();
            assertThat(log).isEmpty();
            assertThat(cond.isLocked()).isFalse();

            cond.acquire();
            cond.signal();
            yieldOnce();
            assertThat(log).isEmpty(); // signalled, but the lock is ours
            cond.release();
            yieldIterations(2);
            assertThat(log).containsExactly(1);

            cond.acquire();
            cond.signal(2);
            cond.release();
            yieldIterations(3);
            assertThat(log).containsExactly(1, 2, 3);
        });
    }

    @Test
    void signalAllWakesEveryWaiter() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            List<Integer> log = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                waiterLogging(cond, log, i);
            }
            yieldOnce();
            try (var _ = cond.acquire()) {
                cond.signalAll();
            }
            yieldIterations(4);
            assertThat(log).containsExactly(1, 2, 3);
            assertThat(cond.waiting()).isZero();
        });
    }

    @Test
    void awaitUntilChecksThePredicateAfterEachSignal() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            boolean[] ready = {false};
            List<String> log = new ArrayList<>();
            Asyncio.createTask(() -> {
                try (var _ = cond.acquire()) {
                    cond.awaitUntil(() -> ready[0]);
                    log.add("ready");
                }
            });
            yieldOnce();
            try (var _ = cond.acquire()) {
                cond.signal();
            }
            yieldIterations(2);
            assertThat(log).isEmpty();
            try (var _ = cond.acquire()) {
                ready[0] = true;
                cond.signal();
            }
            yieldIterations(2);
            assertThat(log).containsExactly("ready");
        });
    }

    @Test
    void waitingOrSignallingWithoutTheLockFails() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            assertThatThrownBy(cond::await).isInstanceOf(IllegalStateException.class).hasMessageContaining("lock held");
            assertThatThrownBy(() -> cond.awaitUntil(() -> false)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(cond::signal).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(cond::signalAll).isInstanceOf(IllegalStateException.class);
            try (var _ = cond.acquire()) {
                assertThatThrownBy(() -> cond.signal(-1)).isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    /** CPython: notify() and wait() need the lock held, and nobody holds it while it is handed over. */
    @Test
    void signallingOrWaitingWhileTheLockIsHandedOverFails() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            List<Integer> log = new ArrayList<>();
            Task<Void> waiter = waiterLogging(cond, log, 1);
            yieldOnce();
            Task<Void> holder;
            try (var _ = cond.acquire()) {
                holder = Asyncio.createTask(() -> {
                    try (var _ = cond.acquire()) {
                        cond.signal();
                    }
                });
                yieldOnce(); // holder waits for the lock
            }
            // the lock is handed to holder, which has not resumed
            assertThatThrownBy(cond::signal).isInstanceOf(IllegalStateException.class).hasMessageContaining("lock held");
            assertThatThrownBy(cond::await).isInstanceOf(IllegalStateException.class).hasMessageContaining("lock held");
            holder.await();
            waiter.await();
            assertThat(log).containsExactly(1);
            assertThat(cond.isLocked()).isFalse();
        });
    }

    /** CPython's wait_for checks the predicate before anything else, so a true one needs no lock. */
    @Test
    void awaitUntilWithATruePredicateReturnsAtOnceEvenWithoutTheLock() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            int[] calls = {0};
            List<String> order = new ArrayList<>();
            Asyncio.createTask(() -> order.add("other task"));
            cond.awaitUntil(() -> ++calls[0] > 0);
            order.add("returned");
            assertThat(calls[0]).isEqualTo(1);
            assertThat(cond.isLocked()).isFalse();
            assertThatThrownBy(() -> cond.awaitUntil(() -> ++calls[0] < 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lock held");
            assertThat(calls[0]).isEqualTo(2); // checked once, then await() refused
            yieldOnce();
            assertThat(order).containsExactly("returned", "other task"); // it did not yield
        });
    }

    @Test
    void aConditionCanShareALock() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            Condition notEmpty = new Condition(lock);
            Condition notFull = new Condition(lock);
            try (var _ = lock.acquire()) {
                assertThat(notEmpty.isLocked()).isTrue();
                assertThat(notFull.isLocked()).isTrue();
                notEmpty.signal(); // allowed: the shared lock is held
            }
            assertThat(notFull.isLocked()).isFalse();
        });
    }

    /** asyncio's test_wait_cancel: a cancelled await() still returns with the lock held. */
    @Test
    void aCancelledWaitStillHoldsTheLockWhenItThrows() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            boolean[] heldOnCancel = {false};
            Task<Void> waiter = Asyncio.createTask(() -> {
                cond.acquire();
                try {
                    cond.await();
                } catch (CancelledError e) {
                    heldOnCancel[0] = cond.isLocked();
                    cond.release();
                    throw e;
                }
            });
            yieldOnce();
            waiter.cancel();
            yieldIterations(2);
            assertThat(waiter.isCancelled()).isTrue();
            assertThat(heldOnCancel[0]).isTrue();
            assertThat(cond.waiting()).isZero();
            assertThat(cond.isLocked()).isFalse();
        });
    }

    /** bpo-22970: cancelled after the signal but while the lock is taken by someone else. */
    @Test
    void cancelledWhileRetakingTheLockWaitsForTheLockThenThrows() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            List<String> log = new ArrayList<>();
            Task<Void> waiter = Asyncio.createTask(() -> {
                try (var _ = cond.acquire()) {
                    try {
                        cond.await();
                    } catch (CancelledError e) {
                        log.add("cancelled, lock held: " + cond.isLocked());
                        throw e;
                    }
                }
            });
            yieldOnce();
            cond.acquire();
            cond.signal();
            yieldOnce(); // the waiter now waits for the lock
            waiter.cancel();
            yieldOnce();
            assertThat(waiter.isDone()).isFalse(); // it must retake the lock before it may leave
            cond.release();
            yieldIterations(2);
            assertThat(waiter.isCancelled()).isTrue();
            assertThat(log).containsExactly("cancelled, lock held: true");
            assertThat(cond.isLocked()).isFalse();
        });
    }

    /** gh-112202: signal(1) racing with the cancellation of the signalled task must wake another. */
    @Test
    void aSignalToATaskCancelledBeforeItResumesGoesToTheNextWaiter() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            List<Integer> log = new ArrayList<>();
            Task<Void> first = waiterLogging(cond, log, 1);
            Task<Void> second = waiterLogging(cond, log, 2);
            yieldOnce();
            try (var _ = cond.acquire()) {
                cond.signal();
                first.cancel();
            }
            yieldIterations(4);
            assertThat(first.isCancelled()).isTrue();
            assertThat(second.isDone()).isTrue();
            assertThat(log).containsExactly(2);
        });
    }

    /** gh-112202, second half: signalled, then cancelled while retaking the lock. */
    @Test
    void aSignalToATaskCancelledWhileRetakingTheLockGoesToTheNextWaiter() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            List<Integer> log = new ArrayList<>();
            Task<Void> first = waiterLogging(cond, log, 1);
            Task<Void> second = waiterLogging(cond, log, 2);
            yieldOnce();
            cond.acquire();
            cond.signal();
            yieldOnce(); // first is signalled and now queues for the lock
            first.cancel();
            cond.release();
            yieldIterations(4);
            assertThat(first.isCancelled()).isTrue();
            assertThat(second.isDone()).isTrue();
            assertThat(log).containsExactly(2);
            assertThat(cond.isLocked()).isFalse();
        });
    }

    @Test
    void aWaiterCancelledBeforeAnySignalConsumesNone() {
        Asyncio.run(() -> {
            Condition cond = new Condition();
            List<Integer> log = new ArrayList<>();
            Task<Void> first = waiterLogging(cond, log, 1);
            waiterLogging(cond, log, 2);
            waiterLogging(cond, log, 3);
            yieldOnce();
            first.cancel();
            yieldIterations(2);
            try (var _ = cond.acquire()) {
                cond.signal();
            }
            yieldIterations(3);
            assertThat(log).containsExactly(2); // exactly one waiter woken, the oldest still waiting
        });
    }
}
