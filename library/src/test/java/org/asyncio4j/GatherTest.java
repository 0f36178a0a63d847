// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatherTest {

    @Test
    void resultsComeInArgumentOrderNotCompletionOrder() {
        List<Integer> results = Asyncio.run(() -> Asyncio.gather(
                () -> Asyncio.sleep(0.03, 1),
                () -> Asyncio.sleep(0.01, 2),
                () -> 3).await());
        assertThat(results).containsExactly(1, 2, 3);
    }

    @Test
    void childrenRunConcurrently() {
        long start = System.nanoTime();
        Asyncio.run(() -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(Asyncio.createTask(() -> Asyncio.sleep(0.2)));
            }
            Asyncio.gather(tasks).await();
        });
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
    }

    @Test
    void firstExceptionPropagatesWhileTheOthersKeepRunning() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Task<String> slow = Asyncio.createTask(() -> {
                Asyncio.sleep(0.3);
                events.add("slow finished");
                return "slow";
            });
            Task<String> failing = Asyncio.createTask(() -> {
                throw new IOException("boom");
            });
            assertThatThrownBy(() -> Asyncio.gather(slow, failing).await()).isInstanceOf(IOException.class).hasMessage("boom");
            assertThat(slow.isDone()).isFalse();
            assertThat(slow.await()).isEqualTo("slow");
        });
        assertThat(events).containsExactly("slow finished");
    }

    @Test
    void outcomesReportEveryChild() {
        List<Outcome<Object>> outcomes = Asyncio.run(() -> {
            Future<Object> cancelled = Asyncio.getRunningLoop().createFuture();
            cancelled.cancel("stop");
            return Asyncio.gatherOutcomes(
                    Asyncio.createTask(() -> (Object) "ok"),
                    Asyncio.createTask(() -> {
                        throw new IllegalStateException("bad");
                    }),
                    cancelled).await();
        });
        assertThat(outcomes.get(0)).isEqualTo(new Outcome.Success<>("ok"));
        assertThat(outcomes.get(1)).isInstanceOf(Outcome.Failure.class);
        assertThat(outcomes.get(1).exception()).isInstanceOf(IllegalStateException.class).hasMessage("bad");
        assertThat(outcomes.get(2)).isInstanceOf(Outcome.Cancelled.class);
        assertThat(outcomes.get(2).exception()).hasMessage("stop");
        assertThat(outcomes.get(0).get()).isEqualTo("ok");
        assertThatThrownBy(() -> outcomes.get(1).get()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> outcomes.get(2).get()).isInstanceOf(CancelledError.class);
    }

    @Test
    void cancellingTheGatherCancelsEveryChild() {
        Asyncio.run(() -> {
            Task<Void> a = Asyncio.createTask(() -> Asyncio.sleep(10));
            Task<Void> b = Asyncio.createTask(() -> Asyncio.sleep(10));
            Future<List<Void>> all = Asyncio.gather(a, b);
            Asyncio.sleep(0);
            assertThat(all.cancel("enough")).isTrue();
            assertThatThrownBy(all::await).isInstanceOf(CancelledError.class).hasMessage("enough");
            assertThat(all.isCancelled()).isFalse(); // asyncio: the gather ends with the child's CancelledError
            assertThat(all.exception()).isInstanceOf(CancelledError.class).hasMessage("enough");
            assertThat(a.isCancelled()).isTrue();
            Asyncio.sleep(0);
            assertThat(b.isCancelled()).isTrue();
        });
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheChildren() {
        Asyncio.run(() -> {
            Task<Void> a = Asyncio.createTask(() -> Asyncio.sleep(10));
            Task<Void> b = Asyncio.createTask(() -> Asyncio.sleep(10));
            Task<List<Void>> waiter = Asyncio.createTask(() -> Asyncio.gather(a, b).await());
            Asyncio.sleep(0);
            waiter.cancel();
            assertThatThrownBy(waiter::await).isInstanceOf(CancelledError.class);
            assertThat(a.isCancelled()).isTrue();
            assertThat(b.isCancelled()).isTrue();
        });
    }

    @Test
    void aChildsCancellationSurfacesAsCancelledErrorButTheGatherIsNotCancelled() {
        Asyncio.run(() -> {
            Task<Void> a = Asyncio.createTask(() -> Asyncio.sleep(10));
            Task<Void> b = Asyncio.createTask(() -> Asyncio.sleep(0.01));
            Future<List<Void>> all = Asyncio.gather(a, b);
            Asyncio.sleep(0);
            a.cancel("child only");
            assertThatThrownBy(all::await).isInstanceOf(CancelledError.class).hasMessage("child only");
            assertThat(all.isCancelled()).isFalse();
            assertThat(b.isCancelled()).isFalse();
            b.await();
        });
    }

    /** A child that, once cancelled, ends with a cancellation of its own message {@code "inner" + i}. */
    private static Task<String> cancelledWithItsOwnMessage(int i) {
        return Asyncio.createTask(() -> {
            try {
                Asyncio.sleep(10);
                return "never";
            } catch (CancelledError outer) {
                throw new CancelledError("inner" + i);
            }
        });
    }

    /** A child that swallows its cancellation and ends with {@code then}'s outcome. */
    private static Task<String> swallowing(Coroutine<String> then) {
        return Asyncio.createTask(() -> {
            try {
                Asyncio.sleep(10);
            } catch (CancelledError outer) {
                return then.call();
            }
            return "never";
        });
    }

    private static void assertEndsWithCancelledError(Future<?> gather, String message) {
        assertThatThrownBy(gather::await).isInstanceOf(CancelledError.class).hasMessage(message);
        assertThat(gather.isCancelled()).isFalse();
        assertThat(gather.exception()).isInstanceOf(CancelledError.class).hasMessage(message);
    }

    @Test
    void aCancelledGatherEndsWithTheCancellationTheChildEndedWithNotTheOuterMessage() {
        // CPython 3.13: await raises CancelledError('inner0'), cancelled() is False, exception() is that error
        Asyncio.run(() -> {
            Future<List<String>> all = Asyncio.gather(cancelledWithItsOwnMessage(0), cancelledWithItsOwnMessage(1));
            Asyncio.sleep(0);
            assertThat(all.cancel("outer")).isTrue();
            assertEndsWithCancelledError(all, "inner0");
        });
    }

    @Test
    void aCancelledGatherOfOutcomesEndsWithTheLastChildsCancellation() {
        // CPython 3.13, return_exceptions=True: the error of the last argument, 'inner1'
        Asyncio.run(() -> {
            Future<List<Outcome<String>>> all = Asyncio.gatherOutcomes(cancelledWithItsOwnMessage(0), cancelledWithItsOwnMessage(1));
            Asyncio.sleep(0);
            assertThat(all.cancel("outer")).isTrue();
            assertEndsWithCancelledError(all, "inner1");
        });
    }

    @Test
    void aCancelledGatherWhoseChildrenSwallowTheCancellationEndsWithABareCancelledError() {
        // CPython 3.13, both ways: CancelledError() without a message, and the gather is not cancelled
        Asyncio.run(() -> {
            Future<List<String>> all = Asyncio.gather(swallowing(() -> "v0"));
            Asyncio.sleep(0);
            assertThat(all.cancel("outer")).isTrue();
            assertEndsWithCancelledError(all, null);

            Future<List<Outcome<String>>> outcomes = Asyncio.gatherOutcomes(swallowing(() -> "v0"));
            Asyncio.sleep(0);
            assertThat(outcomes.cancel("outer")).isTrue();
            assertEndsWithCancelledError(outcomes, null);
        });
    }

    @Test
    void aCancelledGatherOfOutcomesIgnoresAChildsFailureButAPlainGatherReportsIt() {
        // CPython 3.13: ValueError without return_exceptions, a bare CancelledError with it
        Asyncio.run(() -> {
            Future<List<String>> all = Asyncio.gather(swallowing(() -> {
                throw new IOException("bad0");
            }));
            Asyncio.sleep(0);
            all.cancel("outer");
            assertThatThrownBy(all::await).isInstanceOf(IOException.class).hasMessage("bad0");
            assertThat(all.isCancelled()).isFalse();

            Future<List<Outcome<String>>> outcomes = Asyncio.gatherOutcomes(swallowing(() -> {
                throw new IOException("bad0");
            }));
            Asyncio.sleep(0);
            outcomes.cancel("outer");
            assertEndsWithCancelledError(outcomes, null);
        });
    }

    @Test
    void aCancelledGatherOfOutcomesWhoseLastChildWasCancelledTakesItsMessage() {
        // CPython 3.13, return_exceptions=True: the first child returns, the second ends with 'inner1'
        Asyncio.run(() -> {
            Future<List<Outcome<String>>> all = Asyncio.gatherOutcomes(swallowing(() -> "v0"), cancelledWithItsOwnMessage(1));
            Asyncio.sleep(0);
            all.cancel("outer");
            assertEndsWithCancelledError(all, "inner1");
        });
    }

    @Test
    void aGatherOfFuturesAlreadyDoneIsDoneAtOnce() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Integer> one = loop.createFuture();
            one.setResult(1);
            Future<Integer> two = loop.createFuture();
            two.setResult(2);
            Future<List<Integer>> all = Asyncio.gather(one, two, one);
            assertThat(all.isDone()).isTrue();
            assertThat(all.result()).containsExactly(1, 2, 1);

            Future<Integer> failed = loop.createFuture();
            failed.setException(new IOException("x"));
            Future<List<Integer>> failing = Asyncio.gather(one, failed);
            assertThat(failing.isDone()).isTrue();
            assertThat(failing.exception()).isInstanceOf(IOException.class);
            Future<List<Outcome<Integer>>> outcomes = Asyncio.gatherOutcomes(one, failed);
            assertThat(outcomes.isDone()).isTrue();
            assertThat(outcomes.result().get(1).exception()).isInstanceOf(IOException.class);

            Future<Integer> gone = loop.createFuture();
            gone.cancel("gone");
            Future<List<Integer>> cancelled = Asyncio.gather(one, gone);
            assertThat(cancelled.isDone()).isTrue();
            assertThat(cancelled.isCancelled()).isFalse();
            assertThat(cancelled.exception()).isInstanceOf(CancelledError.class).hasMessage("gone");
        });
    }

    @Test
    void aGatherWithOnePendingChildIsDoneOnlyAfterThatChildsCallbackRan() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Integer> one = loop.createFuture();
            one.setResult(1);
            Future<Integer> later = loop.createFuture();
            Future<List<Integer>> all = Asyncio.gather(one, later);
            assertThat(all.isDone()).isFalse();
            later.setResult(3);
            assertThat(all.isDone()).isFalse(); // as in asyncio: done callbacks run in the next iteration
            Asyncio.sleep(0);
            assertThat(all.result()).containsExactly(1, 3);
        });
    }

    @Test
    void aGatherOfEagerTasksThatNeverSuspendedIsDoneAtOnce() {
        Asyncio.run(() -> {
            Asyncio.getRunningLoop().setEagerTasks(true);
            Future<List<Integer>> all = Asyncio.gather(() -> 5, () -> 5);
            assertThat(all.isDone()).isTrue();
            assertThat(all.result()).containsExactly(5, 5);
            Future<List<Outcome<Integer>>> outcomes = Asyncio.gatherOutcomes(Asyncio.createTask(() -> 5), Asyncio.createTask(() -> 6));
            assertThat(outcomes.isDone()).isTrue();
            Future<List<Integer>> suspends = Asyncio.gather(() -> 5, () -> Asyncio.sleep(0, 6));
            assertThat(suspends.isDone()).isFalse();
            assertThat(suspends.await()).containsExactly(5, 6);
        });
    }

    @Test
    void cancellingAFinishedGatherDoesNothing() {
        Asyncio.run(() -> {
            Task<Void> slow = Asyncio.createTask(() -> Asyncio.sleep(0.05));
            Task<Void> failing = Asyncio.createTask(() -> {
                throw new IOException("first");
            });
            Future<List<Void>> all = Asyncio.gather(slow, failing);
            assertThatThrownBy(all::await).isInstanceOf(IOException.class);
            assertThat(all.cancel()).isFalse();
            slow.await();
            assertThat(slow.isCancelled()).isFalse();
        });
    }

    @Test
    void emptyGatherIsDoneAtOnce() {
        Asyncio.run(() -> {
            Future<List<Object>> none = Asyncio.gather(List.of());
            assertThat(none.isDone()).isTrue();
            assertThat(none.result()).isEmpty();
            assertThat(Asyncio.gatherOutcomes(List.of()).result()).isEmpty();
        });
    }

    @Test
    void gatherWithNoArgumentsCompilesAndIsDoneAtOnce() {
        Asyncio.run(() -> {
            Future<List<String>> none = Asyncio.gather();
            assertThat(none.isDone()).isTrue();
            assertThat(none.await()).isEmpty();
            assertThat(Asyncio.<String>gatherOutcomes().await()).isEmpty();
        });
    }

    @Test
    void theSameFutureTwiceGivesItsResultTwice() {
        List<String> results = Asyncio.run(() -> {
            Task<String> once = Asyncio.createTask(() -> "x");
            return Asyncio.gather(once, once).await();
        });
        assertThat(results).containsExactly("x", "x");
    }

    @Test
    void gathersOfGathersCanBeCancelledAsAGroup() {
        List<String> finished = new ArrayList<>();
        Asyncio.run(() -> {
            Future<List<String>> group1 = Asyncio.gather(
                    () -> Asyncio.sleep(0.02, "g1a"), () -> Asyncio.sleep(0.02, "g1b"));
            Future<List<String>> group2 = Asyncio.gather(
                    () -> Asyncio.sleep(0.02, "g2a"), () -> Asyncio.sleep(0.02, "g2b"));
            group2.cancel();
            List<Outcome<List<String>>> outcomes = Asyncio.gatherOutcomes(group1, group2).await();
            finished.addAll(outcomes.get(0).get());
            assertThat(outcomes.get(1)).isInstanceOf(Outcome.Cancelled.class);
        });
        assertThat(finished).containsExactly("g1a", "g1b");
    }

    @Test
    void aGatherCanBeRunUntilCompleteOutsideTheLoop() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Task<Integer> a = loop.createTask(() -> 1);
            Task<Integer> b = loop.createTask(() -> 2);
            assertThat(loop.runUntilComplete(Asyncio.gather(a, b))).containsExactly(1, 2);
        }
    }

    @Test
    void futuresOfDifferentLoopsAreRejected() {
        try (EventLoop one = Asyncio.newEventLoop(); EventLoop two = Asyncio.newEventLoop()) {
            Future<Integer> a = one.createFuture();
            Future<Integer> b = two.createFuture();
            assertThatThrownBy(() -> Asyncio.gather(a, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different event loops");
        }
    }
}
