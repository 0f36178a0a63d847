// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Optional settings for {@link Transports#createConnection} and {@link Streams#openConnection}:
 * the keyword arguments of asyncio's {@code loop.create_connection}. Immutable; each setter
 * returns a changed copy.
 *
 * {@snippet :
 * ConnectOptions options = ConnectOptions.defaults()
 *         .ssl(SSLContext.getDefault())          // TLS, verifying the server's certificate and name
 *         .alpnProtocols("h2", "http/1.1");
 * }
 */
public final class ConnectOptions {
    private static final ConnectOptions DEFAULTS = new ConnectOptions();

    private SocketAddress localAddress;
    private TlsOptions tls = TlsOptions.defaults();
    private String serverHostname;
    private Duration happyEyeballsDelay;

    private ConnectOptions() {
    }

    /** {@return plain TCP, no local address, addresses tried one after another} */
    public static ConnectOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with one setting changed. */
    private ConnectOptions with(Consumer<ConnectOptions> change) {
        ConnectOptions c = copy();
        change.accept(c);
        return c;
    }

    private ConnectOptions copy() {
        ConnectOptions c = new ConnectOptions();
        c.localAddress = localAddress;
        c.tls = tls;
        c.serverHostname = serverHostname;
        c.happyEyeballsDelay = happyEyeballsDelay;
        return c;
    }

    /**
     * Binds the socket to {@code address} before connecting (asyncio's {@code local_addr}); null: any.
     *
     * @param address the local address to bind to, or null for any
     * @return a copy with that local address
     */
    public ConnectOptions localAddress(SocketAddress address) {
        return with(c -> c.localAddress = address);
    }

    /**
     * Speaks TLS with {@code context} (asyncio's {@code ssl}); null: plain TCP. The server's
     * certificate is checked against the context's trust store and against the server name.
     *
     * @param context the keys and trust, or null for plain TCP
     * @return a copy with that TLS context
     */
    public ConnectOptions ssl(SSLContext context) {
        return with(c -> c.tls = tls.context(context));
    }

    /**
     * All the TLS settings at once (the context, both timeouts, ALPN), as
     * {@link ServerOptions#tls(TlsOptions)} takes them too.
     *
     * @param tls the TLS settings
     * @return a copy with those TLS settings
     */
    public ConnectOptions tls(TlsOptions tls) {
        Objects.requireNonNull(tls, "tls");
        return with(c -> c.tls = tls);
    }

    /**
     * The name the server's certificate must carry, also sent as SNI (asyncio's
     * {@code server_hostname}); null (the default): the host connected to; the empty string
     * turns host name verification off.
     *
     * @param name the expected server name, null for the host connected to, or "" for no check
     * @return a copy with that server name
     */
    public ConnectOptions serverHostname(String name) {
        return with(c -> c.serverHostname = name);
    }

    /**
     * How long the TLS handshake may take before the connection is aborted (default 60 s).
     *
     * @param timeout the longest handshake
     * @return a copy with that handshake timeout
     * @throws IllegalArgumentException unless positive
     */
    public ConnectOptions sslHandshakeTimeout(Duration timeout) {
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
    public ConnectOptions sslShutdownTimeout(Duration timeout) {
        return with(c -> c.tls = tls.shutdownTimeout(timeout));
    }

    /**
     * The application protocols to offer through ALPN, most preferred first.
     *
     * @param protocols the protocol names, most preferred first
     * @return a copy offering those protocols
     */
    public ConnectOptions alpnProtocols(String... protocols) {
        return with(c -> c.tls = tls.alpnProtocols(protocols));
    }

    /**
     * Races connection attempts to the resolved addresses as RFC 8305 ("Happy Eyeballs")
     * describes, starting the next one {@code delay} after the previous (asyncio's
     * {@code happy_eyeballs_delay}; RFC 8305 suggests 250 ms); null (the default): one after another.
     *
     * @param delay the head start of each attempt over the next, or null for one after another
     * @return a copy with that delay
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public ConnectOptions happyEyeballsDelay(Duration delay) {
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("the Happy Eyeballs delay cannot be negative: " + delay);
        }
        return with(c -> c.happyEyeballsDelay = delay);
    }

    /** {@return the local address to bind to, or null for any} */
    public SocketAddress localAddress() {
        return localAddress;
    }

    /** {@return the TLS context, or null for plain TCP} */
    public SSLContext ssl() {
        return tls.context();
    }

    /** {@return the TLS settings} */
    public TlsOptions tls() {
        return tls;
    }

    /** {@return the expected server name, null for the host connected to, or "" for no check} */
    public String serverHostname() {
        return serverHostname;
    }

    /** {@return how long the TLS handshake may take} */
    public Duration sslHandshakeTimeout() {
        return tls.handshakeTimeout();
    }

    /** {@return how long closing a TLS connection waits for the peer's close_notify} */
    public Duration sslShutdownTimeout() {
        return tls.shutdownTimeout();
    }

    /** {@return the application protocols offered through ALPN, most preferred first} */
    public List<String> alpnProtocols() {
        return tls.alpnProtocols();
    }

    /** {@return the Happy Eyeballs delay, or null if addresses are tried one after another} */
    public Duration happyEyeballsDelay() {

        return happyEyeballsDelay;
    }

    @Override
    public String toString() {
        return "ConnectOptions[localAddress=" + localAddress + ", ssl=" + tls.enabled() + ", serverHostname="
                + Objects.toString(serverHostname, "(host)") + ", alpn=" + tls.alpnProtocols() + ", happyEyeballsDelay="
                + happyEyeballsDelay + "]";
    }
}
