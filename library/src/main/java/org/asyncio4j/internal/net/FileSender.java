// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.asyncio4j.EventLoop;
import org.asyncio4j.net.Transport;

/** asyncio's {@code loop.sendfile}: zero-copy on plain sockets, read-and-write otherwise (TLS). */
public final class FileSender {
    private static final int CHUNK = 256 * 1024;

    private FileSender() {
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code position} (count &lt; 0: to the end)
     * over {@code transport}, parking the current task as the socket requires.
     *
     * @return how many bytes were sent
     */
    public static long sendfile(EventLoop loop, Transport transport, FileChannel file, long position, long count)
            throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("offset must be a non-negative number of bytes, not " + position);
        }
        long wanted = count < 0 ? Math.max(0, file.size() - position) : count;
        if (transport instanceof SocketTransport socket) {
            return socket.sendfile(file, position, wanted);
        }
        if (!(transport instanceof Drainable drainable)) {
            throw new IllegalArgumentException("sendfile needs a stream transport made by asyncio4j, not " + transport);
        }
        if (transport.isClosing()) {
            throw new IllegalStateException("the transport is closing: it cannot send a file");
        }
        long sent = 0;
        while (sent < wanted) {
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, wanted - sent));
            long at = position + sent;
            // File reads may block: do them off the loop, as asyncio's fallback does.
            int n = Awaiting.await(loop.runInExecutor(null, () -> file.read(chunk, at)));
            if (n <= 0) {
                break;
            }
            transport.write(Arrays.copyOf(chunk.array(), n));
            sent += n;
            Awaiting.await(drainable.whenWritten());
        }
        return sent;
    }
}
