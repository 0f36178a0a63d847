// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedDescriptors.class)
class TlsTest {
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void certificates() throws Exception {
        serverContext = TestCertificates.server();
        clientContext = TestCertificates.client();
    }

    private static ServerOptions tlsServer() {
        return ServerOptions.defaults().ssl(serverContext);
    }

    private static ConnectOptions tlsClient() {
        return ConnectOptions.defaults().ssl(clientContext);
    }

    private static Server startEcho(ServerOptions options) throws Exception {
        return Streams.startServer(StreamsTest.ECHO_LINES, "127.0.0.1", 0, options, StreamReader.DEFAULT_LIMIT);
    }

    private static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    @Test
    void streamsEchoOverTlsWithTheSessionInTheExtraInfo() {
        Asyncio.run(() -> {
            Server server = startEcho(tlsServer());
            try (StreamConnection c = Streams.openConnection("localhost", server.port(), tlsClient(), StreamReader.DEFAULT_LIMIT)) {
                c.writer().write("secret\n".getBytes(US_ASCII));
                assertThat(text(c.reader().readline())).isEqualTo("secret\n");
                assertThat(c.writer().canWriteEof()).isFalse();
                assertThat((String) c.writer().getExtraInfo("protocol")).startsWith("TLSv1.");
                assertThat(c.writer().getExtraInfo("cipher")).isNotNull();
                Certificate[] chain = (Certificate[]) c.writer().getExtraInfo("peercert");
                assertThat(((X509Certificate) chain[0]).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
                assertThat(c.writer().getExtraInfo("peername")).isNotNull(); // from the socket underneath
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void bothSidesAnswerEveryExtraInfoKeyOfAsyncioTls() {
        Asyncio.run(() -> {
            Future<Map<String, Object>> serverSide = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> {
                Map<String, Object> seen = new HashMap<>();
                for (String key : List.of("sslcontext", "ssl_object", "peercert", "cipher", "compression")) {
                    seen.put(key, writer.getExtraInfo(key, "absent"));
                }
                serverSide.setResult(seen);
                writer.close();
            }, "127.0.0.1", 0, tlsServer(), StreamReader.DEFAULT_LIMIT);
            try (StreamConnection c = Streams.openConnection("localhost", server.port(), tlsClient(), StreamReader.DEFAULT_LIMIT)) {
                StreamWriter w = c.writer();
                assertThat(w.getExtraInfo("sslcontext")).isSameAs(clientContext);
                assertThat(w.getExtraInfo("ssl_object")).isInstanceOf(SSLEngine.class);
                assertThat(w.getExtraInfo("peercert")).isInstanceOf(Certificate[].class);
                assertThat(w.getExtraInfo("cipher")).isInstanceOf(String.class);
                // JSSE has no TLS compression: asyncio's None, a key that is there with no value
                assertThat(w.getExtraInfo("compression", "absent")).isNull();
                Map<String, Object> seen = serverSide.await();
                assertThat(seen.get("sslcontext")).isSameAs(serverContext);
                assertThat(seen.get("ssl_object")).isInstanceOf(SSLEngine.class);
                assertThat(seen.get("peercert")).as("a client without a certificate").isNull();
                assertThat(seen.get("cipher")).isEqualTo(w.getExtraInfo("cipher"));
                assertThat(seen.get("compression")).isNull();
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void theServerSeesTheNameTheClientAskedForThroughSni() {
        Asyncio.run(() -> {
            Future<Object> requested = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    requested.setResult(((ExtendedSSLSession) writer.getExtraInfo("ssl_session")).getRequestedServerNames());
                }
            }, "127.0.0.1", 0, tlsServer(), StreamReader.DEFAULT_LIMIT);
            try (StreamConnection c = Streams.openConnection("localhost", server.port(), tlsClient(), StreamReader.DEFAULT_LIMIT)) {
                assertThat(requested.await()).isEqualTo(List.of(new SNIHostName("localhost")));
                assertThat(c.reader().read()).isEmpty();
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void anIpAddressInTheCertificateVerifiesToo() {
        Asyncio.run(() -> {
            Server server = startEcho(tlsServer());
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port(), tlsClient(), StreamReader.DEFAULT_LIMIT)) {
                c.writer().write("by address\n".getBytes(US_ASCII));
                assertThat(text(c.reader().readline())).isEqualTo("by address\n");
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void hostNameVerificationIsOnByDefault() {
        Asyncio.run(() -> {
            Server server = startEcho(tlsServer());
            assertThatThrownBy(() -> Streams.openConnection("localhost", server.port(),
                    tlsClient().serverHostname("wrong.example"), StreamReader.DEFAULT_LIMIT))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("wrong.example");
            try (StreamConnection c = Streams.openConnection("localhost", server.port(),
                    tlsClient().serverHostname(""), StreamReader.DEFAULT_LIMIT)) {
                c.writer().write("unchecked name\n".getBytes(US_ASCII));
                assertThat(text(c.reader().readline())).isEqualTo("unchecked name\n");
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void anUntrustedCertificateFailsTheHandshakeWithAClearError() {
        Asyncio.run(() -> {
            List<Object> reported = new ArrayList<>();
            Asyncio.getRunningLoop().setExceptionHandler((loop, context) -> reported.add(context));
            Server server = startEcho(tlsServer());
            assertThatThrownBy(() -> Streams.openConnection("localhost", server.port(),
                    ConnectOptions.defaults().ssl(SSLContext.getDefault()), StreamReader.DEFAULT_LIMIT))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("PKIX path building failed");
            server.close();
            server.waitClosed(); // the server's side of the failed connection is gone too
            assertThat(reported).isEmpty();
        });
    }

    @Test
    void alpnAgreesOnAProtocolBothSidesSpeak() {
        Asyncio.run(() -> {
            Server server = startEcho(tlsServer().alpnProtocols("http/1.1"));
            try (StreamConnection c = Streams.openConnection("localhost", server.port(),
                    tlsClient().alpnProtocols("h2", "http/1.1"), StreamReader.DEFAULT_LIMIT)) {
                assertThat(c.writer().getExtraInfo("alpn_protocol")).isEqualTo("http/1.1");
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aHandshakeThatNeverEndsTimesOut() {
        Asyncio.run(() -> {
            Server silent = Transports.createServer(() -> new Protocol() {}, "127.0.0.1", 0);
            long start = System.nanoTime();
            assertThatThrownBy(() -> Streams.openConnection("localhost", silent.port(),
                    tlsClient().sslHandshakeTimeout(Duration.ofMillis(200)), StreamReader.DEFAULT_LIMIT))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("took longer than 0.2 seconds");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            silent.close();
            silent.closeClients();
            silent.waitClosed();
        });
    }

    @Test
    void cancellingATaskInTheMiddleOfAHandshakeClosesTheSocket() {
        Asyncio.run(() -> {
            Server silent = Transports.createServer(() -> new Protocol() {}, "127.0.0.1", 0);
            Task<StreamConnection> connecting = Asyncio.createTask(() ->
                    Streams.openConnection("localhost", silent.port(), tlsClient(), StreamReader.DEFAULT_LIMIT));
            Asyncio.sleep(0.05);
            assertThat(connecting.isDone()).isFalse();
            connecting.cancel();
            assertThatThrownBy(connecting::await).isInstanceOf(CancelledError.class);
            silent.close();
            silent.closeClients();
            silent.waitClosed();
        });
    }

    @Test
    void closingSendsCloseNotifySoThePeerSeesACleanEnd() {
        Asyncio.run(() -> {
            Future<String> serverSaw = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    serverSaw.setResult(text(reader.read()) + "|eof=" + reader.atEof());
                }
            }, "127.0.0.1", 0, tlsServer(), StreamReader.DEFAULT_LIMIT);
            StreamConnection c = Streams.openConnection("localhost", server.port(), tlsClient(), StreamReader.DEFAULT_LIMIT);
            c.writer().write("last words".getBytes(US_ASCII));
            c.writer().close();
            c.writer().waitClosed();
            assertThat(serverSaw.await()).isEqualTo("last words|eof=true");
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void largeTransfersCrossManyRecordsBothWays() {
        byte[] payload = new byte[2 << 20];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i % 251);
        }
        Asyncio.run(() -> {
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    for (byte[] block; (block = reader.read(50_000)).length > 0; ) {
                        writer.write(block);
                        writer.drain();
                    }
                }
            }, "127.0.0.1", 0, tlsServer(), StreamReader.DEFAULT_LIMIT);
            try (StreamConnection c = Streams.openConnection("localhost", server.port(), tlsClient(), StreamReader.DEFAULT_LIMIT)) {
                Task<Void> sending = Asyncio.createTask(() -> {
                    c.writer().write(payload);
                    c.writer().drain();
                });
                byte[] echoed = c.reader().readexactly(payload.length);
                sending.await();
                assertThat(echoed).isEqualTo(payload);
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void startTlsUpgradesAPlainConnectionOnBothSides() {
        Asyncio.run(() -> {
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    assertThat(text(reader.readline())).isEqualTo("STARTTLS\n");
                    writer.write("GO\n".getBytes(US_ASCII));
                    writer.startTls(serverContext, null);
                    writer.write(("over " + writer.getExtraInfo("protocol") + ": ").getBytes(US_ASCII));
                    writer.write(reader.readline());
                }
            }, "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                c.writer().write("STARTTLS\n".getBytes(US_ASCII));
                assertThat(text(c.reader().readline())).isEqualTo("GO\n");
                assertThat(c.writer().getExtraInfo("cipher")).isNull();
                c.writer().startTls(clientContext, "localhost");
                assertThat(c.writer().getExtraInfo("cipher")).isNotNull();
                c.writer().write("hello\n".getBytes(US_ASCII));
                assertThat(text(c.reader().readline())).matches("over TLSv1\\.\\d: hello\n");
                assertThat(c.reader().read()).isEmpty();
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void startTlsWithoutAServerNameOnTheClientSideIsRefused() {
        Asyncio.run(() -> {
            Server server = startEcho(ServerOptions.defaults());
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                assertThatThrownBy(() -> c.writer().startTls(clientContext, null))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host name");
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aBufferedProtocolReceivesDecryptedBytesInItsOwnBuffer() {
        Asyncio.run(() -> {
            Server server = startEcho(tlsServer());
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8); // smaller than one record: filled in pieces
            StringBuilder received = new StringBuilder();
            Future<Void> gotAll = Asyncio.getRunningLoop().createFuture();
            Connection<BufferedProtocol> c = Transports.createConnection(() -> new BufferedProtocol() {
                @Override
                public java.nio.ByteBuffer getBuffer(int sizeHint) {
                    return buffer.clear();
                }

                @Override
                public void bufferUpdated(int bytes) {
                    received.append(new String(buffer.array(), 0, bytes, US_ASCII));
                    if (received.toString().endsWith("\n")) {
                        gotAll.setResult(null);
                    }
                }
            }, "localhost", server.port(), tlsClient());
            c.transport().write("a line longer than the buffer\n".getBytes(US_ASCII));
            gotAll.await();
            assertThat(received.toString()).isEqualTo("a line longer than the buffer\n");
            c.transport().close();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void tlsWorksOverUnixDomainSocketsWithAnExplicitServerName() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("asyncio4j-tls-unix");
        java.nio.file.Path socket = dir.resolve("tls.sock");
        try {
            Asyncio.run(() -> {
                Server server = Streams.startUnixServer(StreamsTest.ECHO_LINES, socket, tlsServer(), StreamReader.DEFAULT_LIMIT);
                assertThatThrownBy(() -> Streams.openUnixConnection(socket, tlsClient(), StreamReader.DEFAULT_LIMIT))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverHostname");
                try (StreamConnection c = Streams.openUnixConnection(socket, tlsClient().serverHostname("localhost"),
                        StreamReader.DEFAULT_LIMIT)) {
                    c.writer().write("over unix and tls\n".getBytes(US_ASCII));
                    assertThat(text(c.reader().readline())).isEqualTo("over unix and tls\n");
                    assertThat(c.writer().getExtraInfo("cipher")).isNotNull();
                }
                server.close();
                server.waitClosed();
            });
        } finally {
            java.nio.file.Files.deleteIfExists(socket);
            java.nio.file.Files.delete(dir);
        }
    }

    @Test
    void closingWaitsForThePeersCloseNotifyButOnlyUpToTheShutdownTimeout() throws Exception {
        // A TLS peer that completes the handshake and then neither reads nor answers.
        try (javax.net.ssl.SSLServerSocket listener = (javax.net.ssl.SSLServerSocket)
                serverContext.getServerSocketFactory().createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread peer = Thread.ofPlatform().start(() -> {
                try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) listener.accept()) {
                    socket.startHandshake();
                    release.await();
                } catch (Exception ignored) {
                    // the test fails on its own side if the peer breaks
                }
            });
            try {
                Asyncio.run(() -> {
                    StreamConnection c = Streams.openConnection("localhost", listener.getLocalPort(),
                            tlsClient().sslShutdownTimeout(Duration.ofSeconds(1)), StreamReader.DEFAULT_LIMIT);
                    c.writer().close();
                    Task<Void> closing = Asyncio.createTask(() -> c.writer().waitClosed());
                    Asyncio.sleep(0.05);
                    assertThat(closing.isDone()).as("still waiting for the peer's close_notify").isFalse();
                    closing.await(); // the shutdown timeout closes the socket
                    assertThat(c.writer().isClosing()).isTrue();
                });
            } finally {
                release.countDown();
                peer.join();
            }
        }
    }
}
