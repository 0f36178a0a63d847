// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.Streams;
import org.junit.jupiter.api.Test;

class NetExamplesTest {

    private static String text(byte[] b) {
        return new String(b, UTF_8);
    }

    @Test
    void streamSnippetsPrintTheSeedsStepsInOrder() {
        assertThat(Output.of(out -> StreamSnippets.run(out, 0))).containsExactly(
                "server started", "client received: echo: hello server", "client closed", "server closed");
    }

    @Test
    void echoClientGetsEveryLineBackFromBothEchoServers() {
        for (boolean protocol : new boolean[] {false, true}) {
            List<String> lines = Output.of(out -> Asyncio.run(() -> {
                Server server = protocol ? EchoServer.startProtocol("127.0.0.1", 0) : EchoServer.startStreams("127.0.0.1", 0);
                EchoClient.talk(out, server.port(), List.of("one", "two"));
                server.close();
                server.waitClosed();
            }));
            assertThat(lines).as(protocol ? "protocol" : "streams")
                    .containsExactly("echoed: one", "echoed: two", "server closed after 0 more bytes");
        }
    }

    @Test
    void echoEveryCoreAnswersClientsFromEveryLoop() throws Exception {
        try (org.asyncio4j.LoopGroup group = new org.asyncio4j.LoopGroup(2)) {
            org.asyncio4j.net.GroupServer server = EchoEveryCore.start(group, "127.0.0.1", 0);
            for (int i = 0; i < 2; i++) {
                List<String> lines = Output.of(out -> Asyncio.run(() -> EchoClient.talk(out, server.port(), List.of("one", "two"))));
                assertThat(lines).containsExactly("echoed: one", "echoed: two", "server closed after 0 more bytes");
            }
            server.close();
            server.waitClosed();
        }
    }

    @Test
    void theTourProgramShowsConnectionsSpreadOverTwoLoops() {
        List<String> lines = Output.of(EchoEveryCore::run);
        assertThat(lines.subList(0, 5)).containsExactly("echo server on 2 loops, spread by HAND_OFF",
                "  client 1 echoed by loop 0", "  client 2 echoed by loop 1", "  client 3 echoed by loop 0",
                "  client 4 echoed by loop 1");
        if (org.asyncio4j.net.GroupServer.reusePortBalances()) {
            String reusePort = lines.get(5);
            assertThat(reusePort).matches("spread by REUSE_PORT \\(the kernel picks\\): 16 clients, \\{loop \\d=\\d+(, loop \\d=\\d+)?\\}");
            int answered = java.util.regex.Pattern.compile("=(\\d+)").matcher(reusePort).results()
                    .mapToInt(m -> Integer.parseInt(m.group(1))).sum();
            assertThat(answered).as("every client was answered").isEqualTo(16);
        }
        assertThat(lines.getLast()).isEqualTo("every loop closed its connections");
    }

    @Test
    void echoPairRunsServerAndClientOnOneLoop() {
        List<String> lines = Output.of(EchoPair::run);
        assertThat(lines.getFirst()).matches("echo server on /127\\.0\\.0\\.1:\\d+");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "echoed: hello", "echoed: echo", "server closed after 0 more bytes", "server closed");
    }

    @Test
    void echoServersCopyLargeTransfersWhole() {
        byte[] payload = new byte[3 << 20];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        for (boolean protocol : new boolean[] {false, true}) {
            byte[] echoed = Asyncio.run(() -> {
                Server server = protocol ? EchoServer.startProtocol("127.0.0.1", 0) : EchoServer.startStreams("127.0.0.1", 0);
                try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                    var sending = Asyncio.createTask(() -> {
                        c.writer().write(payload);
                        c.writer().drain();
                        c.writer().writeEof();
                    });
                    byte[] all = c.reader().read();
                    sending.await();
                    return all;
                } finally {
                    server.close();
                    server.waitClosed();
                }
            });
            assertThat(echoed).as(protocol ? "protocol" : "streams").isEqualTo(payload);
        }
    }

    @Test
    void chatMembersSeeEachOthersLinesAndComingsAndGoings() {
        Asyncio.run(() -> {
            Server server = new ChatServer().start("127.0.0.1", 0);
            try (StreamConnection alice = Streams.openConnection("127.0.0.1", server.port());
                 StreamConnection bob = Streams.openConnection("127.0.0.1", server.port())) {
                assertThat(text(alice.reader().readline())).isEqualTo("name?\n");
                alice.writer().write("alice\n".getBytes(UTF_8));
                assertThat(text(alice.reader().readline())).isEqualTo("welcome alice, 1 here\n");

                assertThat(text(bob.reader().readline())).isEqualTo("name?\n");
                bob.writer().write("alice\n".getBytes(UTF_8));
                assertThat(text(bob.reader().readline())).isEqualTo("name taken or empty, bye\n");
                assertThat(bob.reader().read()).isEmpty();

                try (StreamConnection carol = Streams.openConnection("127.0.0.1", server.port())) {
                    carol.reader().readline();
                    carol.writer().write("carol\n".getBytes(UTF_8));
                    assertThat(text(carol.reader().readline())).isEqualTo("welcome carol, 2 here\n");
                    assertThat(text(alice.reader().readline())).isEqualTo("* carol joined\n");

                    alice.writer().write("hi carol\n".getBytes(UTF_8));
                    assertThat(text(carol.reader().readline())).isEqualTo("alice: hi carol\n");
                    carol.writer().write("/quit\n".getBytes(UTF_8));
                    assertThat(carol.reader().read()).isEmpty();
                }
                assertThat(text(alice.reader().readline())).isEqualTo("* carol left\n");
            }
            server.close();
            server.waitClosed();
        });
    }
}
