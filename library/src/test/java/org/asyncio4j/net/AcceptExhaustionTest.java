// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that runs out of file descriptors while accepting survives: it reports the error,
 * stops accepting for about a second, and serves again once descriptors are free, as asyncio's
 * selector loop does.
 */
@Timeout(120)
class AcceptExhaustionTest {
    private static final int MAX_OPEN_FILES = 128;
    private static final int CLIENTS = 150;

    @Test
    void aServerOutOfDescriptorsPausesAcceptingAndServesAgainOnceTheyAreFree() throws Exception {
        try (ChildJvm child = ChildJvm.startWithFileLimit(EchoServerMain.class, MAX_OPEN_FILES)) {
            String listening = child.awaitLine("listening on ", 30);
            int port = Integer.parseInt(listening.substring(listening.indexOf("listening on ") + 13).strip());

            List<Socket> clients = new ArrayList<>();
            try {
                int refused = 0;
                for (int i = 0; i < CLIENTS && refused < 3; i++) {
                    Socket client = new Socket();
                    clients.add(client);
                    try {
                        client.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                    } catch (IOException backlogFull) {
                        refused++; // the server is not accepting and its backlog is full
                    }
                }
                child.awaitLine("socket.accept() out of system resource", 30);
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }

            assertThat(echoWithin(port, 30)).isEqualTo("served again");
        }
    }

    /** Connects and echoes one line, retrying until the server answers or {@code seconds} pass. */
    private static String echoWithin(int port, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                client.setSoTimeout(3_000);
                client.getOutputStream().write("served again\n".getBytes(US_ASCII));
                String line = new BufferedReader(new InputStreamReader(client.getInputStream(), US_ASCII)).readLine();
                if (line != null) {
                    return line;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not answer within " + seconds + " s", last);
    }

    /** Child JVM: an echo server with the default exception handler, serving until killed. */
    public static final class EchoServerMain {
        public static void main(String[] args) throws Exception {
            loadLibraryClasses();
            Asyncio.run(() -> {
                Server server = Streams.startServer(StreamsTest.ECHO_LINES, "127.0.0.1", 0);
                System.out.println("listening on " + server.port());
                server.serveForever();
            });
            System.out.println("Asyncio.run returned");
        }

        /**
         * Tests run the library from a directory of class files, and loading a class from there
         * takes a descriptor; an application runs it from a jar, which stays open. Load every
         * class now so that running out of descriptors tests the library, not the test's class path.
         */
        private static void loadLibraryClasses() throws Exception {
            Path root = Path.of(Asyncio.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(root)) {
                return;
            }
            List<Path> classFiles;
            try (Stream<Path> files = Files.walk(root)) {
                classFiles = files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class")).toList();
            }
            for (Path file : classFiles) {
                String name = root.relativize(file).toString().replace(File.separatorChar, '.');
                Class.forName(name.substring(0, name.length() - ".class".length()), false, EchoServerMain.class.getClassLoader());
            }
        }
    }
}
