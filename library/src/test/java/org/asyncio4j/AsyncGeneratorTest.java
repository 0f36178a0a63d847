// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncGeneratorTest {

    static AsyncGenerator<Integer> counting(int count, double pause, List<String> events) {
        return AsyncGenerator.of(out -> {
            try {
                for (int i = 0; i < count; i++) {
                    if (pause > 0) {
                        Asyncio.sleep(pause);
                    }
                    out.yield(i);
                }
            } catch (GeneratorExit e) {
                events.add("exit");
                throw e;
            } catch (CancelledError e) {
                events.add("cancelled");
                throw e;
            } finally {
                events.add("finally");
            }
        });
    }

    @Test
    void aPlainForLoopReceivesEveryValueWhileTheBodyAwaits() {
        List<String> events = new ArrayList<>();
        List<Integer> values = Asyncio.run(() -> {
            List<Integer> seen = new ArrayList<>();
            for (int value : counting(3, 0.001, events)) {
                seen.add(value);
            }
            return seen;
        });
        assertThat(values).containsExactly(0, 1, 2);
        assertThat(events).containsExactly("finally");
    }

    @Test
    void aBodyThatDoesNotAwaitRunsInlineWithoutLettingOtherTasksIn() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Boolean> other = Asyncio.createTask(() -> events.add("other task"));
            for (int value : counting(3, 0, new ArrayList<>())) {
                events.add("value " + value);
            }
            other.await();
        });
        assertThat(events).containsExactly("value 0", "value 1", "value 2", "other task");
    }

    @Test
    void closingEarlyRunsTheBodysFinallyAtItsYield() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            try (AsyncGenerator<Integer> numbers = counting(100, 0, events)) {
                for (int value : numbers) {
                    if (value == 2) {
                        break;
                    }
                }
                events.add("loop left");
            }
            events.add("closed");
        });
        assertThat(events).containsExactly("loop left", "exit", "finally", "closed");
    }

    @Test
    void theFinallyBlockMayAwaitWhileClosing() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<String> gen = AsyncGenerator.of(out -> {
                try {
                    out.yield("first");
                    out.yield("second");
                } finally {
                    Asyncio.sleep(0.01);
                    events.add("cleanup done");
                }
            });
            assertThat(gen.next()).isEqualTo("first");
            gen.close();
            events.add("close returned");
            assertThat(gen.isFinished()).isTrue();
            assertThat(gen.hasNext()).isFalse();
            gen.close(); // twice: nothing
        });
        assertThat(events).containsExactly("cleanup done", "close returned");
    }

    @Test
    void closingANeverStartedGeneratorRunsNothing() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Integer> gen = counting(3, 0, events);
            gen.close();
            assertThat(gen.hasNext()).isFalse();
        });
        assertThat(events).isEmpty();
    }

    @Test
    void anExceptionFromTheBodyReachesTheConsumer() {
        Asyncio.run(() -> {
            AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> {
                out.yield(1);
                Asyncio.sleep(0.001);
                throw new IOException("broken source");
            });
            List<Integer> seen = new ArrayList<>();
            assertThatThrownBy(() -> {
                for (int value : gen) {
                    seen.add(value);
                }
            }).isInstanceOf(IOException.class).hasMessage("broken source");
            assertThat(seen).containsExactly(1);
            assertThat(gen.isFinished()).isTrue();
        });
    }

    @Test
    void aBodyThatYieldsAfterCloseIsReported() {
        Asyncio.run(() -> {
            AsyncGenerator<Integer> stubborn = AsyncGenerator.of(out -> {
                for (int i = 0; ; i++) {
                    try {
                        out.yield(i);
                    } catch (GeneratorExit ignored) {
                        out.yield(-1); // wrong: must let it escape
                        return;
                    }
                }
            });
            assertThat(stubborn.next()).isZero();
            assertThatThrownBy(stubborn::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("ignored close");
        });
    }

    @Test
    void cancellingTheConsumerCancelsTheBodyWhereItWaits() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> consumer = Asyncio.createTask(() -> {
                for (int ignored : counting(5, 10, events)) {
                    events.add("value");
                }
            });
            Asyncio.sleep(0.001);
            consumer.cancel();
            assertThatThrownBy(consumer::await).isInstanceOf(CancelledError.class);
            assertThat(consumer.isCancelled()).isTrue();
        });
        assertThat(events).containsExactly("cancelled", "finally");
    }

    /**
     * Issue 11 item 3: a body cancelled while it waits at a yield (by a timeout around the yield,
     * say, whose timer fires in the iteration the consumer asks for more) has its wait cancelled;
     * the consumer asking must not try to complete that wait.
     */
    @Test
    void askingForMoreRightAfterTheBodyWasCancelledAtItsYieldEndsItCancelled() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<?>[] body = new Task<?>[1];
            AsyncGenerator<Integer> numbers = AsyncGenerator.of(out -> {
                body[0] = Asyncio.currentTask();
                try {
                    out.yield(0);
                    out.yield(1);
                } catch (CancelledError e) {
                    events.add("cancelled");
                    throw e;
                }
            });
            assertThat(numbers.next()).isZero(); // the body waits at its yield
            body[0].cancel();
            assertThatThrownBy(numbers::next).isInstanceOf(CancelledError.class);
            assertThat(events).containsExactly("cancelled");
            assertThat(numbers.hasNext()).isFalse();
        });
    }

    @Test
    void asyncioRunClosesGeneratorsLeftOpenAfterCancellingLeftoverTasks() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                } finally {
                    events.add("leftover task cancelled");
                }
            });
            AsyncGenerator<Integer> gen = counting(10, 0, events);
            assertThat(gen.next()).isZero();
            assertThat(Asyncio.allTasks()).hasSize(2); // main and the leftover: the generator's body is not a task
        });
        assertThat(events).containsExactly("leftover task cancelled", "exit", "finally");
    }

    @Test
    void aStartedGeneratorDroppedWithoutClosingIsClosedOnceCollected() {
        Asyncio.run(() -> {
            Future<String> closed = Asyncio.getRunningLoop().createFuture();
            startAndDrop(closed);
            System.gc();
            assertThat(Asyncio.waitFor(closed, 10.0)).isEqualTo("closed by GeneratorExit");
        });
    }

    private static void startAndDrop(Future<String> closed) {
        AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> {
            try {
                out.yield(1);
                out.yield(2);
            } catch (GeneratorExit e) {
                closed.setResult("closed by GeneratorExit");
                throw e;
            }
        });
        assertThat(gen.next()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("finally") // the generator's cleanup fails on purpose
    void shutdownReportsErrorsFromClosingToTheExceptionHandler() {
        List<Object> reported = new ArrayList<>();
        Asyncio.run(() -> {
            Asyncio.getRunningLoop().setExceptionHandler((loop, context) -> reported.add(context.get("exception")));
            AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> {
                try {
                    out.yield(1);
                } finally {
                    throw new IllegalStateException("cleanup failed");
                }
            });
            gen.next();
        });
        assertThat(reported).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBodyRunsInTheConsumersContext() {
        ContextVar<String> var = new ContextVar<>("var", "none");
        Asyncio.run(() -> {
            var.set("consumer");
            List<String> seen = new ArrayList<>();
            AsyncGenerator<String> gen = AsyncGenerator.of(out -> {
                out.yield(var.get());
                var.set("set by the generator");
                out.yield(var.get());
            });
            for (String value : gen) {
                seen.add(value);
            }
            assertThat(seen).containsExactly("consumer", "set by the generator");
            assertThat(var.get()).isEqualTo("set by the generator");
        });
    }

    @Test
    void twoConsumersAtOnceAreRefused() {
        Asyncio.run(() -> {
            AsyncGenerator<Integer> slow = counting(3, 10, new ArrayList<>());
            Task<Boolean> first = Asyncio.createTask(slow::hasNext);
            Asyncio.sleep(0); // first is now waiting for the body, which sleeps
            assertThatThrownBy(slow::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
            first.cancel();
            assertThatThrownBy(first::await).isInstanceOf(CancelledError.class);
            assertThat(slow.isFinished()).isTrue();
        });
    }

    @Test
    void iterationOutsideATaskFailsClearly() {
        AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> out.yield(1));
        assertThatThrownBy(gen::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a task");
    }
}
