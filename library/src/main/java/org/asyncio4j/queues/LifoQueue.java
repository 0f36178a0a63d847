// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

/**
 * A {@link Queue} that hands out the most recently added item first (a stack). asyncio's
 * {@code asyncio.LifoQueue}.
 *
 * {@snippet :
 * LifoQueue<Integer> stack = new LifoQueue<>();
 * stack.putNowait(1);
 * stack.putNowait(2);
 * stack.getNowait(); // 2
 * }
 *
 * <p>Waiting, fairness among waiting tasks, cancellation, shutdown and thread confinement are
 * those of {@link Queue}.
 *
 * @param <T> the item type; {@code null} items are allowed
 */
public final class LifoQueue<T> extends Queue<T> {
    /** An unbounded LIFO queue. */
    public LifoQueue() {
        this(0);
    }

    /**
     * A LIFO queue holding at most {@code maxsize} items; 0 or less means unbounded, as in asyncio.
     *
     * @param maxsize the most items the queue holds, or 0 or less for no limit
     */
    public LifoQueue(int maxsize) {
        super(maxsize, ItemBuffer.lifo(), "LifoQueue");
    }
}
