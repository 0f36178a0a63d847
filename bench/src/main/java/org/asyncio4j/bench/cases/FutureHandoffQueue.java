package org.asyncio4j.bench.cases;

import java.util.ArrayDeque;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;

/**
 * STAND-IN, for the benchmark only: a bounded queue for exactly one producer task and one
 * consumer task, built from loop futures the way asyncio's {@code Queue} is (a buffer, plus a
 * waiter future for a blocked putter and one for a blocked getter).
 *
 * <p>It exists because {@code org.asyncio4j.queues.Queue} is not written yet; once it is,
 * {@link QueueCase#newQueue} switches to it and this class is deleted. Per item it does one buffer
 * operation, and creates, completes and awaits a future only when a side actually has to wait; a
 * real queue does somewhat more (a deque of waiters, the unfinished-task count behind
 * {@code join()}), so expect the real figure to be a little higher than this one.
 *
 * <p>Not for general use: no cancellation handling, no fairness among several waiters (there is
 * at most one of each), loop thread only.
 *
 * @param <T> the item type
 */
final class FutureHandoffQueue<T> {
    private final int maxsize;
    private final ArrayDeque<T> items;
    private Future<Void> waitingPutter;
    private Future<Void> waitingGetter;

    FutureHandoffQueue(int maxsize) {
        if (maxsize < 1) {
            throw new IllegalArgumentException("maxsize must be at least 1, got " + maxsize);
        }
        this.maxsize = maxsize;
        this.items = new ArrayDeque<>(maxsize);
    }

    void put(T item) throws Exception {
        while (items.size() >= maxsize) {
            waitingPutter = newFuture();
            waitingPutter.await();
        }
        items.addLast(item);
        waitingGetter = wake(waitingGetter);
    }

    T get() throws Exception {
        while (items.isEmpty()) {
            waitingGetter = newFuture();
            waitingGetter.await();
        }
        T item = items.pollFirst();
        waitingPutter = wake(waitingPutter);
        return item;
    }

    private static Future<Void> newFuture() {
        EventLoop loop = Asyncio.getRunningLoop();
        return loop.createFuture();
    }

    /** Completes a waiter's future if there is one still pending; returns the new (empty) slot. */
    private static Future<Void> wake(Future<Void> waiter) {
        if (waiter != null && !waiter.isDone()) {
            waiter.setResult(null);
        }
        return null;
    }
}
