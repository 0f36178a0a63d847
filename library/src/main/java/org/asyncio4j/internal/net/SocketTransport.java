// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.BufferedProtocol;
import org.asyncio4j.net.Protocol;
import org.asyncio4j.net.Transport;

/**
 * A stream transport over a non-blocking {@link SocketChannel} (TCP or Unix-domain), driven by
 * its loop's selector: asyncio's {@code _SelectorSocketTransport}.
 */
public final class SocketTransport extends SelectorTransport implements Transport, Drainable {

    /* Implementation notes
     * - The channel is registered once; `interest` mirrors the key's interest set so that the key
     *   is only touched when reading or writing really starts or stops.
     * - write() sends at once while nothing is queued and queues only what the socket refused
     *   (copied, so the caller may reuse its array); the queue is flushed with gathering writes.
     * - Reads go into one buffer per loop thread (ReadBuffer) and are copied out into an array
     *   the protocol keeps; a BufferedProtocol gets the bytes in its own buffer instead.
     * - The connection's life (OPEN, CLOSING, LOST) is SelectorTransport's; each direction has a
     *   state machine of its own:
     *
     *   Input      from                 event                       to
     *              READING              pauseReading()              PAUSED
     *              PAUSED               resumeReading()             READING
     *              READING              end of stream read          AT_EOF
     *              AT_EOF               pauseReading()              PAUSED_AT_EOF
     *              PAUSED_AT_EOF        resumeReading()             AT_EOF
     *   (the selector's OP_READ is on only in READING while OPEN; pausing and resuming do nothing
     *   once the connection is closing, and isReading() is true in READING and AT_EOF while OPEN)
     *
     *   Output     from                 event                       to
     *              OPEN                 writeEof(), nothing queued  SHUT (shutdownOutput)
     *              OPEN                 writeEof(), writes queued   EOF_PENDING
     *              EOF_PENDING          the queue flushed           SHUT (shutdownOutput)
     *   (writes are refused outside OPEN; writeEof does nothing outside OPEN or once closing)
     *
     * - Two flags are not states: `protocolPaused` is the flow-control hysteresis between the
     *   water marks (pauseWriting was called, resumeWriting not yet), and `sendfileInProgress`
     *   refuses writes while a sendfile runs.
     */

    /** The receiving direction; see the implementation notes. */
    private enum Input { READING, PAUSED, AT_EOF, PAUSED_AT_EOF }

    /** The sending direction; see the implementation notes. */
    private enum Output { OPEN, EOF_PENDING, SHUT }

    private static final int DEFAULT_HIGH_WATER = 64 * 1024;
    private static final int MAX_GATHER = 64;
    private static final int QUEUE_CHUNK = 16 * 1024;

    private final SocketChannel channel;
    private final SocketServer server;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private BaseProtocol protocol;
    private long pendingBytes;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;
    private Input input = Input.READING;
    private Output output = Output.OPEN;
    private boolean protocolPaused;
    private final List<Future<Void>> emptyWaiters = new ArrayList<>();
    /** While a sendfile runs, the writable event wakes it instead of flushing the (empty) buffer. */
    private Future<Void> sendfileWaiter;
    private boolean sendfileInProgress;

    /**
     * Wraps a connected channel already registered with {@code loop}'s selector under {@code key}.
     *
     * @param server the server that accepted the connection, or null for a client connection
     */
    public SocketTransport(EventLoop loop, SocketChannel channel, SelectionKey key, BaseProtocol protocol, SocketServer server) {
        super(loop, channel, key);
        this.channel = channel;
        this.protocol = checkStreamProtocol(protocol);
        this.server = server;
        try {
            extra.put("sockname", channel.getLocalAddress());
            extra.put("peername", channel.getRemoteAddress());
        } catch (IOException ignored) {
            // a socket reset before we looked has no addresses; the first read or write reports the reset
        }
    }

    /**
     * Schedules, in this order, the protocol's
     * {@code connectionMade}, the start of reading and the completion of {@code waiter} (may be
     * null), as asyncio does.
     */
    public void start(Future<Void> waiter) {
        if (server != null) {
            server.attach(this);
        }
        loop.callSoon(() -> protocol.connectionMade(this));
        loop.callSoon(() -> {
            if (input == Input.READING && !closing()) {
                setInterest(interest | SelectionKey.OP_READ);
            }
        });
        if (waiter != null) {
            completeSoon(loop, waiter);
        }
    }

    // ---------------------------------------------------------------- selector events

    @Override
    public void run() {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        if (!key.isValid()) {
            return;
        }
        int ready = key.readyOps() & interest;
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            if (sendfileWaiter != null) {
                setInterest(interest & ~SelectionKey.OP_WRITE);
                if (!sendfileWaiter.isDone()) { // its task may have been cancelled in this iteration
                    sendfileWaiter.setResult(null);
                }
                sendfileWaiter = null;
            } else {
                flush();
            }
        }
        if ((ready & SelectionKey.OP_READ) != 0 && isReading()) {
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
            fatalError(e, "Fatal read error on socket transport");
            return;
        }
        if (n < 0) {
            eofReceived();
        } else if (n > 0) {
            deliver(protocol, buffer, n);
        }
    }

    private void eofReceived() {
        input = Input.AT_EOF;
        setInterest(interest & ~SelectionKey.OP_READ);
        boolean keepOpen;
        try {
            keepOpen = protocol instanceof BufferedProtocol buffered ? buffered.eofReceived() : ((Protocol) protocol).eofReceived();
        } catch (RuntimeException e) {
            fatalError(e, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (!keepOpen) {
            close();
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void write(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        checkWritable();
        if (lost() || !data.hasRemaining()) {
            return;
        }
        if (pending.isEmpty()) {
            try {
                channel.write(data);
            } catch (IOException e) {
                fatalError(e, "Fatal write error on socket transport");
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            setInterest(interest | SelectionKey.OP_WRITE);
        }
        enqueue(data);
        maybePauseProtocol();
    }

    @Override
    public void writelines(Iterable<byte[]> data) {
        Objects.requireNonNull(data, "data");
        checkWritable();
        List<ByteBuffer> buffers = new ArrayList<>();
        for (byte[] chunk : data) {
            buffers.add(ByteBuffer.wrap(Objects.requireNonNull(chunk, "data contains null")));
        }
        if (lost() || buffers.isEmpty()) {
            return;
        }
        if (pending.isEmpty()) {
            try {
                channel.write(buffers.toArray(ByteBuffer[]::new));
            } catch (IOException e) {
                fatalError(e, "Fatal write error on socket transport");
                return;
            }
        }
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                setInterest(interest | SelectionKey.OP_WRITE);
                enqueue(buffer);
            }
        }
        maybePauseProtocol();
    }

    private void checkWritable() {
        checkThread("write");
        if (output != Output.OPEN) {
            throw new IllegalStateException("Cannot write after writeEof(): the sending side is shut down");
        }
        if (sendfileInProgress) {
            throw new IllegalStateException("Cannot write while a sendfile is in progress on this transport; wait for it to finish");
        }
    }

    @Override
    public Future<Void> whenWritten() {
        Future<Void> waiter = loop.createFuture();
        if (lost()) {
            waiter.setException(new SocketException("Connection lost"));
        } else if (pending.isEmpty()) {
            waiter.setResult(null);
        } else {
            emptyWaiters.add(waiter);
        }
        return waiter;
    }

    private void wakeEmptyWaiters(IOException error) {
        for (Future<Void> waiter : emptyWaiters) {
            if (!waiter.isDone()) {
                if (error == null) {
                    waiter.setResult(null);
                } else {
                    waiter.setException(error);
                }
            }
        }
        emptyWaiters.clear();
        if (error != null && sendfileWaiter != null) {
            if (!sendfileWaiter.isDone()) {
                sendfileWaiter.setException(error);
            }
            sendfileWaiter = null;
        }
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code position} with zero-copy transfers
     * ({@code sendfile(2)} on Linux), after what is buffered; parks the current task while the
     * socket is full. Writes are refused meanwhile.
     *
     * @return how many bytes were sent (fewer than asked if the file ends first)
     */
    public long sendfile(FileChannel file, long position, long count) throws IOException {
        if (closing()) {
            throw new IllegalStateException("the transport is closing: it cannot send a file");
        }
        if (sendfileInProgress) {
            throw new IllegalStateException("another sendfile is already in progress on this transport");
        }
        Awaiting.await(whenWritten());
        sendfileInProgress = true;
        long sent = 0;
        try {
            while (sent < count) {
                if (lost()) {
                    throw new SocketException("Connection lost");
                }
                long n;
                try {
                    n = file.transferTo(position + sent, count - sent, channel);
                } catch (IOException e) {
                    fatalError(e, "Fatal write error on socket transport");
                    throw e;
                }
                if (n > 0) {
                    sent += n;
                } else if (position + sent >= file.size()) {
                    break;
                } else {
                    Future<Void> writable = loop.createFuture();
                    sendfileWaiter = writable;
                    setInterest(interest | SelectionKey.OP_WRITE);
                    try {
                        Awaiting.await(writable);
                    } finally {
                        if (sendfileWaiter == writable) {
                            sendfileWaiter = null;
                            setInterest(interest & ~SelectionKey.OP_WRITE);
                        }
                    }
                }
            }
        } finally {
            sendfileInProgress = false;
        }
        return sent;
    }

    /** Copies {@code data} to the end of the queue, into the last buffer while it has room. */
    private void enqueue(ByteBuffer data) {
        int n = data.remaining();
        ByteBuffer last = pending.peekLast();
        if (last != null && last.capacity() - last.limit() >= n) {
            int end = last.limit();
            last.limit(end + n);
            last.put(end, data, data.position(), n);
            data.position(data.position() + n);
        } else {
            // Room for more: many small writes to a slow socket then cost one buffer, not one each.
            ByteBuffer copy = ByteBuffer.allocate(Math.max(n, QUEUE_CHUNK));
            copy.put(data).flip();
            pending.addLast(copy);
        }
        pendingBytes += n;
    }

    private void flush() {
        int count = Math.min(pending.size(), MAX_GATHER);
        ByteBuffer[] batch = new ByteBuffer[count];
        var it = pending.iterator();
        for (int i = 0; i < count; i++) {
            batch[i] = it.next();
        }
        long written;
        try {
            written = channel.write(batch);
        } catch (IOException e) {
            fatalError(e, "Fatal write error on socket transport");
            return;
        }
        pendingBytes -= written;
        while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
            pending.pollFirst();
        }
        maybeResumeProtocol();
        if (pending.isEmpty()) {
            setInterest(interest & ~SelectionKey.OP_WRITE);
            wakeEmptyWaiters(null);
            if (closing()) {
                scheduleConnectionLost(null);
            } else if (output == Output.EOF_PENDING) {
                shutdownOutput();
            }
        }
    }

    @Override
    public void writeEof() {
        if (closing() || output != Output.OPEN) {
            return;
        }
        output = Output.EOF_PENDING;
        if (pending.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        output = Output.SHUT;
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatalError(e, "Fatal error shutting down the sending side of a socket transport");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    // ---------------------------------------------------------------- flow control

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("write buffer limits need high >= low >= 0, got high=" + high + " low=" + low);
        }
        highWater = high;
        lowWater = low;
        maybePauseProtocol();
    }

    @Override
    public int getWriteBufferSize() {
        return (int) Math.min(Integer.MAX_VALUE, pendingBytes);
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {lowWater, highWater};
    }

    private void maybePauseProtocol() {
        if (!protocolPaused && pendingBytes > highWater) {
            protocolPaused = true;
            try {
                protocol.pauseWriting();
            } catch (RuntimeException e) {
                reportError(e, "protocol.pauseWriting() failed");
            }
        }
    }

    private void maybeResumeProtocol() {
        if (protocolPaused && pendingBytes <= lowWater) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (RuntimeException e) {
                reportError(e, "protocol.resumeWriting() failed");
            }
        }
    }

    @Override
    public void pauseReading() {
        if (closing() || isPaused()) {
            return;
        }
        input = input == Input.READING ? Input.PAUSED : Input.PAUSED_AT_EOF;
        setInterest(interest & ~SelectionKey.OP_READ);
    }

    @Override
    public void resumeReading() {
        if (closing() || !isPaused()) {
            return;
        }
        input = input == Input.PAUSED ? Input.READING : Input.AT_EOF;
        if (input == Input.READING) {
            setInterest(interest | SelectionKey.OP_READ);
        }
    }

    private boolean isPaused() {
        return input == Input.PAUSED || input == Input.PAUSED_AT_EOF;
    }

    @Override
    public boolean isReading() {
        return !isPaused() && !closing();
    }

    // ---------------------------------------------------------------- closing

    @Override
    void channelClosed() {
        super.channelClosed();
        if (server != null) {
            server.detach(this);
        }
    }

    private void fatalError(Exception error, String message) {
        if (!(error instanceof IOException)) {
            reportError(error, message);
        }
        forceClose(error);
    }

    // ---------------------------------------------------------------- information

    @Override
    boolean hasPendingWrites() {
        return !pending.isEmpty();
    }

    @Override
    void dropPendingWrites() {
        pending.clear();
        pendingBytes = 0;
        wakeEmptyWaiters(new SocketException("Connection lost"));
    }

    @Override
    BaseProtocol protocol() {
        return protocol;
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = checkStreamProtocol(protocol);
    }

    static BaseProtocol checkStreamProtocol(BaseProtocol protocol) {
        Objects.requireNonNull(protocol, "the protocol factory returned null");
        if (!(protocol instanceof Protocol) && !(protocol instanceof BufferedProtocol)) {
            throw new IllegalArgumentException("a stream transport needs a Protocol or a BufferedProtocol, not "
                    + protocol.getClass().getName() + " (datagram protocols go to createDatagramEndpoint)");
        }
        return protocol;
    }

    @Override
    public String toString() {
        SocketAddress peer = (SocketAddress) extra.get("peername");
        return "<SocketTransport " + (lost() ? "closed" : closing() ? "closing" : "open") + " peer=" + peer
                + " buffered=" + pendingBytes + ">";
    }
}
