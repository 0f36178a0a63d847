// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.IoHandler;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.Connection;

/** Non-blocking connects on the loop's selector, and the transport made for each connected channel. */
public final class Connector {
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    private Connector() {
    }

    /**
     * Connects to each address in turn until one accepts, or races them if a Happy Eyeballs delay
     * is given, then makes the protocol and its transport (with TLS if {@code tls} is not null)
     * and waits until the protocol's {@code connectionMade} has run.
     *
     * @throws java.net.ConnectException if every address refused (all errors are attached)
     */
    public static <P extends BaseProtocol> Connection<P> connect(EventLoop loop, List<? extends SocketAddress> addresses,
                                                                 SocketAddress localAddress, Supplier<P> protocolFactory,
                                                                 TlsSetup tls, Duration happyEyeballsDelay) throws IOException {
        if (addresses.isEmpty()) {
            throw new IOException("getaddrinfo() returned an empty list: no address to connect to");
        }
        Connected connected = happyEyeballsDelay != null && addresses.size() > 1
                ? HappyEyeballs.race(loop, addresses, happyEyeballsDelay.toNanos() / 1e9, a -> open(loop, a, localAddress))
                : connectInTurn(loop, addresses, localAddress);
        return tls == null ? adopt(loop, connected.channel, connected.key, protocolFactory)
                : adoptTls(loop, connected.channel, connected.key, protocolFactory, tls, connected.channel.getRemoteAddress());
    }

    private static Connected connectInTurn(EventLoop loop, List<? extends SocketAddress> addresses, SocketAddress localAddress)
            throws IOException {
        List<IOException> errors = new ArrayList<>();
        for (SocketAddress address : addresses) {
            try {
                return open(loop, address, localAddress);
            } catch (IOException e) {
                errors.add(e);
            }
        }
        throw combine(errors);
    }

    /** Wraps a connected channel (asyncio's {@code connect_accepted_socket} for a client). */
    public static <P extends BaseProtocol> Connection<P> adopt(EventLoop loop, SocketChannel channel, Supplier<P> protocolFactory)
            throws IOException {
        if (!channel.isConnected()) {
            throw new IllegalArgumentException("the channel must be connected: " + channel);
        }
        channel.configureBlocking(false);
        SelectionKey key = LOOPS.io(loop).register(channel, 0, null);
        return adopt(loop, channel, key, protocolFactory);
    }

    private static <P extends BaseProtocol> Connection<P> adopt(EventLoop loop, SocketChannel channel, SelectionKey key,
                                                                Supplier<P> protocolFactory) throws IOException {
        P protocol;
        SocketTransport transport;
        try {
            protocol = protocolFactory.get();
            transport = new SocketTransport(loop, channel, key, protocol, null);
        } catch (RuntimeException | Error e) {
            Channels.closeQuietly(channel);
            throw e;
        }
        Future<Void> waiter = loop.createFuture();
        transport.start(waiter);
        SelectorTransport.awaitStarted(waiter, transport::abort);
        return new Connection<>(transport, protocol);
    }

    /** Like {@code adopt}, with TLS between the socket and the protocol; returns once the handshake succeeded. */
    private static <P extends BaseProtocol> Connection<P> adoptTls(EventLoop loop, SocketChannel channel, SelectionKey key,
                                                                   Supplier<P> protocolFactory, TlsSetup tls,
                                                                   SocketAddress address) throws IOException {
        Future<Void> handshake = loop.createFuture();
        P protocol;
        TlsLayer layer;
        SocketTransport transport;
        try {
            protocol = protocolFactory.get();
            int port = address instanceof InetSocketAddress inet ? inet.getPort() : -1;
            layer = new TlsLayer(loop, tls.clientEngine(port), protocol, handshake, tls, true);
            transport = new SocketTransport(loop, channel, key, layer, null);
        } catch (RuntimeException | Error e) {
            Channels.closeQuietly(channel);
            throw e;
        }
        transport.start(null);
        SelectorTransport.awaitStarted(handshake, transport::abort);
        return new Connection<>(layer.appTransport(), protocol);
    }

    /** A connected channel and its registration with the loop's selector. */
    record Connected(SocketChannel channel, SelectionKey key) {
    }

    private static Connected open(EventLoop loop, SocketAddress address, SocketAddress localAddress) throws IOException {
        boolean unix = address instanceof UnixDomainSocketAddress;
        SocketChannel channel = unix ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open(((InetSocketAddress) address).getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.configureBlocking(false);
            if (!unix) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            if (localAddress != null) {
                channel.bind(localAddress);
            }
            SelectionKey key;
            if (channel.connect(address)) {
                key = LOOPS.io(loop).register(channel, 0, null);
            } else {
                Future<Void> connected = loop.createFuture();
                key = LOOPS.io(loop).register(channel, SelectionKey.OP_CONNECT, null);
                key.attach(new ConnectWaiter(key, connected));
                Awaiting.await(connected);
                channel.finishConnect();
            }
            return new Connected(channel, key);
        } catch (IOException e) {
            Channels.closeQuietly(channel);
            throw withAddress(e, address);
        } catch (RuntimeException | Error e) {
            Channels.closeQuietly(channel);
            throw e;
        }
    }

    private static IOException withAddress(IOException error, SocketAddress address) {
        if (error instanceof java.net.ConnectException) {
            java.net.ConnectException named = new java.net.ConnectException(
                    "Connect call failed " + address + ": " + error.getMessage());
            named.initCause(error);
            return named;
        }
        return error;
    }

    static IOException combine(List<IOException> errors) {
        if (errors.size() == 1) {
            return errors.getFirst();
        }
        String first = errors.getFirst().getMessage();
        boolean same = errors.stream().allMatch(e -> String.valueOf(e.getMessage()).equals(String.valueOf(first)));
        IOException combined = same ? errors.getFirst() : new java.net.ConnectException("Multiple exceptions: " + errors);
        for (IOException error : errors) {
            if (error != combined) {
                combined.addSuppressed(error);
            }
        }
        return combined;
    }

    /** Completes a future when the selector reports the connect finished (or failed). */
    private record ConnectWaiter(SelectionKey key, Future<Void> connected) implements IoHandler {
        @Override
        public void run() {
            if (key.isValid()) {
                key.interestOps(0);
            }
            if (!connected.isDone()) {
                connected.setResult(null);
            }
        }
    }
}
