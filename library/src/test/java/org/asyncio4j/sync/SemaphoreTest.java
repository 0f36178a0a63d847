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

class SemaphoreTest {

    @Test
    void aNegativePermitCountIsRejected() {
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new BoundedSemaphore(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acquireCountsDownAndWaitsAtZero() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(2);
            sem.acquire();
            assertThat(sem.isLocked()).isFalse();
            sem.acquire();
            assertThat(sem.isLocked()).isTrue();
            List<String> log = new ArrayList<>();
            Asyncio.createTask(() -> {
                sem.acquire();
                log.add("third");
            });
            yieldOnce();
            assertThat(log).isEmpty();
            sem.release();
            yieldOnce();
            assertThat(log).containsExactly("third");
            assertThat(sem.isLocked()).isTrue();
        });
    }

    @Test
    void aPlainSemaphoreAcceptsExtraReleases() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(0);
            sem.release();
            sem.release();
            sem.acquire();
            sem.acquire();
            assertThat(sem.isLocked()).isTrue();
        });
    }

    @Test
    void aBoundedSemaphoreRefusesAReleaseBeyondItsBound() {
        Asyncio.run(() -> {
            BoundedSemaphore sem = new BoundedSemaphore(2);
            sem.acquire();
            sem.release();
            assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released more often than it was acquired");
            assertThat(sem).hasToString("<BoundedSemaphore [unlocked, value:2]>");
        });
    }

    /**
     * A permit being handed to a woken waiter is taken, not free: releasing it again would let two
     * tasks into a BoundedSemaphore(1). CPython 3.13 accepts that release and fails only later.
     */
    @Test
    void aBoundedSemaphoreRefusesAReleaseWhileItsPermitIsHandedOver() {
        Asyncio.run(() -> {
            BoundedSemaphore sem = new BoundedSemaphore(1);
            int[] inside = {0};
            int[] maxInside = {0};
            sem.acquire();
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(Asyncio.createTask(() -> {
                    try (var _ = sem.acquire()) {
                        maxInside[0] = Math.max(maxInside[0], ++inside[0]);
                        yieldOnce();
                        inside[0]--;
                    }
                }));
            }
            yieldOnce();
            sem.release(); // reserved for the first waiter, which has not resumed
            assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released more often than it was acquired");
            yieldIterations(8);
            assertThat(tasks).allMatch(t -> t.isDone() && !t.isCancelled() && t.exception() == null);
            assertThat(maxInside[0]).isEqualTo(1);
            assertThat(sem).hasToString("<BoundedSemaphore [unlocked, value:1]>");
        });
    }

    @Test
    void tryWithResourcesReturnsThePermit() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(1);
            try (var _ = sem.acquire()) {
                assertThat(sem.isLocked()).isTrue();
            }
            assertThat(sem.isLocked()).isFalse();
        });
    }

    /** bpo-45997: waiters get permits in the order they asked, even when several are released at once. */
    @Test
    void waitersAreServedFirstComeFirstServed() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(0);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int id = i;
                Asyncio.createTask(() -> {
                    sem.acquire();
                    order.add(id);
                });
            }
            yieldOnce();
            sem.release();
            sem.release();
            Asyncio.createTask(() -> {
                sem.acquire(); // a newcomer must not overtake tasks 2 and 3
                order.add(99);
            });
            yieldOnce();
            assertThat(order).containsExactly(0, 1);
            sem.release();
            sem.release();
            sem.release();
            yieldIterations(2);
            assertThat(order).containsExactly(0, 1, 2, 3, 99);
        });
    }

    /** gh-90155: a task cancelled right after being handed a permit must not make the semaphore hang. */
    @Test
    void cancellingTheTaskAPermitWasJustHandedToDoesNotHang() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(1);
            List<Task<Void>> tasks = new ArrayList<>();
            tasks.add(Asyncio.createTask(() -> {
                try (var _ = sem.acquire()) {
                    yieldOnce();
                }
                tasks.get(1).cancel(); // task 1 was just handed the permit
            }));
            tasks.add(Asyncio.createTask(() -> {
                try (var _ = sem.acquire()) {
                    yieldOnce();
                }
            }));
            tasks.add(Asyncio.createTask(() -> {
                try (var _ = sem.acquire()) {
                    yieldOnce();
                }
            }));
            yieldIterations(10);
            assertThat(tasks.get(0).isDone()).isTrue();
            assertThat(tasks.get(1).isCancelled()).isTrue();
            assertThat(tasks.get(2).isDone()).isTrue();
            assertThat(tasks.get(2).isCancelled()).isFalse();
            assertThat(sem.isLocked()).isFalse();
            assertThat(sem.waiting()).isZero();
        });
    }

    @Test
    void aPermitHandedToACancelledWaiterGoesToTheNextOne() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(0);
            List<String> acquired = new ArrayList<>();
            Task<Void> first = Asyncio.createTask(() -> {
                sem.acquire();
                acquired.add("first");
            });
            Task<Void> second = Asyncio.createTask(() -> {
                sem.acquire();
                acquired.add("second");
            });
            yieldOnce();
            sem.release();
            first.cancel();
            yieldIterations(2);
            assertThat(first.isCancelled()).isTrue();
            assertThat(second.isDone()).isTrue();
            assertThat(acquired).containsExactly("second");
            assertThat(sem.isLocked()).isTrue(); // the one permit is held by "second"
        });
    }

    @Test
    void aPermitHandedToTheLastWaiterComesBackWhenItIsCancelled() {
        Asyncio.run(() -> {
            BoundedSemaphore sem = new BoundedSemaphore(1);
            sem.acquire();
            Task<Void> waiter = Asyncio.createTask(() -> {
                sem.acquire();
            });
            yieldOnce();
            sem.release();
            waiter.cancel();
            yieldOnce();
            assertThat(waiter.isCancelled()).isTrue();
            assertThat(sem.isLocked()).isFalse();
            assertThat(sem).hasToString("<BoundedSemaphore [unlocked, value:1]>");
            sem.acquire(); // the permit is really there, exactly once
            assertThat(sem.isLocked()).isTrue();
            sem.release();
            assertThatThrownBy(sem::release).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void aWaiterCancelledBeforeAnyReleaseTakesNoPermit() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(0);
            Task<Void> waiter = Asyncio.createTask(() -> {
                sem.acquire();
            });
            yieldOnce();
            waiter.cancel();
            yieldOnce();
            sem.release();
            assertThat(sem.isLocked()).isFalse();
            assertThat(sem.waiting()).isZero();
        });
    }

    @Test
    void releaseFromALoopCallbackWakesAWaiter() {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(0);
            Asyncio.getRunningLoop().callLater(0.01, sem::release);
            sem.acquire();
            assertThat(sem.isLocked()).isTrue();
        });
    }
}
