// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.asyncio4j.Asyncio;
import org.asyncio4j.internal.net.Resolver;
import org.asyncio4j.internal.net.SocketOps;

/**
 * Socket operations that park the calling task instead of blocking, for code that drives its own
 * non-blocking channels: asyncio's {@code loop.sock_connect}, {@code sock_accept},
 * {@code sock_recv}, {@code sock_recv_into}, {@code sock_sendall}, {@code getaddrinfo} and
 * {@code getnameinfo}. Transports and streams are usually the better tool.
 *
 * {@snippet :
 * try (SocketChannel channel = SocketChannel.open()) {
 *     channel.configureBlocking(false);
 *     Sockets.sockConnect(channel, new InetSocketAddress("127.0.0.1", 8888));
 *     Sockets.sockSendall(channel, "ping\n".getBytes());
 *     byte[] answer = Sockets.sockRecv(channel, 1024);
 * }
 * }
 *
 * <p>Channels must be in non-blocking mode and must not belong to a transport. One task may wait
 * to read and another to write on the same channel at a time. Cancelling a waiting task leaves
 * the channel open and usable.
 */
public final class Sockets {
    private Sockets() {
    }

    /**
     * Connects {@code channel} to {@code address}, parking until the connection is made.
     *
     * @param channel a non-blocking, unconnected channel
     * @param address where to connect
     * @throws IOException if the connection fails (refused, unreachable, ...)
     */
    public static void sockConnect(SocketChannel channel, SocketAddress address) throws IOException {
        SocketOps.connect(Asyncio.getRunningLoop(), Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(address, "address"));
    }

    /**
     * Accepts a connection, parking until one comes; the channel returned is non-blocking.
     *
     * @param listener a non-blocking, bound server channel
     * @return the accepted connection's channel
     * @throws IOException if accepting fails
     */
    public static SocketChannel sockAccept(ServerSocketChannel listener) throws IOException {
        return SocketOps.accept(Asyncio.getRunningLoop(), Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Receives up to {@code n} bytes, parking until some arrive; an empty array at end of stream.
     *
     * @param channel a non-blocking, connected channel
     * @param n the most bytes to receive
     * @return the bytes received, empty at end of stream
     * @throws IOException if reading fails (a reset connection, say)
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static byte[] sockRecv(SocketChannel channel, int n) throws IOException {
        Objects.requireNonNull(channel, "channel");
        if (n < 0) {
            throw new IllegalArgumentException("cannot receive a negative number of bytes: " + n);
        }
        ByteBuffer buffer = ByteBuffer.allocate(n);
        int read = SocketOps.recvInto(Asyncio.getRunningLoop(), channel, buffer);
        return read <= 0 ? new byte[0] : Arrays.copyOf(buffer.array(), read);
    }

    /**
     * Receives into {@code buffer}, parking until some bytes arrive; returns how many, -1 at end of stream.
     *
     * @param channel a non-blocking, connected channel
     * @param buffer where the bytes go, from its position up to its limit
     * @return how many bytes were received, or -1 at end of stream
     * @throws IOException if reading fails (a reset connection, say)
     */
    public static int sockRecvInto(SocketChannel channel, ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(channel, "channel");
        return SocketOps.recvInto(Asyncio.getRunningLoop(), channel, Objects.requireNonNull(buffer, "buffer"));
    }

    /**
     * Sends all of {@code data}, parking while the socket's buffer is full.
     *
     * @param channel a non-blocking, connected channel
     * @param data the bytes to send
     * @throws IOException if writing fails (the peer reset the connection, say)
     */
    public static void sockSendall(SocketChannel channel, byte[] data) throws IOException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(data, "data");
        sockSendall(channel, ByteBuffer.wrap(data));
    }

    /**
     * Sends the remaining bytes of {@code data}, parking while the socket's buffer is full.
     *
     * @param channel a non-blocking, connected channel
     * @param data the bytes to send, from its position to its limit
     * @throws IOException if writing fails (the peer reset the connection, say)
     */
    public static void sockSendall(SocketChannel channel, ByteBuffer data) throws IOException {
        Objects.requireNonNull(channel, "channel");
        SocketOps.sendAll(Asyncio.getRunningLoop(), channel, Objects.requireNonNull(data, "data"));
    }

    /**
     * Resolves {@code host} off the loop thread (literals at once).
     *
     * @param host a host name or address literal
     * @param port the port to put in each address
     * @return the addresses {@code host} resolves to, each with {@code port}
     * @throws IOException ({@link java.net.UnknownHostException}) if the name does not resolve
     */
    public static List<InetSocketAddress> getaddrinfo(String host, int port) throws IOException {
        return Resolver.resolve(Asyncio.getRunningLoop(), Objects.requireNonNull(host, "host"), port);
    }

    /**
     * The host name for {@code address}, by reverse lookup off the loop thread (the address text if there is none).
     *
     * @param address the address to look up
     * @return the host name, or the address as text if the lookup finds none
     * @throws IOException declared for the wait on the executor; a failed lookup gives the address
     *     text instead
     */

    public static String getnameinfo(InetSocketAddress address) throws IOException {
        return SocketOps.nameOf(Asyncio.getRunningLoop(), Objects.requireNonNull(address, "address"));
    }
}
