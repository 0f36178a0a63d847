// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Tasks and callbacks given a context run in that context itself (CPython's {@code context=} arguments). */
class ContextTest {
    private static final ContextVar<String> VAR = new ContextVar<>("var", "unset");

    @Test
    void aTaskGivenAContextRunsInItAndLeavesItsChangesThere() {
        // CPython 3.13: create_task(body(), context=ctx); get_context() is ctx; ctx[var] is the task's value after
        Asyncio.run(() -> {
            Context context = Context.copyContext();
            List<String> seen = new ArrayList<>();
            Task<Void> task = Asyncio.createTask(() -> {
                seen.add(VAR.get());
                VAR.set("task-set");
                Asyncio.sleep(0);
                seen.add(VAR.get());
            }, null, context);
            assertThat(task.getContext()).isSameAs(context);
            task.await();
            assertThat(seen).containsExactly("unset", "task-set");
            assertThat(context.get(VAR)).isEqualTo("task-set");
            assertThat(VAR.get()).isEqualTo("unset");
        });
    }

    @Test
    void aTaskWithoutAContextGetsACopyOfItsCreatorsThatGetContextReturns() {
        Asyncio.run(() -> {
            VAR.set("creator");
            Task<Void> task = Asyncio.createTask(() -> {
                VAR.set("child");
            });
            task.await();
            assertThat(task.getContext().get(VAR)).isEqualTo("child");
            assertThat(VAR.get()).isEqualTo("creator");
            assertThat(Asyncio.getRunningLoop().createTask(() -> VAR.get(), "named", (Context) null).await()).isEqualTo("creator");
        });
    }

    @Test
    void theLoopAndTaskGroupTakeAContextToo() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Context forLoop = new Context();
            Task<String> byLoop = loop.createTask(() -> {
                VAR.set("loop");
                return Asyncio.currentTask().getName();
            }, "by-loop", forLoop);
            assertThat(byLoop.await()).isEqualTo("by-loop");
            assertThat(forLoop.get(VAR)).isEqualTo("loop");

            Context forGroup = new Context();
            List<Task<Void>> inGroup = new ArrayList<>();
            TaskGroup.run(group -> {
                inGroup.add(group.createTask(() -> {
                    VAR.set("group");
                }, "in-group", forGroup));
            });
            assertThat(inGroup.getFirst().getContext()).isSameAs(forGroup);
            assertThat(forGroup.get(VAR)).isEqualTo("group");
        });
    }

    /** Schedules, with {@code schedule}, a callback that sets VAR to {@code value}, and checks that it landed in {@code context}. */
    private static void assertRunsIn(Context context, String value, Consumer<Runnable> schedule) throws Exception {
        Future<String> ran = Asyncio.getRunningLoop().createFuture();
        schedule.accept(() -> {
            String before = VAR.get();
            VAR.set(value);
            ran.setResult(before);
        });
        ran.await();
        assertThat(context.get(VAR)).isEqualTo(value);
    }

    @Test
    void callbacksGivenAContextRunInItAndLeaveTheirChangesThere() {
        // CPython 3.13: call_soon / call_later / call_at / call_soon_threadsafe / add_done_callback with context=
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Context context = new Context();
            assertRunsIn(context, "soon", callback -> loop.callSoon(callback, context));
            assertRunsIn(context, "later", callback -> loop.callLater(0.01, callback, context));
            assertRunsIn(context, "duration", callback -> loop.callLater(Duration.ofMillis(1), callback, context));
            assertRunsIn(context, "at", callback -> loop.callAt(loop.time() + 0.01, callback, context));
            assertRunsIn(context, "threadsafe", callback -> Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(callback, context)));
            Future<Integer> future = loop.createFuture();
            assertRunsIn(context, "done callback", callback -> {
                future.addDoneCallback(f -> callback.run(), context);
                future.setResult(1);
            });
            assertRunsIn(context, "done already", callback -> future.addDoneCallback(f -> callback.run(), context));
            assertThat(VAR.get()).isEqualTo("unset");
        });
    }

    @Test
    void aCallbackWithoutAContextStillRunsInACopy() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            VAR.set("scheduler");
            Future<String> seen = loop.createFuture();
            loop.callSoon(() -> {
                VAR.set("changed in the copy");
                seen.setResult(VAR.get());
            }, null);
            assertThat(seen.await()).isEqualTo("changed in the copy");
            assertThat(VAR.get()).isEqualTo("scheduler");
        });
    }

    @Test
    void aHandleTellsTheContextItsCallbackRunsIn() {
        // CPython 3.13: h.get_context() is the copy the callback runs in, and shows what it set
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            VAR.set("scheduler");
            Handle handle = loop.callSoon(() -> VAR.set("callback"));
            assertThat(handle.getContext().get(VAR)).isEqualTo("scheduler");
            assertThat(handle.getContext()).isSameAs(handle.getContext());
            Asyncio.sleep(0);
            assertThat(handle.getContext().get(VAR)).isEqualTo("callback");
            assertThat(VAR.get()).isEqualTo("scheduler");
            Context given = new Context();
            TimerHandle timer = loop.callLater(0.001, () -> { }, given);
            assertThat(timer.getContext()).isSameAs(given);
        });
    }

    @Test
    void aCallbackWhoseContextIsAlreadyEnteredFailsAndTheErrorGoesToTheHandler() {
        List<Object> reported = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setExceptionHandler((l, context) -> reported.add(context.get("exception")));
            Context context = new Context();
            List<String> ran = new ArrayList<>();
            context.run(() -> {
                loop.callSoon(() -> ran.add("ran"), context);
                Asyncio.sleep(0); // the callback runs while this task is still inside context.run
                Asyncio.sleep(0);
            });
            assertThat(ran).isEmpty();
        });
        assertThat(reported).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTaskCannotEnterItsOwnContext() {
        // CPython 3.13: current_task().get_context().run(f) raises RuntimeError "cannot enter context ... already entered"
        Asyncio.run(() -> {
            Context own = Asyncio.currentTask().getContext();
            assertThatThrownBy(() -> own.run(() -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already entered");
            own.copy().run(() -> {
                assertThatThrownBy(() -> own.run(() -> { })).isInstanceOf(IllegalStateException.class);
            });
        });
    }

    @Test
    void aContextGivenToATaskCanBeReadAfterwardsLikeAMap() {
        Context context = new Context();
        Asyncio.run(() -> {
            Asyncio.createTask(() -> {
                VAR.set("x");
            }, "t", context).await();
        });
        assertThat(Map.of(VAR, context.get(VAR))).containsEntry(VAR, "x");
        assertThat(context.variables()).containsExactly(VAR);
    }
}
