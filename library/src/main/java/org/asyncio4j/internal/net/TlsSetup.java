// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.asyncio4j.net.TlsOptions;

/**
 * How to make the {@link SSLEngine} of one TLS connection.
 *
 * @param context the keys and trust
 * @param serverHostname client side: the name to verify and send as SNI; empty: no verification
 * @param handshakeTimeout how long the handshake may take
 * @param shutdownTimeout how long closing waits for the peer's close_notify
 * @param alpn application protocols for ALPN, most preferred first (may be empty)
 */
public record TlsSetup(SSLContext context, String serverHostname, Duration handshakeTimeout, Duration shutdownTimeout,
                       List<String> alpn) {

    /** The setup for {@code options} (which speak TLS), verifying {@code serverHostname} (client side; "" for none or a server). */
    public static TlsSetup of(TlsOptions options, String serverHostname) {
        return new TlsSetup(options.context(), serverHostname, options.handshakeTimeout(), options.shutdownTimeout(),
                options.alpnProtocols());
    }

    double handshakeTimeoutSeconds() {
        return handshakeTimeout.toNanos() / 1e9;
    }

    double shutdownTimeoutSeconds() {
        return shutdownTimeout.toNanos() / 1e9;
    }

    /** A client engine for a connection to {@code port}: host name verification unless the name is empty, SNI for names. */
    SSLEngine clientEngine(int port) {
        boolean verify = !serverHostname.isEmpty();
        SSLEngine engine = verify ? context.createSSLEngine(serverHostname, port) : context.createSSLEngine();
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        if (verify) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isLiteral(serverHostname)) {
                parameters.setServerNames(List.of(new SNIHostName(serverHostname)));
            }
        }
        if (!alpn.isEmpty()) {
            parameters.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** A server engine. */
    SSLEngine serverEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        if (!alpn.isEmpty()) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setApplicationProtocols(alpn.toArray(String[]::new));
            engine.setSSLParameters(parameters);
        }
        return engine;
    }

    private static boolean isLiteral(String host) {
        try {
            InetAddress.ofLiteral(host);
            return true;
        } catch (IllegalArgumentException name) {
            return false;
        }
    }
}
