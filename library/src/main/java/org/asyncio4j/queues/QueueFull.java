// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

/**
 * Thrown by {@link Queue#putNowait} when the queue holds {@code maxsize} items. asyncio's
 * {@code asyncio.QueueFull}.
 *
 * {@snippet :
 * try {
 *     queue.putNowait(item);
 * } catch (QueueFull e) {
 *     // no room right now; put() would wait for a slot
 * }
 * }
 */
public class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error saying the queue is full and that {@code put()} would wait instead.
     *
     * @param maxsize the queue's capacity, named in the message
     */
    public QueueFull(int maxsize) {

        super("the queue is full (maxsize " + maxsize + "); putNowait() does not wait, put() would");
    }
}
