// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.Objects;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.net.DatagramProtocol;
import org.asyncio4j.net.DatagramTransport;

/** A datagram endpoint over a non-blocking {@link DatagramChannel}: asyncio's {@code _SelectorDatagramTransport}. */
public final class UdpTransport extends SelectorTransport implements DatagramTransport {
    private static final int HIGH_WATER = 64 * 1024;
    private static final int LOW_WATER = HIGH_WATER / 4;

    private record Outgoing(ByteBuffer data, SocketAddress address) {
    }

    private final DatagramChannel channel;
    private final DatagramProtocol protocol;
    private final SocketAddress remote;
    private final ArrayDeque<Outgoing> pending = new ArrayDeque<>();
    private long pendingBytes;
    private boolean protocolPaused;

    /** Registers {@code channel} (bound, and connected if {@code remote} is not null) with the loop's selector. */
    public UdpTransport(EventLoop loop, DatagramChannel channel, DatagramProtocol protocol, SocketAddress remote) throws IOException {
        Objects.requireNonNull(protocol, "the protocol factory returned null");
        channel.configureBlocking(false);
        super(loop, channel, channel.register(CoreAccess.coreOf(loop).selector(), 0, null));
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
        byte[] data = new byte[buffer.flip().remaining()];
        buffer.get(data);
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
        ByteBuffer buffer = ByteBuffer.wrap(data);
        if (pending.isEmpty()) {
            try {
                if (channel.send(buffer, target) > 0 || data.length == 0) {
                    return;
                }
            } catch (IOException e) {
                errorReceived(e);
                return;
            }
            setInterest(interest | SelectionKey.OP_WRITE);
        }
        pending.addLast(new Outgoing(ByteBuffer.wrap(data.clone()), target));
        pendingBytes += data.length;
        if (!protocolPaused && pendingBytes > HIGH_WATER) {
            protocolPaused = true;
            protocol.pauseWriting();
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
                if (channel.send(next.data, next.address) == 0 && length > 0) {
                    return; // still no room: wait for the next writable event
                }
            } catch (IOException e) {
                errorReceived(e);
            }
            pending.pollFirst();
            pendingBytes -= length;
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
    public String toString() {
        return "<UdpTransport " + (lost() ? "closed" : closing() ? "closing" : "open") + " sockname=" + extra.get("sockname") + ">";
    }
}
