// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedDescriptors.class)
class StreamsTest {

    static final ClientConnectedHandler ECHO_LINES = (reader, writer) -> {
        try (writer) {
            for (byte[] line : reader) {
                writer.write(line);
                writer.drain();
            }
        }
    };

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    @Test
    @SuppressWarnings("try") // closes the server inside its try-with-resources to check isServing
    void echoServerAnswersLineByLine() {
        Asyncio.run(() -> {
            try (Server server = Streams.startServer(ECHO_LINES, "127.0.0.1", 0)) {
                assertThat(server.isServing()).isTrue();
                assertThat(server.getLoop()).isSameAs(Asyncio.getRunningLoop());
                assertThat(server.addresses()).containsExactly(new InetSocketAddress("127.0.0.1", server.port()));
                assertThat(server.sockets()).hasSize(1);
                try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                    c.writer().writelines(List.of(bytes("first\n"), bytes("second\n")));
                    c.writer().drain();
                    assertThat(text(c.reader().readline())).isEqualTo("first\n");
                    assertThat(text(c.reader().readline())).isEqualTo("second\n");
                    assertThat(c.writer().getExtraInfo("peername")).isEqualTo(server.addresses().getFirst());
                }
                server.close();
                assertThat(server.isServing()).isFalse();
                assertThat(server.sockets()).isEmpty();
                assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
                server.waitClosed();
            }
        });
    }

    @Test
    void writeEofLetsTheServerReadToTheEndAndAnswer() {
        Asyncio.run(() -> {
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    byte[] all = reader.read();
                    writer.write(bytes("got " + all.length + " bytes"));
                }
            }, "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                c.writer().write(new byte[100_000]);
                c.writer().writeEof();
                assertThat(text(c.reader().read())).isEqualTo("got 100000 bytes");
                assertThat(c.reader().atEof()).isTrue();
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void waitClosedReturnsOnceTheConnectionIsClosed() {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ECHO_LINES, "127.0.0.1", 0);
            StreamConnection c = Streams.openConnection("127.0.0.1", server.port());
            assertThat(c.writer().isClosing()).isFalse();
            c.writer().close();
            assertThat(c.writer().isClosing()).isTrue();
            c.writer().waitClosed();
            assertThatThrownBy(() -> c.writer().drain()).isInstanceOf(java.net.SocketException.class)
                    .hasMessage("Connection lost");
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void serverCloseKeepsConnectedClientsAndWaitClosedWaitsForThem() {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ECHO_LINES, "127.0.0.1", 0);
            int port = server.port();
            StreamConnection c = Streams.openConnection("127.0.0.1", port);
            server.close();
            Task<Void> waiting = Asyncio.createTask(server::waitClosed);
            assertThatThrownBy(() -> Streams.openConnection("127.0.0.1", port)).isInstanceOf(java.net.ConnectException.class);
            c.writer().write(bytes("still served\n"));
            assertThat(text(c.reader().readline())).isEqualTo("still served\n");
            assertThat(waiting.isDone()).isFalse();
            c.writer().close();
            waiting.await();
            Streams.startServer(ECHO_LINES, "127.0.0.1", port).close(); // the port was free again at once
        });
    }

    @Test
    void closeClientsAndAbortClientsEndTheServersConnections() {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ECHO_LINES, "127.0.0.1", 0);
            StreamConnection a = Streams.openConnection("127.0.0.1", server.port());
            StreamConnection b = Streams.openConnection("127.0.0.1", server.port());
            a.writer().write(bytes("x\n"));
            b.writer().write(bytes("y\n"));
            a.reader().readline();
            b.reader().readline();
            server.closeClients();
            assertThat(a.reader().read()).isEmpty();
            server.abortClients(); // nothing left to abort: harmless
            assertThat(b.reader().read()).isEmpty();
            a.close();
            b.close();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void serveForeverServesUntilCancelledThenClosesTheServer() {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ECHO_LINES, "127.0.0.1", 0, ServerOptions.defaults().startServing(false), 1024);
            assertThat(server.isServing()).isFalse();
            Task<Void> serving = Asyncio.createTask(server::serveForever);
            Asyncio.sleep(0);
            assertThat(server.isServing()).isTrue();
            assertThatThrownBy(server::serveForever).isInstanceOf(IllegalStateException.class);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                c.writer().write(bytes("ping\n"));
                assertThat(text(c.reader().readline())).isEqualTo("ping\n");
            }
            serving.cancel();
            assertThatThrownBy(serving::await).isInstanceOf(CancelledError.class);
            assertThat(server.isServing()).isFalse();
            assertThat(server.sockets()).isEmpty();
        });
    }

    @Test
    void aHandlerThatThrowsIsReportedAndItsConnectionClosed() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            List<Object> reported = new ArrayList<>();
            loop.setExceptionHandler((l, context) -> reported.add(context.get("exception")));
            Server server = Streams.startServer((reader, writer) -> {
                throw new IllegalStateException("handler failed");
            }, "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                assertThat(c.reader().read()).isEmpty();
            }
            assertThat(reported).singleElement().isInstanceOf(IllegalStateException.class);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void unixDomainSocketsCarryStreamsToo() throws Exception {
        Path dir = Files.createTempDirectory("asyncio4j-unix");
        Path socket = dir.resolve("echo.sock");
        try {
            Asyncio.run(() -> {
                Server server = Streams.startUnixServer(ECHO_LINES, socket);
                try (StreamConnection c = Streams.openUnixConnection(socket)) {
                    c.writer().write(bytes("over unix\n"));
                    assertThat(text(c.reader().readline())).isEqualTo("over unix\n");
                    assertThat(c.writer().getExtraInfo("peername")).isInstanceOf(java.net.UnixDomainSocketAddress.class);
                }
                server.close();
                server.waitClosed();
            });
        } finally {
            Files.deleteIfExists(socket);
            Files.delete(dir);
        }
    }

    @Test
    void readsFailWithTheResetAfterThePeerAborts() {
        Asyncio.run(() -> {
            Future<Void> accepted = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> {
                java.nio.channels.SocketChannel channel = (java.nio.channels.SocketChannel) writer.getExtraInfo("socket");
                channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0); // close sends RST
                writer.transport().abort();
                accepted.setResult(null);
            }, "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                accepted.await();
                assertThatThrownBy(() -> c.reader().read()).isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("reset");
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aServerCanListenOnSeveralHosts() {
        Asyncio.run(() -> {
            Server server = Streams.startServer(ECHO_LINES, List.of("127.0.0.1", "127.0.0.2"), 0, ServerOptions.defaults(),
                    StreamReader.DEFAULT_LIMIT);
            assertThat(server.sockets()).hasSize(2);
            for (java.net.SocketAddress address : server.addresses()) {
                InetSocketAddress inet = (InetSocketAddress) address;
                try (StreamConnection c = Streams.openConnection(inet.getHostString(), inet.getPort())) {
                    c.writer().write(bytes("hi " + inet.getHostString() + "\n"));
                    assertThat(text(c.reader().readline())).isEqualTo("hi " + inet.getHostString() + "\n");
                }
            }
            assertThatThrownBy(() -> Streams.startServer(ECHO_LINES, List.of(), 0, ServerOptions.defaults(), 1024))
                    .isInstanceOf(IllegalArgumentException.class);
            server.close();
            server.waitClosed();
        });
    }
}
