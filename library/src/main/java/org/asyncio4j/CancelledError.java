// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * Thrown into a task that was cancelled, and by {@link Future#result()} and {@link Future#await()}
 * on a cancelled future. asyncio's {@code asyncio.CancelledError}.
 *
 * <p>It extends {@link Error}, not {@link Exception}, on purpose: an ordinary
 * {@code catch (Exception e)} must not swallow a cancellation (Python moved
 * {@code CancelledError} out of {@code Exception} in 3.8 for the same reason). Catch it only to
 * clean up, then rethrow it; a task that catches it and returns normally is not cancelled.
 *
 * {@snippet :
 * Task<Void> sleeper = Asyncio.createTask(() -> Asyncio.sleep(10));
 * Asyncio.sleep(0);
 * sleeper.cancel("shutting down");
 * try {
 *     sleeper.await();
 * } catch (CancelledError e) {
 *     System.out.println("cancelled: " + e.getMessage()); // "cancelled: shutting down"
 * }
 * }
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    /** A cancellation without a message ({@code cancel()} with none). */
    public CancelledError() {
        super();
    }

    /**
     * A cancellation with the message given to {@code cancel(msg)}.
     *
     * @param message the message given to {@code cancel(msg)}, or {@code null}
     */
    public CancelledError(String message) {
        super(message);
    }
}
