// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asyncio4j.Asyncio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoLeakedDescriptors.class)
class UnixServerSocketFileTest {
    @TempDir
    Path dir;

    /** Binds a socket at {@code path} and closes it: the JDK leaves the file behind, as a crashed server would. */
    private static void leaveStaleSocket(Path path) throws Exception {
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(path));
        }
    }

    private static void close(Server server) throws Exception {
        server.close();
        server.waitClosed();
    }

    @Test
    void closingAServerRemovesItsSocketFile() {
        Path socket = dir.resolve("echo.sock");
        Asyncio.run(() -> {
            Server server = Streams.startUnixServer(StreamsTest.ECHO_LINES, socket);
            assertThat(socket).exists();
            close(server);
            assertThat(socket).doesNotExist();
        });
    }

    @Test
    void aStaleSocketFileIsReplacedWhenBinding() throws Exception {
        Path socket = dir.resolve("echo.sock");
        leaveStaleSocket(socket);
        assertThat(socket).exists();
        Asyncio.run(() -> {
            Server server = Streams.startUnixServer(StreamsTest.ECHO_LINES, socket);
            try (StreamConnection c = Streams.openUnixConnection(socket)) {
                c.writer().write("still here\n".getBytes(US_ASCII));
                assertThat(new String(c.reader().readline(), US_ASCII)).isEqualTo("still here\n");
            }
            close(server);
        });
    }

    @Test
    void withoutCleanUpTheSocketFileStays() {
        Path socket = dir.resolve("echo.sock");
        Asyncio.run(() -> {
            Server server = Streams.startUnixServer(StreamsTest.ECHO_LINES, socket,
                    ServerOptions.defaults().cleanupSocket(false), StreamReader.DEFAULT_LIMIT);
            close(server);
        });
        assertThat(socket).exists();
    }

    @Test
    void aFileThatIsNotASocketIsLeftAloneAndTheBindFails() throws Exception {
        Path notASocket = Files.writeString(dir.resolve("data.txt"), "precious");
        Asyncio.run(() -> assertThatThrownBy(() -> Streams.startUnixServer(StreamsTest.ECHO_LINES, notASocket))
                .isInstanceOf(BindException.class).hasMessageContaining(notASocket.toString()));
        assertThat(notASocket).hasContent("precious");
    }

    @Test
    void aSocketFileAnotherServerBoundSinceIsNotRemoved() {
        Path socket = dir.resolve("echo.sock");
        Asyncio.run(() -> {
            Server server = Streams.startUnixServer(StreamsTest.ECHO_LINES, socket);
            Files.delete(socket);
            try (ServerSocketChannel successor = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                successor.bind(UnixDomainSocketAddress.of(socket));
                close(server);
                assertThat(socket).as("the successor's socket").exists();
            }
        });
    }
}
