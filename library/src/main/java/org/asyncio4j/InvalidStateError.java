// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * A future was asked for something its state does not allow: its result before it is done, or a
 * second result. asyncio's {@code asyncio.InvalidStateError}.
 *
 * {@snippet :
 * Future<String> f = loop.createFuture();
 * f.setResult("done");
 * f.setResult("again"); // throws InvalidStateError: the future is already done
 * }
 */
public class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with the given message.
     *
     * @param message what was asked and why the future's state does not allow it
     */
    public InvalidStateError(String message) {
        super(message);
    }
}
