// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import java.util.Comparator;
import java.util.Objects;

/**
 * A {@link Queue} that hands out the smallest item first, by natural order or a
 * {@link Comparator}; equal items leave in the order they were added. asyncio's
 * {@code asyncio.PriorityQueue} (where items are usually {@code (priority, data)} tuples: use a
 * record and {@code Comparator.comparingInt(Job::priority)}).
 *
 * {@snippet :
 * record Job(int priority, String name) { }
 * PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
 * jobs.putNowait(new Job(2, "later"));
 * jobs.putNowait(new Job(1, "first"));
 * jobs.putNowait(new Job(2, "last"));
 * jobs.getNowait(); // Job[priority=1, name=first], then later, then last
 * }
 *
 * <p>Unlike Python's {@code heapq}, ties never compare the payload: equal items are handed out
 * first-in-first-out. Waiting, fairness among waiting tasks, cancellation, shutdown and thread
 * confinement are those of {@link Queue}. (The JDK's {@code java.util.PriorityQueue} is a plain
 * collection; this one is the asyncio queue.)
 *
 * @param <T> the item type; in natural order it must be {@link Comparable} and not null
 */
public final class PriorityQueue<T> extends Queue<T> {
    /** An unbounded queue in natural order; putting an item that is not {@code Comparable} throws {@link ClassCastException}. */
    public PriorityQueue() {
        this(0);
    }

    /**
     * A queue in natural order holding at most {@code maxsize} items; 0 or less means unbounded, as in asyncio.
     *
     * @param maxsize the most items the queue holds, or 0 or less for no limit
     */
    public PriorityQueue(int maxsize) {
        super(maxsize, ItemBuffer.priority(null), "PriorityQueue");
    }

    /**
     * An unbounded queue ordered by {@code order}.
     *
     * @param order the comparator whose least item {@code get()} returns first
     */
    public PriorityQueue(Comparator<? super T> order) {
        this(0, order);
    }

    /**
     * A queue ordered by {@code order} holding at most {@code maxsize} items; 0 or less means unbounded, as in asyncio.
     *
     * @param maxsize the most items the queue holds, or 0 or less for no limit
     * @param order the comparator whose least item {@code get()} returns first
     */
    public PriorityQueue(int maxsize, Comparator<? super T> order) {
        super(maxsize, ItemBuffer.priority(Objects.requireNonNull(order, "order")), "PriorityQueue");
    }
}
