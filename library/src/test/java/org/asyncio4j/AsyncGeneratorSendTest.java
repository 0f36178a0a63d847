// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** asend, athrow and their interplay with close, as CPython 3.13 decides them (twins in the comments). */
@Timeout(30)
class AsyncGeneratorSendTest {

    /** Python: x = yield 1; y = yield 2, with "except ValueError: yield 'after-catch'" around both. */
    private static AsyncGenerator<Object> echoing(List<String> events) {
        return AsyncGenerator.of(out -> {
            try {
                events.add("got " + out.yield(1));
                events.add("got " + out.yield(2));
            } catch (IllegalArgumentException e) {
                events.add("caught " + e.getMessage());
                out.yield("after-catch");
                events.add("resumed after catch");
            } finally {
                events.add("finally");
            }
        });
    }

    @Test
    void asendHandsItsValueToThePendingYieldAndReturnsTheNextValue() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Object> gen = echoing(events);
            assertThat(gen.asend(null)).isEqualTo(1);
            assertThat(gen.asend("a")).isEqualTo(2);
            assertThat(gen.athrow(new IllegalArgumentException("boom"))).isEqualTo("after-catch");
            assertThatThrownBy(() -> gen.asend("b")).isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("StopAsyncIteration");
            assertThat(gen.isFinished()).isTrue();
            // exhausted: asend is StopAsyncIteration, athrow and aclose return None
            assertThatThrownBy(() -> gen.asend("c")).isInstanceOf(NoSuchElementException.class);
            assertThat(gen.athrow(new IllegalArgumentException("again"))).isNull();
            gen.close();
        });
        assertThat(events).containsExactly("got a", "caught boom", "resumed after catch", "finally");
    }

    @Test
    void nextMakesThePendingYieldReturnNull() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Object> gen = echoing(events);
            assertThat(gen.next()).isEqualTo(1);
            assertThat(gen.next()).isEqualTo(2);
            assertThatThrownBy(() -> gen.asend("last")).isInstanceOf(NoSuchElementException.class); // the body ends
        });
        assertThat(events).containsExactly("got null", "got last", "finally");
    }

    @Test
    void aNonNullValueCannotStartTheGenerator() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Object> gen = echoing(events);
            assertThatThrownBy(() -> gen.asend("x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has not started");
            assertThat(gen.isFinished()).isFalse();
            assertThat(gen.asend(null)).isEqualTo(1); // still usable, as in Python
            gen.close();
        });
        assertThat(events).containsExactly("finally");
    }

    @Test
    void athrowOnAGeneratorThatHasNotStartedThrowsWithoutRunningTheBodyAndFinishesIt() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Object> gen = echoing(events);
            IOException early = new IOException("early");
            assertThatThrownBy(() -> gen.athrow(early)).isSameAs(early);
            assertThat(gen.isFinished()).isTrue();
            assertThatThrownBy(() -> gen.asend(null)).isInstanceOf(NoSuchElementException.class);
            assertThat(gen.athrow(new IOException("later"))).isNull();
        });
        assertThat(events).isEmpty();
    }

    @Test
    void athrowThatTheBodyCatchesAndEndsOnIsStopAsyncIteration() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Integer> gen = AsyncGenerator.of(out -> {
                try {
                    out.yield(1);
                } catch (IllegalArgumentException e) {
                    events.add("caught");
                }
            });
            gen.next();
            assertThatThrownBy(() -> gen.athrow(new IllegalArgumentException())).isInstanceOf(NoSuchElementException.class);
            assertThat(gen.isFinished()).isTrue();
        });
        assertThat(events).containsExactly("caught");
    }

    @Test
    void athrowThatTheBodyDoesNotCatchComesBackToTheCaller() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Object> gen = echoing(events);
            gen.next();
            gen.next();
            IOException checked = new IOException("not caught");
            assertThatThrownBy(() -> gen.athrow(checked)).isSameAs(checked);
            assertThat(gen.isFinished()).isTrue();
        });
        assertThat(events).containsExactly("got null", "finally");
    }

    @Test
    void everyOperationOnARunningGeneratorIsRefusedAndLeavesItWorking() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Integer> slow = AsyncGenerator.of(out -> {
                try {
                    Asyncio.sleep(0.05);
                    out.yield(1);
                } finally {
                    events.add("finally");
                }
            });
            Task<Integer> first = Asyncio.createTask(() -> slow.asend(null));
            Asyncio.sleep(0); // first now waits for the body, which sleeps
            assertThatThrownBy(() -> slow.asend(null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("asend(): the async generator is already running");
            assertThatThrownBy(slow::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
            assertThatThrownBy(() -> slow.athrow(new IOException())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("athrow(): the async generator is already running");
            assertThatThrownBy(slow::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close(): the async generator is already running");
            assertThat(first.await()).isEqualTo(1);
            assertThat(slow.isFinished()).isFalse();
            slow.close(); // the refused close did not leave it half-closed
            assertThat(slow.isFinished()).isTrue();
        });
        assertThat(events).containsExactly("finally");
    }

    @Test
    void afterCloseAsendIsStopAsyncIterationAndAthrowReturnsNull() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            AsyncGenerator<Object> started = echoing(events);
            started.next();
            started.close();
            assertThatThrownBy(() -> started.asend(null)).isInstanceOf(NoSuchElementException.class);
            assertThat(started.athrow(new IOException())).isNull();

            AsyncGenerator<Object> neverStarted = echoing(events);
            neverStarted.close();
            assertThatThrownBy(() -> neverStarted.asend(null)).isInstanceOf(NoSuchElementException.class);
        });
        assertThat(events).containsExactly("finally");
    }

    @Test
    void aValueFetchedByHasNextIsNotLostToAsend() {
        Asyncio.run(() -> {
            AsyncGenerator<Object> gen = echoing(new ArrayList<>());
            assertThat(gen.hasNext()).isTrue();
            assertThatThrownBy(() -> gen.asend("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("next()");
            assertThat(gen.next()).isEqualTo(1);
            assertThat(gen.asend("x")).isEqualTo(2);
            gen.close();
        });
    }
}
