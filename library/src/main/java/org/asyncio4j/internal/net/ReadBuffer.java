// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.nio.ByteBuffer;

/**
 * The buffer stream transports read into: one per loop thread, reused for every read, since a
 * loop reads one socket at a time and the bytes are copied out before the next read.
 */
final class ReadBuffer {
    /** asyncio's {@code max_size} for one read. */
    static final int SIZE = 256 * 1024;

    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SIZE));

    private ReadBuffer() {
    }

    /** The calling loop thread's buffer, cleared. */
    static ByteBuffer get() {
        return BUFFER.get().clear();
    }
}
