// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * An operation ran out of time: the one exception type every asyncio4j timeout throws
 * ({@code waitFor}, {@code timeout}, {@code asCompleted}, ...). asyncio's {@code TimeoutError}.
 *
 * {@snippet :
 * try {
 *     Asyncio.waitFor(slowTask, 1.0);
 * } catch (TimeoutError e) {
 *     System.out.println("gave up after a second");
 * }
 * }
 */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A timeout without a message. */
    public TimeoutError() {
        super();
    }

    /**
     * A timeout with the given message.
     *
     * @param message what ran out of time, and after how long
     */
    public TimeoutError(String message) {
        super(message);
    }
}
