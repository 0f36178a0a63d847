// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

import static org.asyncio4j.testing.Steps.yieldIterations;
import static org.asyncio4j.testing.Steps.yieldOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.testing.Steps;
import org.junit.jupiter.api.Test;

class LockTest {

    @Test
    void acquireTakesAFreeLockAndReleaseFreesIt() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            assertThat(lock.isLocked()).isFalse();
            lock.acquire();
            assertThat(lock.isLocked()).isTrue();
            lock.release();
            assertThat(lock.isLocked()).isFalse();
        });
    }

    @Test
    void acquireOfAFreeLockDoesNotYield() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            List<String> order = new ArrayList<>();
            Asyncio.createTask(() -> order.add("other task"));
            lock.acquire();
            order.add("acquired");
            yieldOnce();
            assertThat(order).containsExactly("acquired", "other task");
        });
    }

    @Test
    void waitersGetTheLockInTheOrderTheyAsked() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            List<Integer> order = new ArrayList<>();
            lock.acquire();
            for (int i = 1; i <= 3; i++) {
                int id = i;
                Asyncio.createTask(() -> {
                    lock.acquire();
                    order.add(id);
                });
            }
            yieldOnce();
            assertThat(order).isEmpty();
            for (int expected = 1; expected <= 3; expected++) {
                lock.release();
                yieldOnce();
                assertThat(order).hasSize(expected).last().isEqualTo(expected);
            }
        });
    }

    @Test
    void releaseOfAnUnlockedLockFails() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not locked");
        });
    }

    @Test
    void tryWithResourcesReleasesOnNormalExitAndOnException() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            try (var _ = lock.acquire()) {
                assertThat(lock.isLocked()).isTrue();
            }
            assertThat(lock.isLocked()).isFalse();
            assertThatThrownBy(() -> {
                try (var _ = lock.acquire()) {
                    throw new IllegalArgumentException("boom");
                }
            }).hasMessage("boom");
            assertThat(lock.isLocked()).isFalse();
        });
    }

    @Test
    void closingAnAcquisitionTwiceReleasesOnce() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            Acquisition first = lock.acquire();
            first.close();
            lock.acquire(); // someone else's hold now
            first.close();
            assertThat(lock.isLocked()).isTrue();
        });
    }

    @Test
    void aCancelledAcquireReleasesNothing() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            List<String> log = new ArrayList<>();
            Task<Void> waiter = Asyncio.createTask(() -> {
                try (var _ = lock.acquire()) {
                    log.add("acquired");
                }
            });
            yieldOnce();
            waiter.cancel();
            yieldOnce();
            assertThat(waiter.isCancelled()).isTrue();
            assertThat(lock.isLocked()).isTrue(); // still ours
            assertThat(lock.waiting()).isZero();
            assertThat(log).isEmpty();
        });
    }

    /** CPython test_cancel_race: B is cancelled in the same iteration in which A releases. */
    @Test
    void releaseSkipsAWaiterCancelledInTheSameIteration() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            EventLoop loop = Asyncio.getRunningLoop();
            var holding = loop.<Void>createFuture();
            Task<Void> a = Asyncio.createTask(() -> holdWhile(lock, () -> holding.await()));
            yieldOnce();
            Task<Void> b = Asyncio.createTask(() -> holdWhile(lock, () -> { }));
            Task<Void> c = Asyncio.createTask(() -> holdWhile(lock, () -> { }));
            yieldOnce();
            assertThat(lock.waiting()).isEqualTo(2);
            holding.setResult(null);
            b.cancel();
            yieldIterations(3);
            assertThat(a.isDone()).isTrue();
            assertThat(b.isCancelled()).isTrue();
            assertThat(c.isDone()).isTrue();
            assertThat(c.isCancelled()).isFalse();
            assertThat(lock.isLocked()).isFalse();
        });
    }

    /** bpo-27585: the waiter the lock was handed to is cancelled before it resumes. */
    @Test
    void waiterCancelledAfterTheHandOverPassesTheLockOn() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            List<String> acquired = new ArrayList<>();
            lock.acquire();
            Task<Void> first = Asyncio.createTask(() -> holdWhile(lock, () -> acquired.add("first")));
            Task<Void> second = Asyncio.createTask(() -> holdWhile(lock, () -> acquired.add("second")));
            yieldOnce();
            lock.release(); // handed to first
            assertThat(lock.isLocked()).isTrue();
            first.cancel(); // before first resumes
            yieldIterations(3);
            assertThat(first.isCancelled()).isTrue();
            assertThat(second.isDone()).isTrue();
            assertThat(acquired).containsExactly("second");
            assertThat(lock.isLocked()).isFalse();
        });
    }

    @Test
    void lastWaiterCancelledAfterTheHandOverUnlocksTheLock() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Task<Void> waiter = Asyncio.createTask(() -> holdWhile(lock, () -> { }));
            yieldOnce();
            lock.release();
            waiter.cancel();
            yieldOnce();
            assertThat(waiter.isCancelled()).isTrue();
            assertThat(lock.isLocked()).isFalse();
            assertThat(lock.waiting()).isZero();
        });
    }

    /** bpo-32734: cancel a waiter and release in one callback: exactly one task may hold the lock. */
    @Test
    void cancelAndReleaseInOneCallbackGrantsTheLockOnce() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            int[] holders = {0};
            int[] maxHolders = {0};
            AsyncBody hold = () -> {
                lock.acquire();
                holders[0]++;
                maxHolders[0] = Math.max(maxHolders[0], holders[0]);
                yieldOnce();
                holders[0]--;
                lock.release();
            };
            lock.acquire();
            Task<Void> t1 = Asyncio.createTask(hold::run);
            Task<Void> t2 = Asyncio.createTask(hold::run);
            Task<Void> t3 = Asyncio.createTask(hold::run);
            yieldOnce();
            Asyncio.getRunningLoop().callSoon(() -> {
                t1.cancel();
                lock.release();
            });
            yieldIterations(8);
            assertThat(t1.isCancelled()).isTrue();
            assertThat(t2.isDone() && t3.isDone()).isTrue();
            assertThat(maxHolders[0]).isEqualTo(1);
            assertThat(lock.isLocked()).isFalse();
        });
    }

    /** anyio #1145: a cancelled head waiter that has not left the line must not strand the next one. */
    @Test
    void cancelledHeadWaiterDoesNotStrandTheOneBehindIt() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Task<Void> head = Asyncio.createTask(() -> holdWhile(lock, () -> { }));
            yieldOnce();
            Task<Void> next = Asyncio.createTask(() -> holdWhile(lock, () -> { }));
            yieldOnce();
            head.cancel();
            lock.release();
            yieldIterations(3);
            assertThat(head.isCancelled()).isTrue();
            assertThat(next.isDone()).isTrue();
            assertThat(lock.isLocked()).isFalse();
        });
    }

    /** Issue 11 item 2: nobody holds the lock while it is handed over, so a release then is refused. */
    @Test
    void aReleaseWhileTheLockIsHandedOverFailsAndKeepsOneHolder() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            int[] holders = {0};
            int[] maxHolders = {0};
            AsyncBody hold = () -> holdWhile(lock, () -> {
                maxHolders[0] = Math.max(maxHolders[0], ++holders[0]);
                yieldOnce();
                holders[0]--;
            });
            lock.acquire();
            Task<Void> b = Asyncio.createTask(hold::run);
            Task<Void> c = Asyncio.createTask(hold::run);
            yieldOnce();
            lock.release(); // handed to b, which has not resumed
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nobody holds it");
            yieldIterations(6);
            assertThat(b.isDone() && c.isDone()).isTrue();
            assertThat(maxHolders[0]).isEqualTo(1);
            assertThat(lock.isLocked()).isFalse();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("not locked");
        });
    }

    @Test
    void aReleaseFromACallbackDuringTheHandOverFails() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            lock.acquire();
            Task<Void> b = Asyncio.createTask(() -> holdWhile(lock, Steps::yieldOnce));
            yieldOnce();
            var refused = Asyncio.getRunningLoop().<Throwable>createFuture();
            Asyncio.getRunningLoop().callSoon(() -> {
                lock.release();
                try {
                    lock.release();
                    refused.setResult(null);
                } catch (IllegalStateException e) {
                    refused.setResult(e);
                }
            });
            assertThat(refused.await()).isInstanceOf(IllegalStateException.class);
            b.await();
            assertThat(lock.isLocked()).isFalse();
        });
    }

    @Test
    void aNewcomerCannotOvertakeTheWaiterTheLockWasHandedTo() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            List<String> order = new ArrayList<>();
            lock.acquire();
            Asyncio.createTask(() -> holdWhile(lock, () -> order.add("waiter")));
            yieldOnce();
            lock.release();
            Asyncio.createTask(() -> holdWhile(lock, () -> order.add("newcomer")));
            yieldIterations(3);
            assertThat(order).containsExactly("waiter", "newcomer");
        });
    }

    @Test
    void acquireFromAPlainCallbackFailsClearly() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            var failure = Asyncio.getRunningLoop().<Throwable>createFuture();
            Asyncio.getRunningLoop().callSoon(() -> {
                try {
                    lock.acquire();
                    failure.setResult(null);
                } catch (IllegalStateException e) {
                    failure.setResult(e);
                }
            });
            assertThat(failure.await()).hasMessageContaining("only a task can wait");
        });
    }

    @Test
    void useFromAnotherThreadFailsClearly() throws Exception {
        Lock lock = new Lock();
        Asyncio.run(() -> {
            lock.acquire();
        });
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                lock.release();
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertThat(failure.get()).hasMessageContaining("outside an event loop");
    }

    @Test
    void useFromASecondLoopFailsClearly() {
        Lock lock = new Lock();
        Asyncio.run(() -> {
            lock.acquire();
            lock.release();
        });
        Asyncio.run(() -> {
            assertThatThrownBy(lock::acquire).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bound to");
        });
    }

    @Test
    void toStringShowsStateAndWaiters() {
        Asyncio.run(() -> {
            Lock lock = new Lock();
            assertThat(lock).hasToString("<Lock [unlocked]>");
            lock.acquire();
            Asyncio.createTask(() -> holdWhile(lock, () -> { }));
            yieldOnce();
            assertThat(lock).hasToString("<Lock [locked, waiters:1]>");
            lock.release();
        });
    }

    interface AsyncBody {
        void run() throws Exception;
    }

    static void holdWhile(Lock lock, AsyncBody body) throws Exception {
        try (var _ = lock.acquire()) {
            body.run();
        }
    }
}
