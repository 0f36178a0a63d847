// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class FutureTest {
    private final EventLoop loop = Asyncio.newEventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void pendingFutureRefusesResultAndException() {
        Future<String> future = loop.createFuture();
        assertThat(future.isDone()).isFalse();
        assertThatThrownBy(future::result).isInstanceOf(InvalidStateError.class).hasMessageContaining("pending");
        assertThatThrownBy(future::exception).isInstanceOf(InvalidStateError.class);
    }

    @Test
    void resultIsSetOnce() {
        Future<String> future = loop.createFuture();
        future.setResult("one");
        assertThat(future.isDone()).isTrue();
        assertThat(future.result()).isEqualTo("one");
        assertThat(future.exception()).isNull();
        assertThatThrownBy(() -> future.setResult("two")).isInstanceOf(InvalidStateError.class)
                .hasMessageContaining("already done");
        assertThatThrownBy(() -> future.setException(new RuntimeException())).isInstanceOf(InvalidStateError.class);
        assertThat(future.cancel()).isFalse();
    }

    @Test
    void resultRethrowsTheStoredExceptionUnchangedEvenIfChecked() {
        Future<String> future = loop.createFuture();
        IOException failure = new IOException("disk on fire");
        future.setException(failure);
        assertThat(future.exception()).isSameAs(failure);
        assertThatThrownBy(future::result).isSameAs(failure);
    }

    @Test
    void setExceptionRejectsNull() {
        Future<String> future = loop.createFuture();
        assertThatThrownBy(() -> future.setException(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("setException");
    }

    @Test
    void cancelledFutureThrowsCancelledErrorWithItsMessage() {
        Future<String> future = loop.createFuture();
        assertThat(future.cancel("no longer needed")).isTrue();
        assertThat(future.isCancelled()).isTrue();
        assertThat(future.isDone()).isTrue();
        assertThatThrownBy(future::result).isInstanceOf(CancelledError.class).hasMessage("no longer needed");
        assertThatThrownBy(future::exception).isInstanceOf(CancelledError.class);
        assertThat(future.cancel()).isFalse();
    }

    @Test
    void doneCallbacksAreScheduledNotRunInline() {
        Future<String> future = loop.createFuture();
        future.addDoneCallback(f -> log.add("first " + f.result()));
        future.addDoneCallback(f -> log.add("second"));
        future.setResult("x");
        assertThat(log).isEmpty();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("first x", "second");
    }

    @Test
    void callbackAddedToADoneFutureIsScheduledToo() {
        Future<String> future = loop.createFuture();
        future.setResult("x");
        future.addDoneCallback(f -> log.add("late"));
        assertThat(log).isEmpty();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("late");
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistration() {
        Future<String> future = loop.createFuture();
        Consumer<Future<String>> noisy = f -> log.add("noisy");
        future.addDoneCallback(noisy);
        future.addDoneCallback(f -> log.add("kept"));
        future.addDoneCallback(noisy);
        assertThat(future.removeDoneCallback(noisy)).isEqualTo(2);
        assertThat(future.removeDoneCallback(noisy)).isZero();
        future.setResult("x");
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("kept");
    }

    @Test
    void awaitInATaskReturnsTheResult() {
        Future<Integer> future = loop.createFuture();
        loop.callLater(0.01, () -> future.setResult(42));
        assertThat(loop.runUntilComplete(() -> future.await() + 1)).isEqualTo(43);
    }

    @Test
    void awaitRethrowsTheExceptionItself() {
        Future<Integer> future = loop.createFuture();
        IOException failure = new IOException("boom");
        loop.callSoon(() -> future.setException(failure));
        Task<Throwable> task = loop.createTask(() -> {
            try {
                future.await();
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        assertThat(loop.runUntilComplete(task)).isSameAs(failure);
    }

    @Test
    void awaitOutsideATaskFailsWithAnExplanation() {
        Future<Integer> future = loop.createFuture();
        assertThatThrownBy(future::await).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a task").hasMessageContaining("runCoroutineThreadsafe");
        List<Throwable> fromCallback = new ArrayList<>();
        loop.callSoon(() -> {
            try {
                future.await();
            } catch (Exception e) {
                fromCallback.add(e);
            }
        });
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(fromCallback).singleElement().isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage).asString().contains("addDoneCallback");
    }

    @Test
    void awaitingADoneFutureDoesNotSuspend() {
        Future<String> done = loop.createFuture();
        done.setResult("ready");
        Task<Void> task = loop.createTask(() -> {
            log.add("before");
            log.add(done.await());
            log.add("after");
        });
        loop.callSoon(() -> log.add("callback"));
        loop.runUntilComplete(task);
        assertThat(log).containsExactly("before", "ready", "after", "callback");
    }

    @Test
    void toCompletableFutureCarriesResultExceptionAndCancellation() throws Exception {
        Future<String> ok = loop.createFuture();
        Future<String> failed = loop.createFuture();
        Future<String> cancelled = loop.createFuture();
        CompletableFuture<String> okBridge = ok.toCompletableFuture();
        CompletableFuture<String> failedBridge = failed.toCompletableFuture();
        CompletableFuture<String> cancelledBridge = cancelled.toCompletableFuture();
        ok.setResult("fine");
        failed.setException(new IllegalArgumentException("bad"));
        cancelled.cancel();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(okBridge.get(1, TimeUnit.SECONDS)).isEqualTo("fine");
        assertThatThrownBy(() -> failedBridge.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(cancelledBridge.isCancelled()).isTrue();
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheLoopFuture() {
        Future<String> future = loop.createFuture();
        future.toCompletableFuture().cancel(false);
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(future.isCancelled()).isTrue();
    }

    @Test
    void wrapFutureBringsACompletableFutureOntoTheLoop() {
        CompletableFuture<String> outside = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> outside.complete("from another thread"));
        assertThat(loop.runUntilComplete(() -> Asyncio.wrapFuture(outside).await())).isEqualTo("from another thread");

        CompletableFuture<String> failing = CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("nope");
        });
        assertThatThrownBy(() -> loop.runUntilComplete(() -> Asyncio.wrapFuture(failing).await()))
                .isInstanceOf(IllegalStateException.class).hasMessage("nope");
    }

    @Test
    void cancellingAWrappedFutureCancelsTheSource() {
        CompletableFuture<String> outside = new CompletableFuture<>();
        loop.runUntilComplete(() -> {
            Future<String> wrapped = Asyncio.wrapFuture(outside);
            wrapped.cancel();
            Asyncio.sleep(0);
            return null;
        });
        assertThat(outside.isCancelled()).isTrue();
    }

    @Test
    void aFutureCanBeConstructedForALoopDirectly() {
        Future<String> future = new Future<>(loop);
        assertThat(future.getLoop()).isSameAs(loop);
        loop.callSoon(() -> future.setResult("direct"));
        assertThat(loop.runUntilComplete(future)).isEqualTo("direct");
        assertThatThrownBy(() -> new Future<String>(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringShowsTheState() {
        Future<String> future = loop.createFuture();
        assertThat(future.toString()).contains("pending");
        future.setResult("r");
        assertThat(future.toString()).contains("finished result=r");
    }
}
