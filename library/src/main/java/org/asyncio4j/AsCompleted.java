// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The iteration {@link Asyncio#asCompleted} returns: each {@code next()} parks the task until
 * another future is done and returns it, in completion order. asyncio's
 * {@code _AsCompletedIterator}. It can be iterated once.
 */
final class AsCompleted<F extends Future<?>> implements Iterable<F>, Iterator<F> {
    private final EventLoop loop;
    private final Set<F> todo;
    private final ArrayDeque<F> done = new ArrayDeque<>();
    private final int total;
    private final Consumer<Future<?>> onDone = this::completed;
    private final TimerHandle timer;
    private int returned;
    private boolean timedOut;
    private boolean iterating;
    private Future<Void> waiter;

    AsCompleted(Collection<F> futures, Double timeoutSeconds) {
        Objects.requireNonNull(futures, "futures");
        this.loop = Asyncio.getRunningLoop();
        this.todo = new LinkedHashSet<>(futures);
        this.total = todo.size();
        for (F future : todo) {
            Objects.requireNonNull(future, "asCompleted(): futures contains null");
            if (future.loop != loop) {
                throw new IllegalArgumentException("asCompleted(): " + future + " belongs to a different event loop");
            }
        }
        for (F future : todo) {
            future.addDoneCallback(onDone);
        }
        timer = timeoutSeconds != null && total > 0 ? loop.callLater(timeoutSeconds, this::timeUp) : null;
    }

    @Override
    public Iterator<F> iterator() {
        if (iterating) {
            throw new IllegalStateException("asCompleted() can be iterated only once; call it again for a new iteration");
        }
        iterating = true;
        return this;
    }

    /** Whether futures remain to be returned (or, after the timeout, to be reported as timed out). */
    @Override
    public boolean hasNext() {
        return returned < total;
    }

    /**
     * Parks the task until the next future is done and returns it (done: its {@code result()} or
     * {@code await()} returns at once).
     *
     * @throws TimeoutError if the timeout passed before another future was done
     * @throws NoSuchElementException if every future has been returned
     */
    @Override
    public F next() {
        if (!hasNext()) {
            throw new NoSuchElementException("asCompleted(): every future has been returned");
        }
        while (done.isEmpty()) {
            if (timedOut) {
                returned++;
                throw new TimeoutError("asCompleted(): the timeout expired with " + (total - returned + 1)
                        + " futures still pending");
            }
            waiter = loop.createFuture();
            try {
                waiter.await();
            } catch (Exception e) {
                throw Asyncio.sneakyThrow(e);
            } finally {
                waiter = null;
            }
        }
        returned++;
        return done.poll();
    }

    @SuppressWarnings("unchecked")
    private void completed(Future<?> future) {
        if (!todo.remove(future)) {
            return;
        }
        done.add((F) future);
        if (todo.isEmpty() && timer != null) {
            timer.cancel();
        }
        wake();
    }

    private void timeUp() {
        timedOut = true;
        for (F future : todo) {
            future.removeDoneCallback(onDone);
        }
        todo.clear();
        wake();
    }

    private void wake() {
        if (waiter != null && !waiter.isDone()) {
            waiter.setResult(null);
        }
    }
}
