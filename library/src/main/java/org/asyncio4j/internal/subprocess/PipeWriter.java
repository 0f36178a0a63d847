// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.loop.SafeLog;
import org.asyncio4j.net.BaseProtocol;

/**
 * The transport of a child's stdin: {@code write} queues the bytes and returns, a platform thread
 * writes them to the pipe (blocking while the child does not read) and tells the loop what left
 * the buffer. asyncio's {@code _UnixWritePipeTransport}.
 *
 * <p>Flow control as on sockets: above the high-water mark (64 KiB by default) the protocol's
 * {@code pauseWriting} is called, at the low-water mark {@code resumeWriting}, so that
 * {@code StreamWriter.drain} parks a task that writes faster than the child reads.
 */
final class PipeWriter extends PipePump {
    /** Writes are handed to the thread in slices of this size, so that the buffer drains in steps. */
    private static final int SLICE = 64 * 1024;

    private final OutputStream out;
    // Guarded by lock: shared by the loop and the thread.
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean closeRequested;
    // Loop thread only.
    private long bufferSize;
    private int high = 64 * 1024;
    private int low = 16 * 1024;
    private boolean protocolPaused;
    private int writesAfterLost;

    PipeWriter(EventLoop loop, ProcessTransport owner, OutputStream out, BaseProtocol protocol) {
        super(loop, owner, 0, protocol);
        this.out = out;
    }

    @Override
    void pump() {
        try (out) {
            for (byte[] slice; (slice = next()) != null; ) {
                out.write(slice);
                out.flush();
                int written = slice.length;
                if (!post(() -> written(written))) {
                    return;
                }
            }
            if (closeRequested()) {
                out.flush();
                post(() -> scheduleConnectionLost(null));
            }
        } catch (IOException e) {
            if (!stopped) {
                post(() -> scheduleConnectionLost(e)); // a child that exited or closed its stdin: "Broken pipe"
            }
        }
    }

    /** The next slice to write, waiting for one; null once stopped or once everything before a close is written. */
    private byte[] next() {
        lockShared();
        try {
            while (!stopped && queue.isEmpty() && !closeRequested) {
                changed.awaitUninterruptibly();
            }
            return stopped ? null : queue.poll();
        } finally {
            lock.unlock();
        }
    }

    private boolean closeRequested() {
        lockShared();
        try {
            return closeRequested && !stopped;
        } finally {
            lock.unlock();
        }
    }

    private void written(int bytes) {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        bufferSize -= bytes;
        if (protocolPaused && bufferSize <= low) {
            protocolPaused = false;
            if (!lost) {
                getProtocol().resumeWriting();
            }
        }
    }

    @Override
    public void write(ByteBuffer data) {
        checkThread("write");
        if (!data.hasRemaining()) {
            return;
        }
        if (closing) {
            // asyncio drops writes to a closed pipe and says so after a few.
            if (++writesAfterLost >= 5) {
                SafeLog.log(Level.WARNING, () -> "pipe closed by peer or write to it failed; " + data.remaining() + " bytes dropped", null);
            }
            data.position(data.limit());
            return;
        }
        lockShared();
        try {
            while (data.hasRemaining()) {
                byte[] slice = new byte[Math.min(SLICE, data.remaining())];
                data.get(slice);
                queue.add(slice);
                bufferSize += slice.length;
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
        if (!protocolPaused && bufferSize > high) {
            protocolPaused = true;
            getProtocol().pauseWriting();
        }
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        for (byte[] bytes : data) {
            write(bytes);
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

    /** Writes what is queued, then closes the pipe: the child sees the end of its input. */
    @Override
    public void close() {
        checkThread("close");
        if (closing) {
            return;
        }
        closing = true;
        lockShared();
        try {
            closeRequested = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Only the thread closes the stream: closing it here could block the loop behind a write the
     * child is not reading (the JDK's stream locks both), so the thread closes it as it leaves.
     */
    @Override
    void stopPump() {
        lockShared();
        try {
            stopped = true;
            queue.clear();
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need high >= low >= 0, got high=" + high + " low=" + low);
        }
        this.high = high;
        this.low = low;
    }

    /** Once the pipe is lost (aborted, failed or closed) what was buffered is dropped, as in asyncio. */
    @Override
    public int getWriteBufferSize() {
        return lost ? 0 : (int) Math.min(Integer.MAX_VALUE, bufferSize);
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {low, high};
    }

    @Override
    public void pauseReading() {
        throw wrongDirection(fd, "pauseReading");
    }

    @Override
    public void resumeReading() {
        throw wrongDirection(fd, "resumeReading");
    }

    @Override
    public boolean isReading() {
        return false;
    }
}
