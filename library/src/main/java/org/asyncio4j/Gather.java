// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The future {@link Asyncio#gather} returns: done when every child is (or, without outcomes,
 * when the first one fails); cancelling it cancels the children. asyncio's
 * {@code _GatheringFuture}.
 *
 * <p>As in asyncio, a gather never ends cancelled itself: once a cancellation was requested it
 * ends with a {@link CancelledError} as its exception, the one of the child that reported a
 * cancellation (so a child that ends with a cancellation of its own, with another message, is
 * what the caller sees), or a fresh one if no child was cancelled.
 *
 * @param <R> the type of one element of the result list
 */
final class Gather<R> extends Future<List<R>> {
    private final List<Future<?>> children;
    private final Function<Future<?>, R> collect;
    private final boolean outcomes;
    private int finished;
    private boolean cancelRequested;

    private Gather(EventLoop loop, List<Future<?>> children, boolean outcomes, Function<Future<?>, R> collect) {
        super(loop);
        this.children = children;
        this.outcomes = outcomes;
        this.collect = collect;
    }

    @SuppressWarnings("unchecked")
    static <T> Future<List<T>> results(List<? extends Future<? extends T>> futures) {
        return start(futures, false, child -> (T) child.result());
    }

    @SuppressWarnings("unchecked")
    static <T> Future<List<Outcome<T>>> outcomes(List<? extends Future<? extends T>> futures) {
        return start(futures, true, child -> Outcome.of((Future<? extends T>) child));
    }

    /** Coroutines become tasks of the running loop, in argument order. */
    static <T> List<Future<? extends T>> tasksOf(Coroutine<? extends T>[] coroutines) {
        Objects.requireNonNull(coroutines, "coroutines");
        EventLoop loop = coroutines.length == 0 ? null : Asyncio.getRunningLoop();
        List<Future<? extends T>> tasks = new ArrayList<>(coroutines.length);
        for (Coroutine<? extends T> coroutine : coroutines) {
            tasks.add(loop.createTask(Objects.requireNonNull(coroutine, "gather(): coroutines contains null")));
        }
        return tasks;
    }

    private static <R> Future<List<R>> start(List<? extends Future<?>> futures, boolean outcomes,
            Function<Future<?>, R> collect) {
        Objects.requireNonNull(futures, "futures");
        if (futures.isEmpty()) {
            Future<List<R>> empty = Asyncio.getRunningLoop().createFuture();
            empty.setResult(List.of());
            return empty;
        }
        List<Future<?>> children = new ArrayList<>(futures.size());
        EventLoop loop = null;
        for (Future<?> child : futures) {
            Objects.requireNonNull(child, "gather(): futures contains null");
            if (loop == null) {
                loop = child.loop;
            } else if (child.loop != loop) {
                throw new IllegalArgumentException("gather(): the futures belong to different event loops;"
                        + " gather only futures and tasks of one loop");
            }
            children.add(child);
        }
        Gather<R> gather = new Gather<>(loop, children, outcomes, collect);
        // One report per argument, not per distinct future: a future given twice reports twice,
        // which keeps the count right without a set of the (possibly many) children. Children
        // already done (futures completed earlier, eager tasks that never suspended) report now,
        // after the pending ones are registered, so a gather of done children is done at once.
        Consumer<Future<?>> onChildDone = gather::childDone;
        Task<?> awaiter = Task.current();
        List<Future<?>> alreadyDone = null;
        for (Future<?> child : children) {
            if (child.isDone()) {
                if (alreadyDone == null) {
                    alreadyDone = new ArrayList<>();
                }
                alreadyDone.add(child);
            } else {
                child.addDoneCallback(onChildDone);
                if (awaiter != null) {
                    child.addAwaitedBy(awaiter); // the call graph shows the children under the task that gathers them
                }
            }
        }
        if (alreadyDone != null) {
            for (Future<?> child : alreadyDone) {
                gather.childDone(child);
            }
        }
        return gather;
    }

    /**
     * Cancels every child that is not done; the gather then finishes with a
     * {@link CancelledError} once a child reports its cancellation (or, with outcomes, once all
     * are done), without being cancelled itself.
     *
     * @return false if the gather is already done or no child could be cancelled
     */
    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            if (child.cancel(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    private void childDone(Future<?> child) {
        finished++;
        if (isDone()) {
            if (!child.isCancelled()) {
                child.exception(); // the gather already failed: this child's error is not "never retrieved"
            }
            return;
        }
        if (!outcomes) {
            if (child.isCancelled()) {
                finishWithException(new CancelledError(child.cancelMessage()));
                return;
            }
            Throwable error = child.exception();
            if (error != null) {
                finishWithException(error);
                return;
            }
        }
        if (finished == children.size()) {
            if (cancelRequested) {
                // asyncio takes the error of the last argument: its cancellation if it was cancelled, else a bare one
                Future<?> last = children.getLast();
                finishWithException(new CancelledError(last.isCancelled() ? last.cancelMessage() : null));
                return;
            }
            List<R> results = new ArrayList<>(children.size());
            for (Future<?> each : children) {
                results.add(collect.apply(each));
            }
            finishWithResult(Collections.unmodifiableList(results));
        }
    }
}
