// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio's {@code Runner}: the twins of CPython 3.13's behaviour, run side by side. */
class RunnerTest {
    private static final ContextVar<String> VALUE = new ContextVar<>("value", "unset");

    @Test
    void runsShareOneLoopAndOneContext() {
        try (Runner runner = new Runner()) {
            EventLoop loop = runner.getLoop();
            runner.run(() -> {
                VALUE.set("set");
            });
            assertThat(runner.run(() -> VALUE.get())).isEqualTo("set");
            assertThat(runner.run(Asyncio::getRunningLoop)).isSameAs(loop);
            assertThat(loop.isRunning()).isFalse();
        }
    }

    @Test
    void aGivenContextIsUsedInsteadOfTheRunnersOwn() {
        Context context = Context.copyContext();
        try (Runner runner = new Runner()) {
            runner.run(() -> {
                VALUE.set("in the given context");
            }, context);
            assertThat(context.get(VALUE)).isEqualTo("in the given context");
            assertThat(runner.run(() -> VALUE.get())).isEqualTo("unset");
        }
    }

    @Test
    void tasksLeftByOneRunGoOnInTheNextAndCloseCancelsThem() {
        List<String> events = new ArrayList<>();
        Runner runner = new Runner();
        Task<Void> leftover = runner.run(() -> {
            Task<Void> t = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(100);
                } catch (CancelledError e) {
                    events.add("leftover cancelled");
                    throw e;
                }
            });
            Asyncio.sleep(0);
            return t;
        });
        assertThat(leftover.isDone()).isFalse();
        runner.run(() -> Asyncio.sleep(0));
        assertThat(leftover.isDone()).isFalse();
        EventLoop loop = runner.getLoop();
        runner.close();
        runner.close(); // twice does nothing
        assertThat(leftover.isCancelled()).isTrue();
        assertThat(events).containsExactly("leftover cancelled");
        assertThat(loop.isClosed()).isTrue();
    }

    @Test
    void closeShutsDownTheAsyncGeneratorsStillOpen() {
        List<String> events = new ArrayList<>();
        try (Runner runner = new Runner()) {
            runner.run(() -> {
                AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> {
                    try {
                        out.yield(1);
                        out.yield(2);
                    } finally {
                        events.add("generator closed");
                    }
                });
                gen.next();
            });
            assertThat(events).isEmpty();
        }
        assertThat(events).containsExactly("generator closed");
    }

    @Test
    void aClosedRunnerRefusesToRunOrGiveItsLoop() {
        Runner runner = new Runner();
        runner.run(() -> Asyncio.sleep(0));
        runner.close();
        assertThatThrownBy(() -> runner.run(() -> Asyncio.sleep(0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Runner is closed");
        assertThatThrownBy(runner::getLoop).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void runFromARunningLoopIsRefused() {
        try (Runner runner = new Runner()) {
            runner.run(() -> {
                assertThatThrownBy(() -> runner.run(() -> Asyncio.sleep(0)))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("running event loop");
            });
        }
    }

    @Test
    void theLoopComesFromTheFactoryOnFirstUseAndDebugIsSetWhenAsked() {
        List<EventLoop> made = new ArrayList<>();
        try (Runner runner = new Runner(() -> {
            EventLoop loop = Asyncio.newEventLoop();
            made.add(loop);
            return loop;
        })) {
            assertThat(made).isEmpty();
            assertThat(runner.run(Asyncio::getRunningLoop)).isSameAs(made.getFirst());
            assertThat(made).hasSize(1);
        }
        assertThat(made.getFirst().isClosed()).isTrue();
        try (Runner debug = new Runner(true)) {
            assertThat(debug.getLoop().getDebug()).isTrue();
        }
        new Runner().close(); // never used: nothing to clean up
    }

    @Test
    void anExceptionFromTheCoroutineEscapesUnchanged() {
        try (Runner runner = new Runner()) {
            assertThatThrownBy(() -> runner.run(() -> {
                throw new java.io.IOException("disk full");
            })).isInstanceOf(java.io.IOException.class).hasMessage("disk full");
            assertThat(runner.run(() -> "still usable")).isEqualTo("still usable");
        }
    }
}
