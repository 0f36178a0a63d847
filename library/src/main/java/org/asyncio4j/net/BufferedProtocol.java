// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.nio.ByteBuffer;

/**
 * A byte-stream protocol that lends the transport its own buffer to read into, so no array is
 * allocated or copied per read. asyncio's {@code asyncio.BufferedProtocol}.
 *
 * {@snippet :
 * final class Sink implements BufferedProtocol {
 *     private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
 *     long total;
 *     @Override public ByteBuffer getBuffer(int sizeHint) { return buffer.clear(); }
 *     @Override public void bufferUpdated(int bytes) { total += bytes; }
 * }
 * }
 *
 * <p>Everything runs on the loop's thread.
 */
public interface BufferedProtocol extends BaseProtocol {

    /**
     * The buffer the next read fills, from its position up to its limit; it must have room.
     * {@code sizeHint} is how much the transport would like, or -1 if it has no preference.
     *
     * @param sizeHint the number of bytes the transport would like room for, or -1
     * @return the buffer to read into, with room between its position and limit
     */
    ByteBuffer getBuffer(int sizeHint);

    /**
     * The last read put {@code bytes} bytes into the buffer, advancing its position by that much.
     *
     * @param bytes how many bytes the read added
     */
    void bufferUpdated(int bytes);

    /**
     * End of stream, as {@link Protocol#eofReceived()}.
     *
     * @return true to keep the connection open for writing, false to let the transport close it
     */

    default boolean eofReceived() {
        return false;
    }
}
