// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The TLS settings a client ({@link ConnectOptions}) and a server ({@link ServerOptions}) share:
 * asyncio's {@code ssl}, {@code ssl_handshake_timeout} and {@code ssl_shutdown_timeout}
 * arguments, and the ALPN protocols. Immutable; each setter returns a changed copy.
 *
 * {@snippet :
 * TlsOptions tls = TlsOptions.defaults().context(SSLContext.getDefault()).alpnProtocols("h2", "http/1.1");
 * ConnectOptions options = ConnectOptions.defaults().tls(tls);
 * }
 *
 * @param context the keys and trust; null: no TLS, plain bytes
 * @param handshakeTimeout how long the handshake may take before the connection is aborted (60 s by default)
 * @param shutdownTimeout how long closing waits for the peer's close_notify before closing the socket anyway (30 s by default)
 * @param alpnProtocols the application protocols to offer or accept through ALPN, most preferred first
 */
public record TlsOptions(SSLContext context, Duration handshakeTimeout, Duration shutdownTimeout, List<String> alpnProtocols) {
    private static final TlsOptions DEFAULTS = new TlsOptions(null, Duration.ofSeconds(60), Duration.ofSeconds(30), List.of());

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException unless both timeouts are positive
     */
    public TlsOptions {
        checkTimeout(handshakeTimeout, "handshakeTimeout");
        checkTimeout(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(alpnProtocols, "alpnProtocols");
        for (String protocol : alpnProtocols) {
            Objects.requireNonNull(protocol, "alpnProtocols contains null");
        }
        alpnProtocols = List.copyOf(alpnProtocols);
    }

    /** {@return options with no TLS, the default timeouts and no ALPN} */
    public static TlsOptions defaults() {
        return DEFAULTS;
    }

    /** {@return whether these settings speak TLS at all (a context is set)} */
    public boolean enabled() {
        return context != null;
    }

    /**
     * {@return a copy that speaks TLS with {@code context}}
     *
     * @param context the keys and trust, or null for plain bytes
     */
    public TlsOptions context(SSLContext context) {
        return new TlsOptions(context, handshakeTimeout, shutdownTimeout, alpnProtocols);
    }

    /**
     * {@return a copy with another handshake timeout}
     *
     * @param timeout how long the handshake may take before the connection is aborted
     * @throws IllegalArgumentException unless {@code timeout} is positive
     */
    public TlsOptions handshakeTimeout(Duration timeout) {
        checkTimeout(timeout, "timeout");
        return new TlsOptions(context, timeout, shutdownTimeout, alpnProtocols);
    }

    /**
     * {@return a copy with another shutdown timeout}
     *
     * @param timeout how long closing waits for the peer's close_notify
     * @throws IllegalArgumentException unless {@code timeout} is positive
     */
    public TlsOptions shutdownTimeout(Duration timeout) {
        checkTimeout(timeout, "timeout");
        return new TlsOptions(context, handshakeTimeout, timeout, alpnProtocols);
    }

    /**
     * {@return a copy with other ALPN protocols}
     *
     * @param protocols the application protocols to offer or accept, most preferred first
     */

    public TlsOptions alpnProtocols(String... protocols) {
        Objects.requireNonNull(protocols, "protocols");
        for (String protocol : protocols) {
            Objects.requireNonNull(protocol, "protocols contains null");
        }
        return new TlsOptions(context, handshakeTimeout, shutdownTimeout, List.of(protocols));
    }

    private static void checkTimeout(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a TLS timeout must be positive, not " + timeout);
        }
    }

    @Override
    public String toString() {
        return "TlsOptions[" + (context != null ? "on" : "off") + ", handshakeTimeout=" + handshakeTimeout
                + ", shutdownTimeout=" + shutdownTimeout + ", alpn=" + alpnProtocols + "]";
    }
}
