// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EagerTaskTest {

    private static <T> T runEager(Coroutine<T> main) {
        return Asyncio.run(() -> {
            Asyncio.getRunningLoop().setTaskFactory(TaskFactory.eagerTaskFactory()); // as CPython's tests do
            return main.call();
        });
    }

    @Test
    void aTaskThatNeverSuspendsIsDoneWhenCreateTaskReturns() {
        runEager(() -> {
            Task<Integer> task = Asyncio.createTask(() -> 42);
            assertThat(task.isDone()).isTrue();
            assertThat(task.result()).isEqualTo(42);
            assertThat(Asyncio.allTasks()).doesNotContain(task);
            return null;
        });
    }

    @Test
    void theFirstStepRunsBeforeTheCreatorContinues() {
        List<String> events = new ArrayList<>();
        runEager(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                events.add("eager start");
                Asyncio.sleep(0);
                events.add("eager end");
            });
            events.add("creator continues");
            task.await();
            return null;
        });
        assertThat(events).containsExactly("eager start", "creator continues", "eager end");
    }

    @Test
    void lazyTasksKeepTheirOrder() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                events.add("lazy start");
            });
            events.add("creator continues");
            task.await();
        });
        assertThat(events).containsExactly("creator continues", "lazy start");
    }

    @Test
    void theEagerStepRunsAheadOfTasksAlreadyReadyAndTheCreatorResumesBeforeThem() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Task<Void> lazy = loop.createTask(() -> {
                events.add("lazy");
            }, "lazy", false);
            loop.callSoon(() -> events.add("callback"));
            Task<Void> eager = loop.createTask(() -> {
                events.add("eager");
            }, "eager", true);
            events.add("creator");
            assertThat(eager.isDone()).isTrue();
            lazy.await();
        });
        assertThat(events).containsExactly("eager", "creator", "lazy", "callback");
    }

    @Test
    void currentTaskInTheEagerStepIsTheNewTask() {
        runEager(() -> {
            Task<?>[] seen = new Task<?>[1];
            Task<Void> task = Asyncio.createTask(() -> {
                seen[0] = Asyncio.currentTask();
            });
            assertThat(seen[0]).isSameAs(task);
            return null;
        });
    }

    @Test
    void aFailureInTheFirstStepIsStoredNotThrownAtTheCreator() {
        runEager(() -> {
            Task<Void> task = Asyncio.createTask(() -> {
                throw new IOException("eager failure");
            });
            assertThat(task.isDone()).isTrue();
            assertThat(task.exception()).isInstanceOf(IOException.class);
            return null;
        });
    }

    @Test
    void fromACallbackTheStepRunsInsideCreateTask() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Task<String>> created = loop.createFuture();
            loop.callSoon(() -> {
                Task<String> task = loop.createTask(() -> {
                    events.add("step");
                    return "r";
                }, null, true);
                events.add("callback continues, done=" + task.isDone());
                created.setResult(task);
            });
            assertThat(created.await().await()).isEqualTo("r");
        });
        assertThat(events).containsExactly("step", "callback continues, done=true");
    }

    @Test
    void whenTheLoopIsNotRunningTheStartIsLazy() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setEagerTasks(true);
            List<String> events = new ArrayList<>();
            Task<Void> task = loop.createTask(() -> {
                events.add("ran");
            });
            assertThat(events).isEmpty();
            loop.runUntilComplete(task);
            assertThat(events).containsExactly("ran");
        }
    }

    @Test
    void cancellingTheCreatorDuringTheEagerStepTakesEffectAtItsNextSuspension() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> creator = Asyncio.createTask(() -> {
                Task<?> self = Asyncio.currentTask();
                Asyncio.getRunningLoop().createTask(() -> {
                    self.cancel("from the eager step");
                }, null, true);
                events.add("creator continues");
                try {
                    Asyncio.sleep(1);
                } catch (CancelledError e) {
                    events.add("cancelled at next suspension: " + e.getMessage());
                    throw e;
                }
            });
            assertThatThrownBy(creator::await).isInstanceOf(CancelledError.class);
        });
        assertThat(events).containsExactly("creator continues", "cancelled at next suspension: from the eager step");
    }

    @Test
    void eagerTasksNestAndInheritTheContext() {
        ContextVar<String> var = new ContextVar<>("var");
        List<String> events = new ArrayList<>();
        runEager(() -> {
            var.set("creator");
            Task<Void> outer = Asyncio.createTask(() -> {
                events.add("outer sees " + var.get());
                Task<Void> inner = Asyncio.createTask(() -> {
                    events.add("inner");
                });
                events.add("outer continues, inner done=" + inner.isDone());
            });
            events.add("creator continues, outer done=" + outer.isDone());
            return null;
        });
        assertThat(events).containsExactly("outer sees creator", "inner", "outer continues, inner done=true",
                "creator continues, outer done=true");
    }

    @Test
    void gatherAndTaskGroupWorkWithEagerTasks() {
        List<Integer> results = runEager(() -> {
            TaskGroup.run(tg -> {
                Task<Integer> done = tg.createTask(() -> 1);
                assertThat(done.isDone()).isTrue();
                tg.createTask(() -> Asyncio.sleep(0.001, 2));
            });
            return Asyncio.gather(() -> 1, () -> Asyncio.sleep(0.001, 2)).await();
        });
        assertThat(results).containsExactly(1, 2);
    }

    @Test
    void aFutureCompletedDuringTheEagerStepIsDoneWhenCreateTaskReturns() {
        String message = runEager(() -> {
            Future<String> future = Asyncio.getRunningLoop().createFuture();
            Task<Void> task = Asyncio.createTask(() -> {
                future.setResult("my message");
            });
            assertThat(task.isDone()).isTrue();
            assertThat(future.isDone()).isTrue();
            return future.await();
        });
        assertThat(message).isEqualTo("my message");
    }

    @Test
    void cancellingATaskThatCompletedEagerlyDoesNothing() {
        runEager(() -> {
            Task<String> task = Asyncio.createTask(() -> "finished without blocking");
            assertThat(task.cancel()).isFalse();
            assertThat(task.isCancelled()).isFalse();
            assertThat(task.await()).isEqualTo("finished without blocking");
            return null;
        });
    }

    @Test
    void cancellingATaskThatBlockedAfterItsEagerStepCancelsItWithTheMessage() {
        runEager(() -> {
            Task<String> task = Asyncio.createTask(() -> Asyncio.sleep(0.1, "finished after blocking"));
            assertThat(task.cancel("cancellation message")).isTrue();
            assertThat(task.cancelling()).isPositive();
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class).hasMessage("cancellation message");
            return null;
        });
    }

    @Test
    void aTaskIsListedDuringItsEagerStepAndWhileItWaitsButNotOnceDone() {
        runEager(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> first = loop.createFuture();
            Future<Void> second = loop.createFuture();
            List<Set<Task<?>>> duringStep = new ArrayList<>();
            Task<Void> task = Asyncio.createTask(() -> {
                duringStep.add(Asyncio.allTasks());
                first.await();
                second.setResult(null);
            });
            assertThat(duringStep.get(0)).contains(task);
            assertThat(Asyncio.allTasks()).contains(task);
            first.setResult(null);
            second.await();
            task.await();
            assertThat(Asyncio.allTasks()).doesNotContain(task);
            return null;
        });
    }

    @Test
    void theEagerStepRunsInTheTasksCopyOfTheCreatorsContext() {
        ContextVar<Integer> cv = new ContextVar<>("cv", 0);
        List<String> steps = new ArrayList<>();
        runEager(() -> {
            cv.set(1);
            Task<Void> task = Asyncio.createTask(() -> {
                steps.add("first step sees " + cv.get());
                cv.set(2);
                Asyncio.sleep(0.01);
                steps.add("second step sees " + cv.get());
                cv.set(3);
            });
            assertThat(steps).containsExactly("first step sees 1");
            assertThat(cv.get()).isEqualTo(1);
            task.await();
            assertThat(cv.get()).isEqualTo(1);
            return null;
        });
        assertThat(steps).containsExactly("first step sees 1", "second step sees 2");
    }
}
