// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asyncio4j.internal.carrier.Carriers;
import org.asyncio4j.testing.SameIteration;
import org.asyncio4j.testing.Steps;
import org.asyncio4j.testing.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class CancellationTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void cancelBeforeTheFirstStepMeansTheBodyNeverRuns() {
        VirtualTime.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                log.add("ran");
            });
            assertThat(task.cancel()).isTrue();
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
            assertThat(task.isCancelled()).isTrue();
        });
        assertThat(log).isEmpty();
    }

    @Test
    void cancellingATaskCancelsTheFutureItAwaits() {
        VirtualTime.run(() -> {
            Future<String> inner = Asyncio.getRunningLoop().createFuture();
            Task<String> task = Asyncio.createTask(() -> inner.await());
            Asyncio.sleep(0);
            task.cancel("stop");
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class).hasMessage("stop");
            assertThat(inner.isCancelled()).isTrue();
        });
    }

    @Test
    void cancellingASleepingTaskRaisesCancelledErrorInIt() {
        VirtualTime.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    log.add("cleanup: " + e.getMessage());
                    throw e;
                }
            });
            Asyncio.sleep(0.01);
            task.cancel("bye");
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
        });
        assertThat(log).containsExactly("cleanup: bye");
    }

    /** Issue 11 item 3: the timer of a sleep cancelled in the same iteration must not complete it. */
    @Test
    void aSleepCancelledInTheIterationItsTimerFiresReportsNothing() {
        List<Map<String, Object>> reports = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            List<Map<String, Object>> heard = SameIteration.recordReports(loop);
            SameIteration.warmUp(loop);
            Task<Void> sleeper = Asyncio.createTask(() -> {
                Task<?> me = Asyncio.currentTask();
                SameIteration.stallUntil(loop, loop.time() + 0.4, me::cancel); // runs just ahead of the due timer
                Asyncio.sleep(0.3);
            });
            assertThatThrownBy(sleeper::await).isInstanceOf(CancelledError.class);
            Steps.yieldIterations(2);
            return heard;
        });
        assertThat(reports).isEmpty();
    }

    @Test
    void cancelledErrorIsNotSwallowedByCatchException() {
        VirtualTime.run(() -> {
            Task<String> task = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                    return "slept";
                } catch (Exception e) {
                    return "swallowed";
                }
            });
            Asyncio.sleep(0);
            task.cancel();
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
        });
    }

    @Test
    void interruptingTheThreadOfAnAwaitingTaskCancelsIt() {
        Asyncio.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                Asyncio.getRunningLoop().createFuture().await(); // completed by no one
            });
            Asyncio.sleep(0.01);
            Thread.ofPlatform().start(task.getThread()::interrupt).join();
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
            assertThat(task.isCancelled()).isTrue();
        });
    }

    @Test
    void aTaskBlockedInAJdkCallIsInterrupted() {
        if (Carriers.isPortable()) {
            // Portable mode: the blocking call holds the loop, as in asyncio, so nothing can cancel it meanwhile;
            // the creator resumes once it returned and finds the task done.
            Asyncio.run(() -> {
                Task<String> task = Asyncio.createTask(() -> {
                    Thread.sleep(200);
                    return "slept";
                });
                Asyncio.sleep(0.05);
                assertThat(task.isDone()).isTrue();
                assertThat(task.cancel()).isFalse();
                assertThat(task.await()).isEqualTo("slept");
            });
            return;
        }
        long start = System.nanoTime();
        Asyncio.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> Thread.sleep(10_000));
            Asyncio.sleep(0.05);
            assertThat(task.cancel()).isTrue();
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
            assertThat(task.isCancelled()).isTrue();
        });
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }

    @Test
    void cancellingTwiceCountsBothRequests() {
        VirtualTime.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> Asyncio.sleep(10));
            Asyncio.sleep(0);
            assertThat(task.cancel()).isTrue();
            assertThat(task.cancel()).isTrue();
            assertThat(task.cancelling()).isEqualTo(2);
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
            assertThat(task.cancel()).isFalse();
        });
    }

    @Test
    void aTaskThatSwallowsCancellationAndReturnsIsNotCancelled() {
        VirtualTime.run(() -> {
            Task<String> task = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    Asyncio.currentTask().uncancel();
                }
                Asyncio.sleep(0); // still usable after uncancel
                return "survived";
            });
            Asyncio.sleep(0);
            task.cancel();
            assertThat(task.await()).isEqualTo("survived");
            assertThat(task.isCancelled()).isFalse();
            assertThat(task.cancelling()).isZero();
        });
    }

    @Test
    void twoRequestsWhileWaitingAreDeliveredAsOneCancelledError() {
        VirtualTime.run(() -> {
            Task<String> task = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    log.add("caught once");
                }
                return "returned";
            });
            Asyncio.sleep(0);
            task.cancel();
            task.cancel(); // a second request while the first is being delivered
            Throwable outcome = null;
            try {
                task.await();
            } catch (CancelledError e) {
                outcome = e;
            }
            log.add(task.isCancelled() ? "cancelled" : "finished " + outcome);
        });
        // asyncio: the second request only marks the task; both are delivered by the one error it caught
        assertThat(log).containsExactly("caught once", "finished null");
    }

    @Test
    void cancelOfAFinishedTaskReturnsFalse() {
        VirtualTime.run(() -> {
            Task<Integer> task = Asyncio.createTask(() -> 7);
            assertThat(task.await()).isEqualTo(7);
            assertThat(task.cancel()).isFalse();
            assertThat(task.isCancelled()).isFalse();
        });
    }

    @Test
    void cancellingTheOuterTaskPropagatesToTheAwaitedTask() {
        VirtualTime.run(() -> {
            Task<Void> inner = Asyncio.createTask(() -> Asyncio.sleep(10));
            Task<Void> outer = Asyncio.createTask(() -> inner.await());
            Asyncio.sleep(0);
            outer.cancel();
            assertThatThrownBy(outer::await).isInstanceOf(CancelledError.class);
            assertThat(inner.isCancelled()).isTrue();
        });
    }

    @Test
    void selfCancellationIsDeliveredAtTheNextSuspension() {
        VirtualTime.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                Asyncio.currentTask().cancel("myself");
                log.add("still running");
                Asyncio.sleep(1);
                log.add("never");
            });
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class).hasMessage("myself");
        });
        assertThat(log).containsExactly("still running");
    }

    @Test
    void cancelWhileYieldingDoesNotInterruptAndIsDelivered() {
        VirtualTime.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                while (true) {
                    Asyncio.sleep(0);
                }
            });
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            task.cancel();
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
            assertThat(task.getThread().isInterrupted()).isFalse();
        });
    }

    @Test
    void aReturnAfterAnUnhandledRequestEndsCancelled() {
        VirtualTime.run(() -> {
            Task<String> task = Asyncio.createTask(() -> {
                Asyncio.currentTask().cancel();
                return "value"; // asyncio: a pending request at return still cancels the task
            });
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
        });
    }
}
