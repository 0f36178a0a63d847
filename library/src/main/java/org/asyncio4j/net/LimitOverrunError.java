// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;

/**
 * A read looked for a separator beyond the stream's buffer limit (64 KiB by default), which
 * protects memory against a peer that never sends it. asyncio's {@code asyncio.LimitOverrunError}.
 *
 * {@snippet :
 * try {
 *     byte[] record = reader.readuntil("\0".getBytes());
 * } catch (LimitOverrunError e) {
 *     reader.readexactly(e.consumed()); // drop the oversized chunk, or close the connection
 * }
 * }
 */
public final class LimitOverrunError extends IOException {
    private static final long serialVersionUID = 1L;

    /** How many buffered bytes must be consumed to get past the overrun. */
    private final int consumed;

    /**
     * An error saying a separator was not found within the reader's limit.
     *
     * @param message what overran, and what to do about it
     * @param consumed how many buffered bytes must be consumed to get past the overrun
     */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** {@return how many buffered bytes must be consumed to get past the overrun} */
    public int consumed() {

        return consumed;
    }
}
