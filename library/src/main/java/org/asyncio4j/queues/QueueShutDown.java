// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

/**
 * Thrown by a queue's {@code put} methods after {@link Queue#shutdown}, and by its {@code get}
 * methods once it is shut down and empty. asyncio's {@code asyncio.QueueShutDown} (Python 3.13).
 *
 * {@snippet :
 * try {
 *     while (true) {
 *         handle(queue.get());
 *         queue.taskDone();
 *     }
 * } catch (QueueShutDown e) {
 *     // shut down and drained: the worker is done
 * }
 * }
 */
public class QueueShutDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error saying the queue is shut down.
     *
     * @param message which operation failed and why
     */
    public QueueShutDown(String message) {

        super(message);
    }
}
