// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.asyncio4j.EventLoop;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.ServerOptions;

/** Binds listening sockets and makes servers of them. */
public final class Listeners {
    private Listeners() {
    }

    /**
     * Binds one listening socket per address (host null: one dual-stack socket on every
     * interface) and returns the server, serving at once unless the options say otherwise.
     */
    public static SocketServer createServer(EventLoop loop, Supplier<? extends BaseProtocol> protocolFactory,
                                            List<? extends SocketAddress> addresses, ServerOptions options) throws IOException {
        Supplier<? extends BaseProtocol> factory = withTls(loop, protocolFactory, options);
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            for (SocketAddress address : addresses) {
                channels.add(bind(address, options));
            }
        } catch (IOException | RuntimeException e) {
            channels.forEach(Channels::closeQuietly);
            throw e;
        }
        SocketServer server = new SocketServer(loop, channels, factory, options.backlog());
        if (options.cleanupSocket()) {
            for (ServerSocketChannel channel : channels) {
                UnixSocketFile file = UnixSocketFile.of(channel);
                if (file != null) {
                    server.removeOnClose(file);
                }
            }
        }
        if (options.startServing()) {
            server.startServing();
        }
        return server;
    }

    /**
     * A server of {@code loop} with no listening socket, serving the connections another loop's
     * server accepts and hands over ({@link SocketServer#handOver}): a loop group's shard. Loop
     * thread only.
     */
    public static SocketServer createShard(EventLoop loop, Supplier<? extends BaseProtocol> protocolFactory,
                                           ServerOptions options) throws IOException {
        SocketServer shard = new SocketServer(loop, List.of(), withTls(loop, protocolFactory, options), options.backlog());
        shard.receiveHandOvers();
        shard.startServing();
        return shard;
    }

    private static Supplier<? extends BaseProtocol> withTls(EventLoop loop, Supplier<? extends BaseProtocol> protocolFactory,
                                                            ServerOptions options) {
        if (options.ssl() == null) {
            return protocolFactory;
        }
        TlsSetup tls = TlsSetup.of(options.tls(), "");
        return () -> new TlsLayer(loop, tls.serverEngine(), protocolFactory.get(), null, tls, true);
    }

    private static ServerSocketChannel bind(SocketAddress address, ServerOptions options) throws IOException {
        boolean unix = address instanceof UnixDomainSocketAddress;
        ServerSocketChannel channel;
        if (unix) {
            UnixSocketFile.removeStale(((UnixDomainSocketAddress) address).getPath());
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        } else if (((InetSocketAddress) address).getAddress() instanceof java.net.Inet4Address) {
            channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
        } else {
            channel = ServerSocketChannel.open();
        }
        try {
            if (!unix) {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress());
                if (options.reusePort()) {
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
            }
            channel.bind(address, options.backlog());
            return channel;
        } catch (IOException e) {
            Channels.closeQuietly(channel);
            java.net.BindException named = new java.net.BindException("error while attempting to bind on address "
                    + address + ": " + e.getMessage());
            named.initCause(e);
            throw named;
        } catch (RuntimeException e) {
            Channels.closeQuietly(channel);
            throw e;
        }
    }
}
