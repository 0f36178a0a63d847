// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.EOFException;
import java.util.Objects;

/**
 * The stream ended before a read got what it needed; the bytes it did get are in
 * {@link #partial()}. asyncio's {@code asyncio.IncompleteReadError}.
 *
 * {@snippet :
 * try {
 *     byte[] header = reader.readexactly(16);
 * } catch (IncompleteReadError e) {
 *     System.out.println("peer closed after " + e.partial().length + " of 16 bytes");
 * }
 * }
 */
public final class IncompleteReadError extends EOFException {
    private static final long serialVersionUID = 1L;

    /** The bytes read before the end of the stream. */
    private final byte[] partial;
    /** How many bytes were wanted, or -1 if the read waited for a separator. */
    private final long expected;

    /**
     * An error saying how many bytes arrived before the end of the stream.
     *
     * @param partial the bytes read before the end of the stream
     * @param expected how many bytes were wanted, or -1 if the read waited for a separator
     */
    public IncompleteReadError(byte[] partial, long expected) {
        Objects.requireNonNull(partial, "partial");
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : String.valueOf(expected))
                + " expected bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    /** {@return a copy of the bytes read before the stream ended} */
    public byte[] partial() {
        return partial.clone();
    }

    /** {@return how many bytes were wanted, or -1 if the read waited for a separator} */
    public long expected() {

        return expected;
    }
}
