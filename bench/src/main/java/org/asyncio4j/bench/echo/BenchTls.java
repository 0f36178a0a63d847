// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The {@code tls} case's server context: the key and self-signed certificate (ECDSA P-256) that
 * {@code bench/run} generates with openssl into a PKCS#12 file (password {@value #PASSWORD}), in the JDK's own
 * provider (SunJSSE) with its defaults; the load generator offers only TLS 1.3,
 * TLS_AES_128_GCM_SHA256 and X25519, so every server negotiates those.
 *
 * {@snippet :
 * ServerOptions options = ServerOptions.defaults().ssl(BenchTls.serverContext(Path.of("bench/target/tls/cert.p12")));
 * }
 */
public final class BenchTls {
    /** The keystore's password, as {@code bench/run} writes it. */
    public static final String PASSWORD = "benchtls";

    private BenchTls() {
    }

    /** A TLS server context holding the key and certificate of the PKCS#12 file {@code keystore}. */
    public static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
