// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.Transport;

/**
 * What the two ends of a pipe share ({@link PipeReadTransport}, {@link PipeWriteTransport}): the
 * number the pipe has for its user, the protocol, and the hook run after {@code connectionLost}.
 */
abstract class PipeTransport extends SelectorTransport implements Transport {
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());
    final int fd;
    private final Runnable afterLost;
    BaseProtocol protocol;

    PipeTransport(EventLoop loop, SelectableChannel channel, int fd, BaseProtocol protocol, Runnable afterLost) throws IOException {
        super(loop, channel, register(loop, channel));
        this.fd = fd;
        this.protocol = protocol;
        this.afterLost = afterLost;
        extra.remove("socket");
        extra.put("pipe", fd);
    }

    /** Makes {@code channel} non-blocking and registers it with {@code loop}'s selector, listening to nothing yet. */
    private static SelectionKey register(EventLoop loop, SelectableChannel channel) throws IOException {
        channel.configureBlocking(false);
        return LOOPS.io(loop).register(channel, 0, null);
    }

    @Override
    void channelClosed() {
        super.channelClosed();
        afterLost.run();
    }

    /** The error for an operation of the other direction. */
    final UnsupportedOperationException wrongDirection(String operation, String direction) {
        return new UnsupportedOperationException(operation + "() is not available on the pipe of fd " + fd + ", which is " + direction);
    }

    @Override
    final BaseProtocol protocol() {
        return protocol;
    }

    @Override
    public final BaseProtocol getProtocol() {
        return protocol;
    }
}
