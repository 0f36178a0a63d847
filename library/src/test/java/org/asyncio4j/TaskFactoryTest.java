// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskFactoryTest {

    /** A factory that records the name of each task it is asked for ({@code null} when none was given) and makes it plainly. */
    private static final class Recording implements TaskFactory {
        final List<String> names = new ArrayList<>();
        final List<Context> contexts = new ArrayList<>();

        @Override
        public Task<?> newTask(EventLoop loop, Coroutine<?> coroutine, String name, Context context) {
            names.add(name);
            contexts.add(context);
            return Task.create(loop, coroutine, name, context, false);
        }
    }

    @Test
    void theDefaultIsNoFactoryAndNullRestoresIt() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            assertThat(loop.getTaskFactory()).isNull();
            Recording factory = new Recording();
            loop.setTaskFactory(factory);
            assertThat(loop.getTaskFactory()).isSameAs(factory);
            Asyncio.createTask(() -> 1).await();
            loop.setTaskFactory(null);
            assertThat(loop.getTaskFactory()).isNull();
            Asyncio.createTask(() -> 2).await();
            assertThat(factory.names).hasSize(1);
        });
    }

    @Test
    void everyWayOfCreatingATaskGoesThroughTheFactory() throws Exception {
        Recording factory = new Recording();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setTaskFactory(factory);
            Asyncio.createTask(() -> 1, "Asyncio.createTask").await();
            loop.createTask(() -> { }, "loop.createTask").await();
            Asyncio.ensureFuture(() -> 1).await();
            TaskGroup.run(tg -> {
                tg.createTask(() -> 1, "TaskGroup.createTask");
            });
            Asyncio.gather(() -> 1, () -> 2).await();
            Asyncio.shield(() -> 1).await();
            CompletableFuture<Integer> fromThread = new CompletableFuture<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    fromThread.complete(Asyncio.runCoroutineThreadsafe(() -> 1, loop).get(10, TimeUnit.SECONDS));
                } catch (Exception e) {
                    fromThread.completeExceptionally(e);
                }
            });
            Asyncio.wrapFuture(fromThread).await();
            other.join();
        });
        assertThat(factory.names).containsExactly("Asyncio.createTask", "loop.createTask", null,
                "TaskGroup.createTask", null, null, null, null);
    }

    @Test
    void theMainTaskOfRunGoesThroughTheFactoryOfTheLoopFactorysLoop() {
        Recording factory = new Recording();
        String name = Asyncio.run(() -> Asyncio.currentTask().getName(), () -> {
            EventLoop loop = Asyncio.newEventLoop();
            loop.setTaskFactory(factory);
            return loop;
        });
        assertThat(factory.names).hasSize(1);
        assertThat(name).startsWith("Task-");
    }

    @Test
    void theFactoryIsGivenTheNameAndTheContextAndNamesTheTask() {
        Recording factory = new Recording();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setTaskFactory(factory);
            Context context = Context.copyContext();
            Task<Integer> named = loop.createTask(() -> 1, "named", context);
            Task<Integer> unnamed = Asyncio.createTask(() -> 2);
            assertThat(named.getName()).isEqualTo("named");
            assertThat(named.getContext()).isSameAs(context);
            assertThat(unnamed.getName()).startsWith("Task-");
            assertThat(factory.contexts).containsExactly(context, null);
            loop.setTaskFactory((l, coroutine, ignored, c) -> Task.create(l, coroutine, "chosen by the factory", c, false));
            assertThat(Asyncio.createTask(() -> 3, "asked for").getName()).isEqualTo("chosen by the factory");
        });
    }

    @Test
    void aFactoryMayWrapTheCoroutine() {
        List<String> events = new ArrayList<>();
        int result = Asyncio.run(() -> {
            Asyncio.getRunningLoop().setTaskFactory((loop, coroutine, name, context) -> Task.create(loop, () -> {
                events.add("before " + name);
                try {
                    return coroutine.call();
                } finally {
                    events.add("after " + name);
                }
            }, name, context, false));
            Task<Integer> task = Asyncio.createTask(() -> {
                events.add("body");
                return 42;
            }, "wrapped");
            return task.await();
        });
        assertThat(result).isEqualTo(42);
        assertThat(events).containsExactly("before wrapped", "body", "after wrapped");
    }

    @Test
    void whatTheFactoryThrowsReachesTheCaller() {
        Asyncio.run(() -> {
            Asyncio.getRunningLoop().setTaskFactory((loop, coroutine, name, context) -> {
                throw new IllegalArgumentException("no tasks today");
            });
            assertThatThrownBy(() -> Asyncio.createTask(() -> 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no tasks today");
        });
    }

    @Test
    void runCoroutineThreadsafeReportsAFactoryFailureToTheCallerAndTheHandler() throws Exception {
        List<Map<String, Object>> reported = new ArrayList<>();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setExceptionHandler((l, context) -> reported.add(context));
            loop.setTaskFactory((l, coroutine, name, context) -> {
                throw new IllegalArgumentException("broken factory");
            });
            Future<Void> done = Asyncio.toThread(() -> {
                try {
                    Asyncio.runCoroutineThreadsafe(() -> 1, loop).join();
                } catch (CompletionException e) {
                    seen.set(e.getCause());
                }
            });
            done.await();
        });
        assertThat(seen.get()).isInstanceOf(IllegalArgumentException.class).hasMessage("broken factory");
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).get("exception")).isSameAs(seen.get());
    }

    @Test
    void aFactoryMustReturnATaskOfItsLoop() {
        try (EventLoop other = Asyncio.newEventLoop()) {
            Task<Integer> foreign = other.createTask(() -> 1);
            Asyncio.run(() -> {
                EventLoop loop = Asyncio.getRunningLoop();
                loop.setTaskFactory((l, coroutine, name, context) -> null);
                assertThatThrownBy(() -> Asyncio.createTask(() -> 1)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("returned null");
                loop.setTaskFactory((l, coroutine, name, context) -> foreign);
                assertThatThrownBy(() -> Asyncio.createTask(() -> 1)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("returned a task of");
            });
            assertThat(other.runUntilComplete(foreign)).isEqualTo(1);
        }
    }

    @Test
    void setEagerTasksIsTheEagerTaskFactory() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            assertThat(TaskFactory.eagerTaskFactory()).isSameAs(TaskFactory.eagerTaskFactory());
            loop.setEagerTasks(true);
            assertThat(loop.getTaskFactory()).isSameAs(TaskFactory.eagerTaskFactory());
            loop.setEagerTasks(false);
            assertThat(loop.getTaskFactory()).isNull();
            loop.setTaskFactory(TaskFactory.eagerTaskFactory());
            assertThat(loop.getEagerTasks()).isTrue();
            assertThat(Asyncio.createTask(() -> 1).isDone()).isTrue();
            loop.setTaskFactory(new Recording());
            assertThat(loop.getEagerTasks()).isFalse();
            assertThat(Asyncio.createTask(() -> 1).isDone()).isFalse();
        });
    }

    @Test
    void createEagerTaskFactoryMakesEveryTaskWithTheConstructorEagerly() {
        List<String> calls = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setTaskFactory(TaskFactory.createEagerTaskFactory((l, coroutine, name, context, eager) -> {
                calls.add(name + " eager=" + eager);
                return Task.create(l, coroutine, name, context, eager);
            }));
            assertThat(loop.getEagerTasks()).isTrue();
            assertThat(Asyncio.createTask(() -> 1, "a").isDone()).isTrue();
            TaskGroup.run(tg -> {
                assertThat(tg.createTask(() -> 2, "b").isDone()).isTrue();
            });
            // 3.14's create_task(..., eager_start=False) under an eager factory: the constructor is told
            assertThat(loop.createTask(() -> 3, "c", false).isDone()).isFalse();
        });
        assertThat(calls).containsExactly("a eager=true", "b eager=true", "c eager=false");
    }

    @Test
    void anExplicitEagerStartIsNotPassedToAPlainFactory() {
        Recording factory = new Recording();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setTaskFactory(factory);
            Task<Integer> task = loop.createTask(() -> 1, "asked eager", true);
            assertThat(task.isDone()).isFalse();
            task.await();
            loop.setTaskFactory(null);
            assertThat(loop.createTask(() -> 1, "no factory", true).isDone()).isTrue();
        });
        assertThat(factory.names).containsExactly("asked eager");
    }

    /** CPython's task-counting tests: a recursive gather makes 1 + 3 + 9 + 27 tasks, none started lazily when eager. */
    @Test
    void recursiveGatherMakesEveryTaskThroughTheFactoryAndEagerOnesNeverWait() {
        for (boolean eagerly : new boolean[] {false, true}) {
            AtomicInteger lazy = new AtomicInteger();
            AtomicInteger all = new AtomicInteger();
            TaskFactory.Constructor counting = (l, coroutine, name, context, eager) -> {
                all.incrementAndGet();
                if (!eager) {
                    lazy.incrementAndGet();
                }
                return Task.create(l, coroutine, name, context, eager);
            };
            Asyncio.run(() -> recursiveGather(3, 3), () -> {
                EventLoop loop = Asyncio.newEventLoop();
                loop.setTaskFactory(eagerly ? TaskFactory.createEagerTaskFactory(counting)
                        : (l, coroutine, name, context) -> counting.newTask(l, coroutine, name, context, false));
                return loop;
            });
            assertThat(all.get()).isEqualTo(40);
            assertThat(lazy.get()).isEqualTo(eagerly ? 0 : 40);
        }
    }

    private static Void recursiveGather(int width, int depth) throws Exception {
        if (depth > 0) {
            List<Future<Void>> children = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                children.add(Asyncio.createTask(() -> recursiveGather(width, depth - 1)));
            }
            Asyncio.gather(children).await();
        }
        return null;
    }
}
