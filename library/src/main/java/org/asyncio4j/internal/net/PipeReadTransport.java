// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.Objects;
import org.asyncio4j.EventLoop;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.BufferedProtocol;
import org.asyncio4j.net.Protocol;

/**
 * The read end of a pipe, watched by the loop's selector: asyncio's
 * {@code _UnixReadPipeTransport}. The end of the stream ends the transport: the protocol hears
 * {@code eofReceived}, then {@code connectionLost(null)}. Writing methods are refused.
 */
public final class PipeReadTransport extends PipeTransport {
    private final Pipe.SourceChannel channel;
    private boolean started;
    private boolean paused;

    private PipeReadTransport(EventLoop loop, Pipe.SourceChannel channel, int fd, BaseProtocol protocol, Runnable afterLost)
            throws IOException {
        super(loop, channel, fd, SocketTransport.checkStreamProtocol(protocol), afterLost);
        this.channel = channel;
    }

    /**
     * Registers {@code channel} with {@code loop}'s selector, not reading yet (see {@link #start}).
     *
     * @param fd the number the pipe has for its user (1 for a child's stdout), for messages and the {@code "pipe"} extra information
     * @param afterLost runs after the protocol's {@code connectionLost}
     */
    public static PipeReadTransport open(EventLoop loop, Pipe.SourceChannel channel, int fd, BaseProtocol protocol,
                                         Runnable afterLost) throws IOException {
        return new PipeReadTransport(loop, channel, fd, protocol, afterLost);
    }

    /** Starts reading, unless the protocol paused it meanwhile. */
    public void start() {
        started = true;
        if (!paused && !closing()) {
            setInterest(SelectionKey.OP_READ);
        }
    }

    @Override
    public void run() {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        if (key.isValid() && (key.readyOps() & interest & SelectionKey.OP_READ) != 0) {
            read();
        }
    }

    private void read() {
        BufferedProtocol buffered = protocol instanceof BufferedProtocol b ? b : null;
        ByteBuffer buffer = buffered != null ? borrowBuffer(buffered) : ReadBuffer.get();
        if (buffer == null) {
            return;
        }
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        if (n < 0) {
            endOfStream();
        } else if (n > 0) {
            deliver(protocol, buffer, n);
        }
    }

    private void endOfStream() {
        setInterest(0);
        try {
            switch (protocol) {
                case Protocol p -> p.eofReceived();
                case BufferedProtocol p -> p.eofReceived();
                default -> { }
            }
        } catch (RuntimeException e) {
            reportError(e, "Fatal error: protocol.eofReceived() call failed.");
            forceClose(e);
            return;
        }
        scheduleConnectionLost(null);
    }

    @Override
    public void pauseReading() {
        if (closing() || paused) {
            return;
        }
        paused = true;
        setInterest(0);
    }

    @Override
    public void resumeReading() {
        if (closing() || !paused) {
            return;
        }
        paused = false;
        if (started) {
            setInterest(SelectionKey.OP_READ);
        }
    }

    @Override
    public boolean isReading() {
        return !paused && !closing();
    }

    @Override
    public void write(ByteBuffer data) {
        throw readOnly("write");
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        throw readOnly("writelines");
    }

    @Override
    public void writeEof() {
        throw readOnly("writeEof");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw readOnly("setWriteBufferLimits");
    }

    @Override
    public int getWriteBufferSize() {
        return 0;
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {0, 0};
    }

    private UnsupportedOperationException readOnly(String operation) {
        return wrongDirection(operation, "read-only");
    }

    @Override
    boolean hasPendingWrites() {
        return false;
    }

    @Override
    void dropPendingWrites() {
        // nothing is ever written
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = SocketTransport.checkStreamProtocol(Objects.requireNonNull(protocol, "protocol"));
    }

    @Override
    public String toString() {
        return "<PipeReadTransport fd=" + fd + (lost() ? " closed" : paused ? " paused" : " reading") + ">";
    }
}
