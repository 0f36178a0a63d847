// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** The machinery of {@link Asyncio#wait}, {@link Asyncio#waitFor} and {@link Asyncio#shield}. */
final class Waiting {
    private Waiting() {
    }

    /** asyncio's {@code wait}: parks until {@code returnWhen} holds or the timeout passes; never throws TimeoutError. */
    static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> futures, Double timeoutSeconds, ReturnWhen returnWhen)
            throws Exception {
        Objects.requireNonNull(futures, "futures");
        Objects.requireNonNull(returnWhen, "returnWhen");
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("wait() needs at least one future; the collection is empty");
        }
        Set<F> all = new LinkedHashSet<>(futures);
        EventLoop loop = Asyncio.getRunningLoop();
        for (F future : all) {
            Objects.requireNonNull(future, "wait(): futures contains null");
            if (future.loop != loop) {
                throw new IllegalArgumentException("wait(): " + future + " belongs to a different event loop");
            }
        }
        Future<Void> waiter = loop.createFuture();
        Handle timer = timeoutSeconds == null ? null : loop.callLater(timeoutSeconds, () -> release(waiter));
        int[] pendingCount = {all.size()};
        Consumer<Future<?>> onCompletion = f -> {
            pendingCount[0]--;
            if (pendingCount[0] <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null)) {
                if (timer != null) {
                    timer.cancel();
                }
                release(waiter);
            }
        };
        for (F future : all) {
            future.addDoneCallback(onCompletion);
        }
        try {
            waiter.await();
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            for (F future : all) {
                future.removeDoneCallback(onCompletion);
            }
        }
        Set<F> done = new LinkedHashSet<>();
        Set<F> pending = new LinkedHashSet<>();
        for (F future : all) {
            (future.isDone() ? done : pending).add(future);
        }
        return new DoneAndPending<>(done, pending);
    }

    /**
     * asyncio's {@code wait_for}: awaits {@code future} within {@code timeoutSeconds} ({@code null}:
     * forever); when time runs out it cancels the future, waits until it is done, then throws
     * {@link TimeoutError}.
     */
    static <T> T waitFor(Future<T> future, Double timeoutSeconds) throws Exception {
        Objects.requireNonNull(future, "future");
        EventLoop here = EventLoop.runningOrNull();
        if (timeoutSeconds != null && timeoutSeconds <= 0 && (here == null || here == future.loop)) {
            if (future.isDone()) {
                return future.result();
            }
            cancelAndWait(future);
            try {
                return future.result();
            } catch (CancelledError e) {
                TimeoutError timeout = new TimeoutError("waitFor(): timed out (the timeout was " + timeoutSeconds + " s)");
                timeout.initCause(e);
                throw timeout;
            }
        }
        // The timer is the waiting task's: a future of another loop (a LoopGroup's) is awaited
        // through the bridge, which cancels it on its own loop when the time is up.
        EventLoop loop = here != null ? here : future.loop;
        Double deadline = timeoutSeconds == null ? null : loop.time() + timeoutSeconds;
        return new Timeout(loop, deadline).run(t -> future.await());
    }

    /**
     * asyncio 3.12+'s {@code wait_for} of a coroutine: run in the calling task under a timeout,
     * except for a timeout of zero or less, which makes it a task first (as asyncio's
     * {@code ensure_future} does) and then treats it as a future.
     */
    static <T> T waitFor(Coroutine<T> coroutine, Double timeoutSeconds) throws Exception {
        Objects.requireNonNull(coroutine, "coroutine");
        EventLoop loop = Asyncio.getRunningLoop();
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            return waitFor(loop.createTask(coroutine), timeoutSeconds);
        }
        Double deadline = timeoutSeconds == null ? null : loop.time() + timeoutSeconds;
        return new Timeout(loop, deadline).run(t -> coroutine.call());
    }

    /** asyncio's {@code shield}: an outer future that mirrors {@code inner}; cancelling it leaves {@code inner} alone. */
    static <T> Future<T> shield(Future<T> inner) {
        Objects.requireNonNull(inner, "inner");
        if (inner.isDone()) {
            return inner;
        }
        Future<T> outer = new Future<>(inner.loop);
        Consumer<Future<T>> innerDone = f -> {
            if (outer.isCancelled()) {
                if (!f.isCancelled()) {
                    f.exception(); // nobody awaits the outer any more: the inner's error counts as seen
                }
                return;
            }
            if (f.isCancelled()) {
                outer.cancel();
            } else if (f.exception() != null) {
                outer.setException(f.exception());
            } else {
                outer.setResult(f.result());
            }
        };
        inner.addDoneCallback(innerDone);
        Task<?> awaiter = Task.current();
        if (awaiter != null) {
            inner.addAwaitedBy(awaiter);
        }
        outer.addDoneCallback(f -> {
            if (!inner.isDone()) {
                inner.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }

    /** Cancels {@code future} and parks until it is done (a task may take a while to unwind). */
    private static void cancelAndWait(Future<?> future) throws Exception {
        Future<Void> waiter = future.loop.createFuture();
        Consumer<Future<?>> release = f -> release(waiter);
        future.addDoneCallback(release);
        try {
            future.cancel();
            waiter.await();
        } finally {
            future.removeDoneCallback(release);
        }
    }

    private static void release(Future<Void> waiter) {
        if (!waiter.isDone()) {
            waiter.setResult(null);
        }
    }
}
