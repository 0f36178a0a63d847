// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

/**
 * Thrown by {@link Queue#getNowait()} when the queue has no item. asyncio's {@code asyncio.QueueEmpty}.
 *
 * {@snippet :
 * try {
 *     item = queue.getNowait();
 * } catch (QueueEmpty e) {
 *     // nothing there right now; get() would wait for an item
 * }
 * }
 */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error saying the queue is empty and that {@code get()} would wait instead. */
    public QueueEmpty() {

        super("the queue is empty; getNowait() does not wait, get() would");
    }
}
