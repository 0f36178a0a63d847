// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The echo benchmark's servers, each started as its own JVM exactly as {@code bench/run} starts
 * it: it announces its port, echoes every byte back in order on interleaved connections
 * (including a message far larger than one read, so flow control runs), takes a reset connection
 * in its stride, and exits with status 0 on SIGTERM. The {@code group_echo} case's server is run the
 * same way on two loops, spreading its connections by {@code SO_REUSEPORT} and by hand-off.
 */
@Timeout(60)
class EchoServersTest {

    @ParameterizedTest
    @ValueSource(strings = {"StreamsEchoServer 0", "ProtocolEchoServer 0", "GroupEchoServer protocol 2 reuse_port 0",
            "GroupEchoServer streams 2 reuse_port 0", "GroupEchoServer protocol 2 hand_off 0"})
    void echoesEveryByteAndExitsCleanlyOnSigterm(String mainAndArguments, @TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        List<String> words = List.of(mainAndArguments.split(" "));
        command.add(EchoServersTest.class.getPackageName() + "." + words.getFirst());
        command.addAll(words.subList(1, words.size()));
        Process server = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            int port = readyPort(server);
            try (Socket a = new Socket("127.0.0.1", port); Socket b = new Socket("127.0.0.1", port)) {
                roundTrip(a, message(1, 1));
                roundTrip(b, message(64, 2));
                roundTrip(a, message(4096, 3));
                roundTrip(b, message(1 << 20, 4)); // more than the socket buffers hold: the server must pause and resume
                roundTrip(a, message(64, 5));
            }
            try (Socket reset = new Socket("127.0.0.1", port)) {
                roundTrip(reset, message(64, 6));
                reset.setSoLinger(true, 0); // close with a reset, as the load generator does
            }
            try (Socket after = new Socket("127.0.0.1", port)) {
                roundTrip(after, message(64, 7));
            }
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(Files.readString(stderr)).as("the server's stderr").doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    static int readyPort(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the server's first line").matches("READY [0-9]+");
        return Integer.parseInt(line.substring("READY ".length()));
    }

    static byte[] message(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Writes {@code data} from another thread while reading its echo here, so neither side can stall the other. */
    static void roundTrip(Socket socket, byte[] data) throws Exception {
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] echoed = new byte[data.length];
        new DataInputStream(socket.getInputStream()).readFully(echoed);
        written.get(30, TimeUnit.SECONDS);
        assertThat(Arrays.equals(echoed, data)).as("%d bytes echoed exactly", data.length).isTrue();
    }
}
