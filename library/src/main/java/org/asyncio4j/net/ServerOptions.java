// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Optional settings for {@link Transports#createServer} and {@link Streams#startServer}: the
 * keyword arguments of asyncio's {@code loop.create_server}. Immutable; each setter returns a
 * changed copy.
 *
 * {@snippet :
 * ServerOptions options = ServerOptions.defaults().backlog(1024).startServing(false);
 * }
 */
public final class ServerOptions {
    private static final ServerOptions DEFAULTS = new ServerOptions();

    private int backlog = 100;
    private boolean reuseAddress = true;
    private boolean reusePort;
    private boolean startServing = true;
    private TlsOptions tls = TlsOptions.defaults();
    private boolean cleanupSocket = true;

    private ServerOptions() {
    }

    /**
     * Backlog 100, reuse-address on, reuse-port off, serving at once, no TLS, Unix-domain socket
     * files cleaned up: asyncio's defaults on Unix.
     *
     * @return the default options
     */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with one setting changed. */
    private ServerOptions with(Consumer<ServerOptions> change) {
        ServerOptions c = copy();
        change.accept(c);
        return c;
    }

    private ServerOptions copy() {
        ServerOptions c = new ServerOptions();
        c.backlog = backlog;
        c.reuseAddress = reuseAddress;
        c.reusePort = reusePort;
        c.startServing = startServing;
        c.tls = tls;
        c.cleanupSocket = cleanupSocket;
        return c;
    }

    /**
     * The listen queue length, also how many connections one readiness event accepts at most.
     *
     * @param backlog the listen queue length
     * @return a copy with that backlog
     * @throws IllegalArgumentException if {@code backlog} is not positive
     */
    public ServerOptions backlog(int backlog) {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be positive, not " + backlog);
        }
        return with(c -> c.backlog = backlog);
    }

    /**
     * {@code SO_REUSEADDR}: rebind a port whose old connections linger in TIME_WAIT.
     *
     * @param on whether to set {@code SO_REUSEADDR}
     * @return a copy with that setting
     */
    public ServerOptions reuseAddress(boolean on) {
        return with(c -> c.reuseAddress = on);
    }

    /**
     * {@code SO_REUSEPORT}: let several sockets (processes) listen on the same port.
     *
     * @param on whether to set {@code SO_REUSEPORT}
     * @return a copy with that setting
     */
    public ServerOptions reusePort(boolean on) {
        return with(c -> c.reusePort = on);
    }

    /**
     * Whether to accept at once (true) or only after {@link Server#startServing()} or
     * {@link Server#serveForever()}.
     *
     * @param on true to accept at once
     * @return a copy with that setting
     */
    public ServerOptions startServing(boolean on) {
        return with(c -> c.startServing = on);
    }

    /**
     * Speaks TLS with {@code context}, which holds the server's key and certificate (asyncio's {@code ssl}).
     *
     * @param context the server's keys and trust, or null for plain TCP
     * @return a copy with that TLS context
     */
    public ServerOptions ssl(SSLContext context) {
        return with(c -> c.tls = tls.context(context));
    }

    /**
     * All the TLS settings at once (the context, both timeouts, ALPN), as
     * {@link ConnectOptions#tls(TlsOptions)} takes them too.
     *
     * @param tls the TLS settings
     * @return a copy with those TLS settings
     */
    public ServerOptions tls(TlsOptions tls) {
        Objects.requireNonNull(tls, "tls");
        return with(c -> c.tls = tls);
    }

    /**
     * How long a client's TLS handshake may take before its connection is aborted (default 60 s).
     *
     * @param timeout the longest handshake
     * @return a copy with that handshake timeout
     * @throws IllegalArgumentException unless positive
     */
    public ServerOptions sslHandshakeTimeout(Duration timeout) {
        return with(c -> c.tls = tls.handshakeTimeout(timeout));
    }

    /**
     * How long closing a TLS connection waits for the peer's close_notify before closing the
     * socket anyway (asyncio's {@code ssl_shutdown_timeout}; default 30 s).
     *
     * @param timeout the longest wait for the peer's close_notify
     * @return a copy with that shutdown timeout
     * @throws IllegalArgumentException unless positive
     */
    public ServerOptions sslShutdownTimeout(Duration timeout) {
        return with(c -> c.tls = tls.shutdownTimeout(timeout));
    }

    /**
     * The application protocols the server accepts through ALPN, most preferred first.
     *
     * @param protocols the protocol names, most preferred first
     * @return a copy accepting those protocols
     */
    public ServerOptions alpnProtocols(String... protocols) {
        return with(c -> c.tls = tls.alpnProtocols(protocols));
    }

    /**
     * Unix-domain servers: whether closing the server removes its socket file (default true;
     * asyncio 3.13's {@code cleanup_socket}). The file is removed only if it is still the one the
     * server bound, not one another server has bound at the same path since. Whatever this says,
     * a socket file left at the path by a server that is gone is removed before binding, as asyncio
     * does; any other kind of file there makes the bind fail. TCP servers ignore it.
     *
     * @param on whether closing the server removes its socket file
     * @return a copy with that setting
     */
    public ServerOptions cleanupSocket(boolean on) {
        return with(c -> c.cleanupSocket = on);
    }

    /** {@return the listen queue length} */
    public int backlog() {
        return backlog;
    }

    /** {@return whether {@code SO_REUSEADDR} is set} */
    public boolean reuseAddress() {
        return reuseAddress;
    }

    /** {@return whether {@code SO_REUSEPORT} is set} */
    public boolean reusePort() {
        return reusePort;
    }

    /** {@return whether the server accepts at once} */
    public boolean startServing() {
        return startServing;
    }

    /** {@return the TLS context, or null for plain TCP} */
    public SSLContext ssl() {
        return tls.context();
    }

    /** {@return the TLS settings} */
    public TlsOptions tls() {
        return tls;
    }

    /** {@return how long a client's TLS handshake may take} */
    public Duration sslHandshakeTimeout() {
        return tls.handshakeTimeout();
    }

    /** {@return how long closing a TLS connection waits for the peer's close_notify} */
    public Duration sslShutdownTimeout() {
        return tls.shutdownTimeout();
    }

    /** {@return the application protocols accepted through ALPN, most preferred first} */
    public List<String> alpnProtocols() {
        return tls.alpnProtocols();
    }

    /** {@return whether closing a Unix-domain server removes its socket file} */
    public boolean cleanupSocket() {

        return cleanupSocket;
    }
}
