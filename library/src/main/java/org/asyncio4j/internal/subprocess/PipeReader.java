// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.asyncio4j.EventLoop;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.BufferedProtocol;
import org.asyncio4j.net.Protocol;

/**
 * The transport of a child's stdout or stderr: a platform thread reads the pipe and hands each
 * chunk to the loop, which passes it to the protocol. asyncio's {@code _UnixReadPipeTransport}.
 *
 * <h2>Back-pressure</h2>
 * The thread reads only while the transport is not paused and fewer than
 * {@value #MAX_UNDELIVERED} chunks wait for the loop; otherwise it waits, the pipe fills and the
 * child blocks in its own {@code write}. So a child writing gigabytes to a reader that does not
 * read costs this JVM at most the reader's buffer plus a few chunks.
 */
final class PipeReader extends PipePump {
    static final int CHUNK = 64 * 1024;
    static final int MAX_UNDELIVERED = 4;

    private final InputStream in;
    // Guarded by lock: shared by the loop and the thread.
    private boolean paused;
    private int undelivered;
    // Loop thread only: what arrived while reading was paused, and whether the end of stream came after it.
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private boolean eofHeld;

    PipeReader(EventLoop loop, ProcessTransport owner, int fd, InputStream in, BaseProtocol protocol) {
        super(loop, owner, fd, protocol);
        this.in = in;
    }

    @Override
    void pump() {
        byte[] buffer = new byte[CHUNK];
        try {
            while (awaitPermission()) {
                int n = in.read(buffer);
                if (n < 0) {
                    post(this::endOfStream);
                    return;
                }
                byte[] chunk;
                if (n == buffer.length) { // a full read: hand the buffer over rather than copy it
                    chunk = buffer;
                    buffer = new byte[CHUNK];
                } else {
                    chunk = Arrays.copyOf(buffer, n);
                }
                lockShared();
                try {
                    undelivered++;
                } finally {
                    lock.unlock();
                }
                if (!post(() -> deliver(chunk))) {
                    return;
                }
            }
        } catch (IOException e) {
            if (!stopped) {
                post(() -> failed(e));
            }
        }
    }

    /** Waits while reading is paused or the loop is behind; false once stopped. */
    private boolean awaitPermission() {
        lockShared();
        try {
            while (!stopped && (paused || undelivered >= MAX_UNDELIVERED)) {
                changed.awaitUninterruptibly();
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Passes {@code chunk} on, after any held back; while reading is paused it is held back
     * instead (the thread may have been blocked in {@code read} when the pause came), and it
     * still counts as undelivered, so the thread reads no further meanwhile.
     */
    private void deliver(byte[] chunk) {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        held.add(chunk);
        deliverHeld();
    }

    private void deliverHeld() {
        while (!held.isEmpty() && !lost && !isPaused()) {
            pass(held.poll());
        }
        if (held.isEmpty() && eofHeld && !lost) {
            eofHeld = false;
            endOfStream();
        }
    }

    private boolean isPaused() {
        lockShared();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    private void pass(byte[] chunk) {
        lockShared();
        try {
            undelivered--;
            changed.signal();
        } finally {
            lock.unlock();
        }
        try {
            switch (getProtocol()) {
                case Protocol p -> p.dataReceived(chunk);
                case BufferedProtocol p -> feedBuffered(p, chunk);
                default -> throw new IllegalStateException(getProtocol() + " cannot receive data: it is neither a Protocol nor a BufferedProtocol");
            }
        } catch (RuntimeException e) {
            owner.reportError(e, "Fatal error: protocol.dataReceived() call failed.");
            scheduleConnectionLost(e);
        }
    }

    private static void feedBuffered(BufferedProtocol protocol, byte[] chunk) {
        for (int offset = 0; offset < chunk.length; ) {
            ByteBuffer target = protocol.getBuffer(chunk.length - offset);
            int n = Math.min(target.remaining(), chunk.length - offset);
            if (n == 0) {
                throw new IllegalStateException("getBuffer() returned a buffer with no room");
            }
            target.put(chunk, offset, n);
            protocol.bufferUpdated(n);
            offset += n;
        }
    }

    private void endOfStream() {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        if (lost) {
            return;
        }
        if (!held.isEmpty() || isPaused()) {
            eofHeld = true; // the end comes after the data held back, once reading resumes
            return;
        }
        switch (getProtocol()) {
            case Protocol p -> p.eofReceived();
            case BufferedProtocol p -> p.eofReceived();
            default -> { }
        }
        scheduleConnectionLost(null);
    }

    private void failed(IOException error) {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        if (!lost) {
            scheduleConnectionLost(error);
        }
    }

    @Override
    void stopPump() {
        lockShared();
        try {
            stopped = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // the descriptor is released even when close reports an error
        }
    }

    /** Stops reading from the child; a child that keeps writing then blocks once the pipe is full. */
    @Override
    public void close() {
        checkThread("close");
        if (!closing) {
            scheduleConnectionLost(null);
        }
    }

    @Override
    public void pauseReading() {
        setPaused(true);
    }

    @Override
    public void resumeReading() {
        setPaused(false);
    }

    private void setPaused(boolean value) {
        if (closing) {
            return;
        }
        lockShared();
        try {
            paused = value;
            changed.signal();
        } finally {
            lock.unlock();
        }
        if (!value && (!held.isEmpty() || eofHeld)) {
            loop.callSoon(this::deliverHeld);
        }
    }

    @Override
    public boolean isReading() {
        lockShared();
        try {
            return !paused && !closing;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(ByteBuffer data) {
        throw wrongDirection(fd, "write");
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        throw wrongDirection(fd, "writelines");
    }

    @Override
    public void writeEof() {
        throw wrongDirection(fd, "writeEof");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw wrongDirection(fd, "setWriteBufferLimits");
    }

    @Override
    public int getWriteBufferSize() {
        return 0;
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {0, 0};
    }
}
