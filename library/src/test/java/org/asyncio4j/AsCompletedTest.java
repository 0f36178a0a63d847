// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.asyncio4j.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class AsCompletedTest {

    @Test
    void yieldsFuturesInCompletionOrder() {
        List<String> order = VirtualTime.run(() -> {
            List<Task<String>> tasks = List.of(
                    Asyncio.createTask(() -> Asyncio.sleep(0.03, "slow")),
                    Asyncio.createTask(() -> Asyncio.sleep(0.01, "fast")),
                    Asyncio.createTask(() -> Asyncio.sleep(0.02, "middle")));
            List<String> seen = new ArrayList<>();
            for (Task<String> done : Asyncio.asCompleted(tasks)) {
                assertThat(done.isDone()).isTrue();
                seen.add(done.result());
            }
            return seen;
        });
        assertThat(order).containsExactly("fast", "middle", "slow");
    }

    @Test
    void theTimeoutEndsTheIterationWithTimeoutError() {
        VirtualTime.run(() -> {
            Task<String> fast = Asyncio.createTask(() -> Asyncio.sleep(0.01, "fast"));
            Task<String> slow = Asyncio.createTask(() -> Asyncio.sleep(10, "slow"));
            Iterator<Task<String>> it = Asyncio.asCompleted(List.of(slow, fast), Duration.ofMillis(300)).iterator();
            assertThat(it.next()).isSameAs(fast);
            assertThat(it.hasNext()).isTrue();
            assertThatThrownBy(it::next).isInstanceOf(TimeoutError.class);
            assertThat(it.hasNext()).isFalse();
            assertThat(slow.isCancelled()).isFalse();
            slow.cancel();
        });
    }

    @Test
    void futuresDoneBeforeTheTimeoutAreStillReturnedFirst() {
        VirtualTime.run(() -> {
            Future<Integer> done = Asyncio.getRunningLoop().createFuture();
            done.setResult(1);
            Future<Integer> never = Asyncio.getRunningLoop().createFuture();
            Iterator<Future<Integer>> it = Asyncio.asCompleted(List.of(never, done), 0.01).iterator();
            assertThat(it.next()).isSameAs(done);
            assertThatThrownBy(it::next).isInstanceOf(TimeoutError.class);
        });
    }

    @Test
    void failedAndCancelledFuturesAreReturnedToo() {
        VirtualTime.run(() -> {
            Future<Integer> failed = Asyncio.getRunningLoop().createFuture();
            Future<Integer> cancelled = Asyncio.getRunningLoop().createFuture();
            Asyncio.getRunningLoop().callLater(0.01, () -> failed.setException(new IllegalStateException("x")));
            Asyncio.getRunningLoop().callLater(0.02, cancelled::cancel);
            List<Future<Integer>> seen = new ArrayList<>();
            for (Future<Integer> f : Asyncio.asCompleted(List.of(cancelled, failed))) {
                seen.add(f);
            }
            assertThat(seen).containsExactly(failed, cancelled);
            assertThatThrownBy(failed::result).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void anEmptyCollectionEndsAtOnceAndTheIterableIsSingleUse() {
        VirtualTime.run(() -> {
            Iterable<Future<Object>> none = Asyncio.asCompleted(List.of());
            assertThat(none.iterator().hasNext()).isFalse();
            assertThatThrownBy(none::iterator).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void cancellingTheConsumerLeavesTheFuturesRunning() {
        VirtualTime.run(() -> {
            Task<Void> slow = Asyncio.createTask(() -> Asyncio.sleep(10));
            Task<Void> consumer = Asyncio.createTask(() -> {
                for (Task<Void> t : Asyncio.asCompleted(List.of(slow))) {
                    t.result();
                }
            });
            Asyncio.sleep(0);
            consumer.cancel();
            assertThatThrownBy(consumer::await).isInstanceOf(CancelledError.class);
            assertThat(slow.isDone()).isFalse();
            slow.cancel();
        });
    }
}
