// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.Objects;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.loop.SafeLog;
import org.asyncio4j.net.BaseProtocol;

/**
 * The write end of a pipe, watched by the loop's selector: asyncio's
 * {@code _UnixWritePipeTransport}. {@code write} sends at once what the pipe takes and queues the
 * rest; above the high-water mark (64 KiB) the protocol's {@code pauseWriting} is called, at the
 * low-water mark {@code resumeWriting}. A pipe has no half-close: {@code writeEof} closes it once
 * the queue is written, and writes after that are dropped (logged after a few), as in asyncio.
 */
public final class PipeWriteTransport extends PipeTransport {
    private static final int DEFAULT_HIGH_WATER = 64 * 1024;
    private static final int MAX_GATHER = 64;
    /** asyncio warns once this many writes have been dropped after the end. */
    private static final int WARN_AFTER_DROPPED = 5;

    private final Pipe.SinkChannel channel;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private long pendingBytes;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;
    private boolean protocolPaused;
    private int dropped;

    private PipeWriteTransport(EventLoop loop, Pipe.SinkChannel channel, int fd, BaseProtocol protocol, Runnable afterLost)
            throws IOException {
        super(loop, channel, fd, Objects.requireNonNull(protocol, "protocol"), afterLost);
        this.channel = channel;
    }

    /**
     * Registers {@code channel} with {@code loop}'s selector.
     *
     * @param fd the number the pipe has for its user (0 for a child's stdin), for messages and the {@code "pipe"} extra information
     * @param afterLost runs after the protocol's {@code connectionLost}
     */
    public static PipeWriteTransport open(EventLoop loop, Pipe.SinkChannel channel, int fd, BaseProtocol protocol,
                                          Runnable afterLost) throws IOException {
        return new PipeWriteTransport(loop, channel, fd, protocol, afterLost);
    }

    @Override
    public void run() {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        if (key.isValid() && (key.readyOps() & interest & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
    }

    @Override
    public void write(ByteBuffer data) {
        checkThread("write");
        Objects.requireNonNull(data, "data");
        if (!data.hasRemaining()) {
            return;
        }
        if (closing()) {
            if (++dropped >= WARN_AFTER_DROPPED) {
                SafeLog.log(Level.WARNING, () -> "pipe closed by peer or write to it failed; " + data.remaining() + " bytes dropped", null);
            }
            data.position(data.limit());
            return;
        }
        if (pending.isEmpty()) {
            try {
                channel.write(data);
            } catch (IOException e) {
                forceClose(e); // "Broken pipe": the reader has gone
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            setInterest(SelectionKey.OP_WRITE);
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
        pending.addLast(copy);
        pendingBytes += copy.remaining();
        if (!protocolPaused && pendingBytes > highWater) {
            protocolPaused = true;
            try {
                protocol.pauseWriting();
            } catch (RuntimeException e) {
                reportError(e, "protocol.pauseWriting() failed");
            }
        }
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        Objects.requireNonNull(data, "data");
        for (byte[] chunk : data) {
            write(ByteBuffer.wrap(Objects.requireNonNull(chunk, "data contains null")));
        }
    }

    private void flush() {
        ByteBuffer[] batch = new ByteBuffer[Math.min(pending.size(), MAX_GATHER)];
        var queued = pending.iterator();
        for (int i = 0; i < batch.length; i++) {
            batch[i] = queued.next();
        }
        long written;
        try {
            written = channel.write(batch);
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        pendingBytes -= written;
        while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
            pending.pollFirst();
        }
        if (protocolPaused && pendingBytes <= lowWater) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (RuntimeException e) {
                reportError(e, "protocol.resumeWriting() failed");
            }
        }
        if (pending.isEmpty()) {
            setInterest(0);
            if (closing()) {
                scheduleConnectionLost(null);
            }
        }
    }

    /** For a pipe, the end of input is closing it, once what is queued is written. */
    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("write buffer limits need high >= low >= 0, got high=" + high + " low=" + low);
        }
        highWater = high;
        lowWater = low;
    }

    @Override
    public int getWriteBufferSize() {
        return (int) Math.min(Integer.MAX_VALUE, pendingBytes);
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {lowWater, highWater};
    }

    @Override
    public void pauseReading() {
        throw writeOnly("pauseReading");
    }

    @Override
    public void resumeReading() {
        throw writeOnly("resumeReading");
    }

    @Override
    public boolean isReading() {
        return false;
    }

    private UnsupportedOperationException writeOnly(String operation) {
        return wrongDirection(operation, "write-only");
    }

    @Override
    boolean hasPendingWrites() {
        return !pending.isEmpty();
    }

    @Override
    void dropPendingWrites() {
        pending.clear();
        pendingBytes = 0;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public String toString() {
        return "<PipeWriteTransport fd=" + fd + (lost() ? " closed" : closing() ? " closing" : " open") + " buffered=" + pendingBytes + ">";
    }
}
