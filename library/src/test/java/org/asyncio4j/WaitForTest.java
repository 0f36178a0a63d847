// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class WaitForTest {

    @Test
    void returnsTheResultInTime() {
        String result = Asyncio.run(() -> Asyncio.waitFor(() -> Asyncio.sleep(0.01, "ok"), Duration.ofSeconds(5)));
        assertThat(result).isEqualTo("ok");
    }

    @Test
    void onTimeoutCancelsTheInnerWorkWaitsForItThenThrows() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<String> slow = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                    return "never";
                } finally {
                    Asyncio.sleep(0.01); // cleanup that takes time: waitFor must wait for it
                    events.add("cleaned up");
                }
            });
            assertThatThrownBy(() -> Asyncio.waitFor(slow, 0.02)).isInstanceOf(TimeoutError.class)
                    .hasCauseInstanceOf(CancelledError.class);
            events.add("timed out");
            assertThat(slow.isCancelled()).isTrue();
        });
        assertThat(events).containsExactly("cleaned up", "timed out");
    }

    @Test
    void aNullTimeoutWaitsForever() {
        String result = Asyncio.run(() -> Asyncio.waitFor(() -> Asyncio.sleep(0.02, "late"), (Duration) null));
        assertThat(result).isEqualTo("late");
    }

    @Test
    void aZeroTimeoutOnADoneFutureReturnsItsResult() {
        Asyncio.run(() -> {
            Future<String> done = Asyncio.getRunningLoop().createFuture();
            done.setResult("now");
            assertThat(Asyncio.waitFor(done, 0)).isEqualTo("now");
        });
    }

    @Test
    void aZeroTimeoutCancelsAPendingFutureAndThrows() {
        Asyncio.run(() -> {
            Task<String> pending = Asyncio.createTask(() -> Asyncio.sleep(1, "x"));
            assertThatThrownBy(() -> Asyncio.waitFor(pending, 0)).isInstanceOf(TimeoutError.class);
            assertThat(pending.isCancelled()).isTrue();
        });
    }

    @Test
    void innerWorkThatSwallowsTheCancellationReturnsItsValue() {
        String result = Asyncio.run(() -> Asyncio.waitFor(() -> {
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) {
                return "swallowed";
            }
            return "never";
        }, 0.01));
        assertThat(result).isEqualTo("swallowed");
    }

    @Test
    void theInnerExceptionPropagates() {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Asyncio.waitFor(() -> {
                throw new IllegalStateException("inner");
            }, 1.0)).isInstanceOf(IllegalStateException.class).hasMessage("inner");
        });
    }

    @Test
    void cancellingTheWaiterCancelsTheInnerWorkAndStaysACancellation() {
        Asyncio.run(() -> {
            Task<String> inner = Asyncio.createTask(() -> Asyncio.sleep(10, "x"));
            Task<String> waiter = Asyncio.createTask(() -> Asyncio.waitFor(inner, 5.0));
            Asyncio.sleep(0);
            waiter.cancel();
            assertThatThrownBy(waiter::await).isInstanceOf(CancelledError.class);
            assertThat(inner.isCancelled()).isTrue();
        });
    }

    @Test
    void aTimeoutFiringInTheSameIterationAsTheCompletionWinsAsInAsyncio() {
        // The future completes and the deadline passes in the same loop iteration, completion first:
        // as in asyncio, the task is already flagged for cancellation when it resumes, so the result is lost.
        // Virtual time: on the real clock a stalled machine could pass the deadline before timeoutAt schedules it.
        VirtualTime.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<String> future = loop.createFuture();
            double when = loop.time() + 0.02;
            loop.callAt(when, () -> future.setResult("just in time"));
            assertThatThrownBy(() -> Asyncio.timeoutAt(when, () -> future.await())).isInstanceOf(TimeoutError.class);
            assertThat(future.result()).isEqualTo("just in time");
        });
    }

    private static final ContextVar<String> VALUE = new ContextVar<>("value", "unset");

    @Test
    void aCoroutineRunsInsideTheCallingTaskWithNoExtraTaskOrIteration() {
        // CPython 3.12+: wait_for(coro, timeout) is `async with timeout(t): return await coro`
        for (Duration timeout : new Duration[] {Duration.ofSeconds(1), null}) {
            List<String> events = new ArrayList<>();
            String result = Asyncio.run(() -> {
                Task<?> caller = Asyncio.currentTask();
                int tasksBefore = Asyncio.allTasks().size();
                Asyncio.getRunningLoop().callSoon(() -> events.add("callSoon ran"));
                String value = Asyncio.waitFor(() -> {
                    events.add("same task: " + (Asyncio.currentTask() == caller));
                    events.add("tasks: " + (Asyncio.allTasks().size() - tasksBefore));
                    VALUE.set("from body");
                    return "r";
                }, timeout);
                events.add("caller sees: " + VALUE.get());
                return value;
            });
            assertThat(result).isEqualTo("r");
            assertThat(events).containsExactly("same task: true", "tasks: 0", "caller sees: from body", "callSoon ran");
        }
    }

    @Test
    void whenTheTimeoutExpiresTheCallingTaskIsCancelledInsideTheBodyAndThenUncancelled() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<?> caller = Asyncio.currentTask();
            assertThatThrownBy(() -> Asyncio.waitFor(() -> {
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    events.add("body saw it in the caller: " + (Asyncio.currentTask() == caller) + ", cancelling " + caller.cancelling());
                    throw e;
                }
                return "never";
            }, 0.02)).isInstanceOf(TimeoutError.class).hasCauseInstanceOf(CancelledError.class);
            events.add("cancelling after: " + caller.cancelling());
        });
        assertThat(events).containsExactly("body saw it in the caller: true, cancelling 1", "cancelling after: 0");
    }

    @Test
    void aCoroutineWithATimeoutOfZeroOrLessBecomesATaskCancelledBeforeItStarts() {
        for (double timeout : new double[] {0, -1}) {
            List<String> started = new ArrayList<>();
            Asyncio.run(() -> {
                assertThatThrownBy(() -> Asyncio.waitFor(() -> {
                    started.add("started");
                    return 1;
                }, timeout)).isInstanceOf(TimeoutError.class).hasCauseInstanceOf(CancelledError.class);
            });
            assertThat(started).isEmpty();
        }
    }

    @Test
    void withEagerTasksATimeoutOfZeroReturnsWhatACoroutineThatNeverSuspendsReturns() {
        List<String> started = new ArrayList<>();
        Asyncio.run(() -> {
            Asyncio.getRunningLoop().setEagerTasks(true);
            assertThat(Asyncio.waitFor(() -> {
                started.add("quick");
                return 2;
            }, Duration.ZERO)).isEqualTo(2);
            assertThatThrownBy(() -> Asyncio.waitFor(() -> {
                started.add("suspends");
                return Asyncio.sleep(0, 3);
            }, 0)).isInstanceOf(TimeoutError.class);
        });
        assertThat(started).containsExactly("quick", "suspends");
    }
}
