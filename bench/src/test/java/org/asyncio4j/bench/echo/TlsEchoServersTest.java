// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asyncio4j.bench.echo.EchoServersTest.message;
import static org.asyncio4j.bench.echo.EchoServersTest.readyPort;
import static org.asyncio4j.bench.echo.EchoServersTest.roundTrip;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tls case's servers, started as {@code bench/run} starts them ({@code 0 --tls KEYSTORE.p12}):
 * they echo every byte over TLS 1.3 and exit with status 0 on SIGTERM; and the C load generator
 * ({@code loadgen/tls_load.c}, built here when gcc and OpenSSL's headers are present) runs each of
 * its modes against them, and against the Python peer, without an error.
 */
@Timeout(120)
class TlsEchoServersTest {
    @TempDir
    static Path shared;
    private static Path keystore; // one key pair for every test: keytool takes a while

    @BeforeAll
    static void makeTheKeystore() throws Exception {
        keystore = shared.resolve("cert.p12");
        int status = run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", BenchTls.PASSWORD));
        assertThat(status).as("keytool").isZero();
    }

    @ParameterizedTest
    @ValueSource(classes = {StreamsEchoServer.class, ProtocolEchoServer.class})
    void echoesEveryByteOverTls13AndExitsCleanlyOnSigterm(Class<?> main, @TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process server = javaServer(main, keystore, stderr);
        try {
            int port = readyPort(server);
            try (SSLSocket a = client(keystore, port); SSLSocket b = client(keystore, port)) {
                roundTrip(a, message(1, 1));
                roundTrip(b, message(64, 2));
                roundTrip(a, message(16 * 1024, 3));
                roundTrip(b, message(1 << 20, 4)); // more than the socket buffers hold: the server must pause and resume
                assertThat(a.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(Files.readString(stderr)).as("the server's stderr").doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void theTlsLoadGeneratorRunsEveryModeWithoutErrors(@TempDir Path dir) throws Exception {
        Path loadgen = buildLoadGenerator(dir);
        Process server = javaServer(ProtocolEchoServer.class, keystore, dir.resolve("stderr.txt"));
        try {
            int port = readyPort(server);
            // handshakes first, for 2 s: a cold JVM's first handshakes are slow (the streams server's
            // TLS path is the one of the test above)
            for (String mode : List.of("--handshakes", "--size=64", "--size=16384")) {
                assertCleanRun(loadgen, port, mode, mode.equals("--handshakes") ? 2 : 1, "ProtocolEchoServer");
            }
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void thePythonPeerServesTheLoadGeneratorOnEveryLoopThatIsInstalled(@TempDir Path dir) throws Exception {
        Path loadgen = buildLoadGenerator(dir);
        Path python = Path.of(System.getenv().getOrDefault("PY", "/usr/bin/python3"));
        assumeTrue(Files.isExecutable(python), "no Python at " + python + " (the asyncio and uvloop peers are missing)");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        assumeTrue(run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost")) == 0, "no openssl to make a PEM certificate");
        List<String> loops = new ArrayList<>(List.of("asyncio"));
        if (run(List.of(python.toString(), "-c", "import uvloop")) == 0) {
            loops.add("uvloop");
        }
        for (String loop : loops) {
            for (String mode : List.of("streams", "protocol")) {
                Process server = new ProcessBuilder(python.toString(), "peers/python/tls_echo_server.py", "--loop", loop,
                        "--mode", mode, "--cert", cert.toString(), "--key", key.toString())
                        .redirectError(dir.resolve("python.err").toFile()).start();
                try {
                    int port = readyPort(server);
                    assertCleanRun(loadgen, port, "--size=64", 0.3, loop + " " + mode);
                    assertCleanRun(loadgen, port, "--handshakes", 0.3, loop + " " + mode);
                } finally {
                    server.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static void assertCleanRun(Path loadgen, int port, String mode, double seconds, String server) throws Exception {
        Process load = new ProcessBuilder(loadgen.toString(), "--port", String.valueOf(port), "--conns", "4",
                "--seconds", String.valueOf(seconds), mode).redirectErrorStream(true).start();
        String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(load.waitFor()).as("%s %s: %s", server, mode, out).isZero();
        assertThat(out).as("%s %s", server, mode).contains("\"errors\":0")
                .contains("\"tls\":\"TLSv1.3 TLS_AES_128_GCM_SHA256 X25519\"").doesNotContain("\"requests\":0,");
    }

    /** tls_load, as bench/run builds it; the test is skipped (with the reason) where it cannot be built. */
    private static Path buildLoadGenerator(Path dir) throws Exception {
        Path binary = dir.resolve("tls_load");
        int status = run(List.of("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", binary.toString(), "loadgen/tls_load.c",
                "-lssl", "-lcrypto"));
        assumeTrue(status == 0, "loadgen/tls_load.c does not build here (gcc and OpenSSL's headers: apt-get install -y gcc libssl-dev)");
        return binary;
    }

    private static int run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(System.err);
            return p.waitFor();
        } catch (IOException notInstalled) {
            return -1;
        }
    }

    private static Process javaServer(Class<?> main, Path keystore, Path stderr) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                main.getName(), "0", "--tls", keystore.toString())
                .redirectError(stderr.toFile()).start();
    }

    private static SSLSocket client(Path keystore, int port) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, BenchTls.PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trust.getTrustManagers(), null);
        return (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    }
}
