// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.Transport;

/** Upgrades a connection in progress to TLS: asyncio's {@code loop.start_tls}. */
public final class TlsUpgrade {
    private TlsUpgrade() {
    }

    /**
     * Puts a TLS layer between {@code transport} and {@code protocol}, runs the handshake and
     * returns the transport the protocol must use from now on. The protocol's
     * {@code connectionMade} is not called again. On failure the connection is aborted.
     */
    public static Transport startTls(EventLoop loop, Transport transport, BaseProtocol protocol, SSLContext context,
                                     boolean serverSide, String serverHostname, Duration handshakeTimeout,
                                     Duration shutdownTimeout) throws IOException {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(context, "context");
        if (transport.isClosing()) {
            throw new IllegalStateException("the transport is closing: it cannot start TLS");
        }
        if (!serverSide && serverHostname == null) {
            throw new IllegalArgumentException("a TLS client needs the server's host name to verify its certificate"
                    + " (pass \"\" to skip host name verification)");
        }
        TlsSetup tls = new TlsSetup(context, serverSide ? "" : serverHostname, handshakeTimeout, shutdownTimeout, List.of());
        int port = transport.getExtraInfo("peername") instanceof InetSocketAddress peer ? peer.getPort() : -1;
        Future<Void> handshake = loop.createFuture();
        TlsLayer layer = new TlsLayer(loop, serverSide ? tls.serverEngine() : tls.clientEngine(port), protocol, handshake,
                tls, false);
        transport.setProtocol(layer);
        layer.connectionMade(transport);
        SelectorTransport.awaitStarted(handshake, transport::abort);
        return layer.appTransport();
    }
}
