// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void allCompletedWaitsForEveryFuture() {
        Asyncio.run(() -> {
            Task<Integer> a = Asyncio.createTask(() -> Asyncio.sleep(0.02, 1));
            Task<Integer> b = Asyncio.createTask(() -> Asyncio.sleep(0.01, 2));
            DoneAndPending<Task<Integer>> result = Asyncio.wait(List.of(a, b));
            assertThat(result.done()).containsExactly(a, b);
            assertThat(result.pending()).isEmpty();
        });
    }

    @Test
    void firstCompletedReturnsAsSoonAsOneIsDone() {
        Asyncio.run(() -> {
            Task<Integer> slow = Asyncio.createTask(() -> Asyncio.sleep(10, 1));
            Task<Integer> fast = Asyncio.createTask(() -> Asyncio.sleep(0.01, 2));
            DoneAndPending<Task<Integer>> result = Asyncio.wait(List.of(slow, fast), ReturnWhen.FIRST_COMPLETED);
            assertThat(result.done()).containsExactly(fast);
            assertThat(result.pending()).containsExactly(slow);
            assertThat(slow.isCancelled()).isFalse();
            slow.cancel();
        });
    }

    @Test
    void firstExceptionReturnsOnTheFirstFailure() {
        Asyncio.run(() -> {
            Task<Void> ok = Asyncio.createTask(() -> Asyncio.sleep(0.001));
            Task<Void> failing = Asyncio.createTask(() -> {
                Asyncio.sleep(0.02);
                throw new IOException("bad");
            });
            Task<Void> slow = Asyncio.createTask(() -> Asyncio.sleep(10));
            DoneAndPending<Task<Void>> result = Asyncio.wait(List.of(ok, failing, slow), ReturnWhen.FIRST_EXCEPTION);
            assertThat(result.done()).containsExactly(ok, failing);
            assertThat(result.pending()).containsExactly(slow);
            slow.cancel();
        });
    }

    @Test
    void firstExceptionWithoutFailuresWaitsForAll() {
        Asyncio.run(() -> {
            Task<Void> a = Asyncio.createTask(() -> Asyncio.sleep(0.01));
            Task<Void> b = Asyncio.createTask(() -> Asyncio.sleep(0.02));
            DoneAndPending<Task<Void>> result = Asyncio.wait(List.of(a, b), ReturnWhen.FIRST_EXCEPTION);
            assertThat(result.pending()).isEmpty();
        });
    }

    @Test
    void aTimeoutReturnsWithoutThrowingOrCancelling() {
        Asyncio.run(() -> {
            Task<Void> slow = Asyncio.createTask(() -> Asyncio.sleep(10));
            DoneAndPending<Task<Void>> result = Asyncio.wait(List.of(slow), Duration.ofMillis(20));
            assertThat(result.done()).isEmpty();
            assertThat(result.pending()).containsExactly(slow);
            assertThat(slow.isCancelled()).isFalse();
            assertThat(Asyncio.wait(List.of(slow), 0.01).pending()).containsExactly(slow);
            slow.cancel();
        });
    }

    @Test
    void anEmptyCollectionIsRejected() {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Asyncio.wait(List.<Future<?>>of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
        });
    }

    @Test
    void cancellingTheWaiterLeavesTheFuturesRunning() {
        Asyncio.run(() -> {
            Task<Void> slow = Asyncio.createTask(() -> Asyncio.sleep(10));
            Task<DoneAndPending<Task<Void>>> waiter = Asyncio.createTask(() -> Asyncio.wait(List.of(slow)));
            Asyncio.sleep(0);
            waiter.cancel();
            assertThatThrownBy(waiter::await).isInstanceOf(CancelledError.class);
            assertThat(slow.isDone()).isFalse();
            slow.cancel();
        });
    }

    @Test
    void futuresAlreadyDoneAreReportedDone() {
        Asyncio.run(() -> {
            Future<String> done = Asyncio.getRunningLoop().createFuture();
            done.setResult("x");
            Future<String> never = Asyncio.getRunningLoop().createFuture();
            DoneAndPending<Future<String>> result = Asyncio.wait(List.of(done, never), ReturnWhen.FIRST_COMPLETED);
            assertThat(result.done()).containsExactly(done);
            assertThat(result.pending()).containsExactly(never);
        });
    }
}
