// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code asyncio4j echo-server} and {@code echo-client}: byte-exact round trips, rates and percentiles. */
@Timeout(120)
class EchoCommandsTest {

    @Test
    void clientLoadsTheServerWithByteExactRoundTripsAndCtrlCStopsTheServer() throws Exception {
        try (CliProcess server = CliProcess.jar("echo-server", "--port", "0")) {
            Matcher listening = Pattern.compile("echo server listening on 127\\.0\\.0\\.1:(\\d+) .*")
                    .matcher(server.awaitLine("listening", 30));
            assertThat(listening.matches()).isTrue();
            int port = Integer.parseInt(listening.group(1));

            // larger than a socket buffer, so each round trip spans many reads and writes
            try (CliProcess client = CliProcess.jar("echo-client", "--port", Integer.toString(port),
                    "--connections", "4", "--size", "300000", "--duration", "1")) {
                assertThat(client.waitFor(60)).as(client.text()).isZero();
                assertThat(client.output().getFirst()).isEqualTo("echo-client: 4 connections, 300000-byte messages, 1.0 s against 127.0.0.1:" + port);
                Matcher requests = Pattern.compile("requests: (\\d+) in 1\\.0 s = \\d+ requests/s; every round trip byte-exact")
                        .matcher(client.output().get(1));
                assertThat(requests.matches()).as(client.text()).isTrue();
                assertThat(Integer.parseInt(requests.group(1))).isPositive();
                assertThat(client.output().get(2)).matches("latency: p50 \\S+ ms, p90 \\S+ ms, p99 \\S+ ms, max \\S+ ms");
            }

            // and the server echoes what any client sends, byte for byte
            byte[] sent = new byte[1 << 20];
            new Random(8).nextBytes(sent);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                Thread writer = Thread.ofPlatform().start(() -> {
                    try {
                        socket.getOutputStream().write(sent); // closing the stream would close the socket: half-close instead
                        socket.shutdownOutput();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                InputStream in = socket.getInputStream();
                assertThat(in.readAllBytes()).isEqualTo(sent);
                writer.join();
            }

            server.signal("INT");
            assertThat(server.waitFor(30)).isZero();
            assertThat(server.output()).contains("echo server stopped");
        }
    }

    @Test
    void clientFailsWhenAnEchoDiffersFromWhatItSent() throws Exception {
        try (ServerSocket liar = new ServerSocket(0)) {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket socket = liar.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                    for (int b; (b = in.read()) >= 0; ) {
                        out.write(b ^ 1); // every byte comes back changed
                    }
                } catch (Exception ignored) {
                    // the client hung up
                }
            });
            try (CliProcess client = CliProcess.jar("echo-client", "--port", Integer.toString(liar.getLocalPort()),
                    "--connections", "1", "--size", "16", "--duration", "5")) {
                assertThat(client.waitFor(30)).isEqualTo(1);
                assertThat(client.text()).contains("connection 0, request 1: the echo differs from the 16 bytes sent");
            }
        }
    }

    @Test
    void clientWithNoServerToTalkToSaysSoInOneLine() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (CliProcess client = CliProcess.jar("echo-client", "--port", Integer.toString(closedPort), "--duration", "1")) {
            assertThat(client.waitFor(30)).isEqualTo(1);
            assertThat(client.output()).anyMatch(line -> line.startsWith("asyncio4j echo-client: ") && line.contains("Connection refused"))
                    .noneMatch(line -> line.contains("\tat "));
        }
    }
}
