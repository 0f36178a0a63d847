// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.function.Supplier;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.net.DatagramEndpoint;
import org.asyncio4j.net.DatagramProtocol;

/** Opens datagram endpoints: asyncio's {@code loop.create_datagram_endpoint}. */
public final class Datagrams {
    private Datagrams() {
    }

    /**
     * Binds to {@code local} (if not null), connects to {@code remote} (if not null), and waits
     * until the protocol's {@code connectionMade} has run. Unresolved addresses are resolved off
     * the loop first.
     */
    public static <P extends DatagramProtocol> DatagramEndpoint<P> open(EventLoop loop, Supplier<P> protocolFactory,
                                                                       InetSocketAddress local, InetSocketAddress remote,
                                                                       boolean allowBroadcast) throws IOException {
        if (local == null && remote == null) {
            throw new IllegalArgumentException("give a local address to listen on, a remote address to send to, or both");
        }
        InetSocketAddress localAddress = resolved(loop, local);
        InetSocketAddress remoteAddress = resolved(loop, remote);
        InetSocketAddress any = remoteAddress != null ? remoteAddress : localAddress;
        ProtocolFamily family = any.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = DatagramChannel.open(family);
        UdpTransport transport;
        P protocol;
        try {
            if (allowBroadcast) {
                channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
            }
            if (localAddress != null) {
                channel.bind(localAddress);
            }
            if (remoteAddress != null) {
                channel.connect(remoteAddress);
            }
            protocol = protocolFactory.get();
            transport = new UdpTransport(loop, channel, protocol, remoteAddress);
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(channel);
            throw e;
        }
        Future<Void> waiter = loop.createFuture();
        transport.start(waiter);
        SelectorTransport.awaitStarted(waiter, transport::abort);
        return new DatagramEndpoint<>(transport, protocol);
    }

    private static InetSocketAddress resolved(EventLoop loop, InetSocketAddress address) throws IOException {
        if (address == null || !address.isUnresolved()) {
            return address;
        }
        return Resolver.resolve(loop, address.getHostString(), address.getPort()).getFirst();
    }
}
