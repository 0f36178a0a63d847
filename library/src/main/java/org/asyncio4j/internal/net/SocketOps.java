// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.asyncio4j.EventLoop;

/** asyncio's {@code loop.sock_*} operations on non-blocking channels the caller drives itself. */
public final class SocketOps {
    private SocketOps() {
    }

    public static void connect(EventLoop loop, SocketChannel channel, SocketAddress address) throws IOException {
        Readiness.requireNonBlocking(channel);
        if (!channel.connect(address)) {
            Readiness.await(loop, channel, SelectionKey.OP_CONNECT);
            channel.finishConnect();
        }
    }

    /** Accepts one connection, returned in non-blocking mode. */
    public static SocketChannel accept(EventLoop loop, ServerSocketChannel listener) throws IOException {
        Readiness.requireNonBlocking(listener);
        while (true) {
            SocketChannel accepted = listener.accept();
            if (accepted != null) {
                accepted.configureBlocking(false);
                return accepted;
            }
            Readiness.await(loop, listener, SelectionKey.OP_ACCEPT);
        }
    }

    /** Reads into {@code buffer}, parking until at least one byte came; -1 at end of stream. */
    public static int recvInto(EventLoop loop, SocketChannel channel, ByteBuffer buffer) throws IOException {
        Readiness.requireNonBlocking(channel);
        if (!buffer.hasRemaining()) {
            return 0;
        }
        while (true) {
            int n = channel.read(buffer);
            if (n != 0) {
                return n;
            }
            Readiness.await(loop, channel, SelectionKey.OP_READ);
        }
    }

    /** Writes all of {@code data}, parking while the socket's buffer is full. */
    public static void sendAll(EventLoop loop, SocketChannel channel, ByteBuffer data) throws IOException {
        Readiness.requireNonBlocking(channel);
        while (true) {
            channel.write(data);
            if (!data.hasRemaining()) {
                return;
            }
            Readiness.await(loop, channel, SelectionKey.OP_WRITE);
        }
    }

    /** The host name of {@code address}, looked up off the loop (asyncio's {@code getnameinfo}). */
    public static String nameOf(EventLoop loop, InetSocketAddress address) throws IOException {
        return Awaiting.await(loop.runInExecutor(null, () -> address.getAddress().getHostName()));
    }
}
