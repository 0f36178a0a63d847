// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The http benchmark's servers, each started as its own JVM as {@code bench/run} starts it: it
 * answers one request, then 16 pipelined ones sent in one write, then two split inside a head's
 * {@code CRLF CRLF} over two writes, with the plaintext response each, on one kept-alive
 * connection, and exits with status 0 on SIGTERM. The {@code group_http} case's server is run the
 * same way on two loops, spreading its connections by {@code SO_REUSEPORT} and by hand-off.
 */
@Timeout(60)
class HttpServersTest {
    private static final String REQUEST = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\n\r\n";
    private static final Pattern RESPONSE = Pattern.compile("HTTP/1\\.1 200 OK\r\nServer: asyncio4j\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 13\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} "
            + "\\d{2}:\\d{2}:\\d{2} GMT\r\n\r\nHello, World!");

    @ParameterizedTest
    @ValueSource(strings = {"StreamsHttpServer 0", "ProtocolHttpServer 0", "GroupHttpServer protocol 2 reuse_port 0",
            "GroupHttpServer streams 2 hand_off 0"})
    void answersEveryRequestOfAKeptAliveConnectionAndExitsOnSigterm(String mainAndArguments, @TempDir Path dir)
            throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        List<String> words = List.of(mainAndArguments.split(" "));
        command.add(HttpServersTest.class.getPackageName() + "." + words.getFirst());
        command.addAll(words.subList(1, words.size()));
        Process server = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(ready).as("the server's first line").matches("READY [0-9]+");
            try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(ready.substring("READY ".length())))) {
                var out = socket.getOutputStream();
                out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponses(socket.getInputStream(), 1)).isEqualTo(1);
                out.write(REQUEST.repeat(16).getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponses(socket.getInputStream(), 16)).isEqualTo(16);
                byte[] two = REQUEST.repeat(2).getBytes(StandardCharsets.US_ASCII);
                int split = two.length - 2; // between the two CRLFs that end the second head
                out.write(two, 0, split);
                out.flush();
                Thread.sleep(100);
                out.write(two, split, two.length - split);
                assertThat(readResponses(socket.getInputStream(), 2)).isEqualTo(2);
            }
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(Files.readString(stderr)).as("the server's stderr").doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    /** Reads until {@code expected} whole responses arrived; returns how many there were, checking nothing else came. */
    private static int readResponses(InputStream in, int expected) throws Exception {
        StringBuilder received = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (count(received) < expected) {
            int n = in.read(buffer);
            assertThat(n).as("bytes before the connection closed").isPositive();
            received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        assertThat(RESPONSE.matcher(received).replaceAll("")).as("nothing but whole responses").isEmpty();
        return count(received);
    }

    private static int count(CharSequence received) {
        Matcher m = RESPONSE.matcher(received);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
