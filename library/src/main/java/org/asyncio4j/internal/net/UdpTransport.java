// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.net.DatagramProtocol;
import org.asyncio4j.net.DatagramTransport;

/** A datagram endpoint over a non-blocking {@link DatagramChannel}: asyncio's {@code _SelectorDatagramTransport}. */
public final class UdpTransport extends SelectorTransport implements DatagramTransport {
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());
    private static final int HIGH_WATER = 64 * 1024;
    private static final int LOW_WATER = HIGH_WATER / 4;
    /** What a queued datagram counts beyond its data, so that empty ones fill the buffer too (asyncio 3.13). */
    private static final int HEADER = 8;
    /** The largest UDP payload over IPv4 or IPv6 (without jumbograms). */
    private static final int MAX_DATAGRAM = 64 * 1024;

    private record Outgoing(ByteBuffer data, SocketAddress address) {
    }

    private final DatagramChannel channel;
    private DatagramProtocol protocol;
    private final SocketAddress remote;
    private final ArrayDeque<Outgoing> pending = new ArrayDeque<>();
    private long pendingBytes;
    private boolean protocolPaused;

    /** Registers {@code channel} (bound, and connected if {@code remote} is not null) with the loop's selector. */
    public UdpTransport(EventLoop loop, DatagramChannel channel, DatagramProtocol protocol, SocketAddress remote) throws IOException {
        Objects.requireNonNull(protocol, "the protocol factory returned null");
        channel.configureBlocking(false);
        super(loop, channel, LOOPS.io(loop).register(channel, 0, null));
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        extra.put("sockname", channel.getLocalAddress());
        if (remote != null) {
            extra.put("peername", remote);
        }
    }

    /** Schedules the protocol's {@code endpointMade}, the start of reading, then {@code waiter}'s completion. */
    public void start(Future<Void> waiter) {
        loop.callSoon(() -> protocol.connectionMade(this));
        loop.callSoon(() -> {
            if (!closing()) {
                setInterest(interest | SelectionKey.OP_READ);
            }
        });
        completeSoon(loop, waiter);
    }

    @Override
    public void run() {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        if (!key.isValid()) {
            return;
        }
        int ready = key.readyOps() & interest;
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && !closing()) {
            receive();
        }
    }

    private void receive() {
        ByteBuffer buffer = ReadBuffer.get();
        SocketAddress from;
        try {
            from = channel.receive(buffer);
        } catch (IOException e) {
            errorReceived(e);
            return;
        }
        if (from == null) {
            return;
        }
        deliver(copy(buffer.flip()), from);
    }

    private static byte[] copy(ByteBuffer received) {
        byte[] data = new byte[received.remaining()];
        received.get(data);
        return data;
    }

    private void deliver(byte[] data, SocketAddress from) {
        try {
            protocol.datagramReceived(data, from);
        } catch (RuntimeException e) {
            fatalError(e, "Fatal error: protocol.datagramReceived() call failed.");
        }
    }

    @Override
    public void sendto(byte[] data, SocketAddress address) {
        Objects.requireNonNull(data, "data");
        checkThread("sendto");
        SocketAddress target = checkAddress(address);
        if (lost()) {
            return;
        }
        if (pending.isEmpty()) {
            try {
                if (trySend(ByteBuffer.wrap(data), target)) {
                    return;
                }
            } catch (IOException e) {
                errorReceived(e);
                return;
            }
            setInterest(interest | SelectionKey.OP_WRITE);
        }
        pending.addLast(new Outgoing(ByteBuffer.wrap(data.clone()), target));
        pendingBytes += data.length + HEADER;
        if (!protocolPaused && pendingBytes > HIGH_WATER) {
            protocolPaused = true;
            protocol.pauseWriting();
        }
    }

    /**
     * Sends one datagram now; false if the socket has no room for it. An empty datagram's send
     * answers 0 whether it went or not, so it counts as sent (a full socket drops it).
     */
    private boolean trySend(ByteBuffer data, SocketAddress target) throws IOException {
        if (data.hasRemaining()) {
            return channel.send(data, target) > 0;
        }
        if (remote == null) {
            channel.send(data, target);
        } else {
            sendEmptyWhileConnected();
        }
        return true;
    }

    /**
     * The JDK's send on a connected channel makes no system call for an empty buffer
     * ({@code IOUtil.write} returns 0 first), so the datagram asyncio sends with {@code send(b'')}
     * would be lost. The channel is therefore disconnected for one {@code sendto}, then connected
     * again. Connecting discards whatever the socket has received (the JDK flushes its queue), so
     * that is taken out first and delivered once the channel is connected again; only a datagram
     * arriving in those few microseconds is lost, which UDP allows.
     */
    private void sendEmptyWhileConnected() throws IOException {
        List<byte[]> data = new ArrayList<>();
        List<SocketAddress> senders = new ArrayList<>();
        // Not ReadBuffer's: this runs in tasks too, whose thread-local buffers would each cost 256 KiB.
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        for (SocketAddress from; (from = channel.receive(buffer.clear())) != null; ) {
            data.add(copy(buffer.flip()));
            senders.add(from);
        }
        channel.disconnect();
        try {
            channel.send(ByteBuffer.allocate(0), remote);
        } finally {
            channel.connect(remote);
        }
        for (int i = 0; i < data.size() && !closing(); i++) {
            deliver(data.get(i), senders.get(i));
        }
    }

    private SocketAddress checkAddress(SocketAddress address) {
        if (remote != null) {
            if (address != null && !address.equals(remote)) {
                throw new IllegalArgumentException("Invalid address: this endpoint is connected to " + remote
                        + "; pass null or that address, not " + address);
            }
            return remote;
        }
        if (address == null) {
            throw new IllegalArgumentException("this endpoint is not connected: say where to send the datagram");
        }
        return address;
    }

    private void flush() {
        while (!pending.isEmpty()) {
            Outgoing next = pending.peekFirst();
            int length = next.data.remaining();
            try {
                if (!trySend(next.data, next.address)) {
                    return; // still no room: wait for the next writable event
                }
            } catch (IOException e) {
                errorReceived(e);
            }
            pending.pollFirst();
            pendingBytes -= length + HEADER;
            if (protocolPaused && pendingBytes <= LOW_WATER) {
                protocolPaused = false;
                protocol.resumeWriting();
            }
        }
        setInterest(interest & ~SelectionKey.OP_WRITE);
        if (closing()) {
            scheduleConnectionLost(null);
        }
    }

    private void errorReceived(IOException error) {
        try {
            protocol.errorReceived(error);
        } catch (RuntimeException e) {
            fatalError(e, "Fatal error: protocol.errorReceived() call failed.");
        }
    }

    private void fatalError(RuntimeException error, String message) {
        reportError(error, message);
        forceClose(error);
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
    DatagramProtocol protocol() {
        return protocol;
    }

    @Override
    public int getWriteBufferSize() {
        return (int) Math.min(Integer.MAX_VALUE, pendingBytes);
    }

    @Override
    public DatagramProtocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(DatagramProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public String toString() {
        return "<UdpTransport " + (lost() ? "closed" : closing() ? "closing" : "open") + " sockname=" + extra.get("sockname") + ">";
    }
}
