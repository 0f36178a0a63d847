// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.testing.SameIteration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedDescriptors.class)
class SendfileTest {
    private Path file;
    private byte[] content;

    @BeforeEach
    void createFile() throws Exception {
        content = new byte[3 << 20];
        new Random(42).nextBytes(content);
        file = Files.createTempFile("asyncio4j-sendfile", ".bin");
        Files.write(file, content);
    }

    @AfterEach
    void deleteFile() throws Exception {
        Files.deleteIfExists(file);
    }

    /** Sends part or all of the file to a server that reads everything, and returns what it got. */
    private static byte[] sendAndCollect(ServerOptions serverOptions, ConnectOptions clientOptions, Path file, long offset,
                                         long count, long expectedSent) {
        return Asyncio.run(() -> {
            Future<byte[]> received = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    received.setResult(reader.read());
                }
            }, "127.0.0.1", 0, serverOptions, StreamReader.DEFAULT_LIMIT);
            try (FileChannel channel = FileChannel.open(file);
                 StreamConnection c = Streams.openConnection("localhost", server.port(), clientOptions, StreamReader.DEFAULT_LIMIT)) {
                assertThat(Transports.sendfile(c.writer().transport(), channel, offset, count)).isEqualTo(expectedSent);
                c.writer().write(new byte[0]); // writing is allowed again once it is done
                c.writer().close();
                return received.await();
            } finally {
                server.close();
                server.waitClosed();
            }
        });
    }

    @Test
    void aWholeFileGoesStraightToThePlainSocket() {
        byte[] got = sendAndCollect(ServerOptions.defaults(), ConnectOptions.defaults(), file, 0, -1, content.length);
        assertThat(got).isEqualTo(content);
    }

    @Test
    void anOffsetAndACountSendJustThatSlice() {
        byte[] got = sendAndCollect(ServerOptions.defaults(), ConnectOptions.defaults(), file, 100, 1000, 1000);
        assertThat(got).isEqualTo(Arrays.copyOfRange(content, 100, 1100));
        byte[] tail = sendAndCollect(ServerOptions.defaults(), ConnectOptions.defaults(), file, content.length - 10, 50, 10);
        assertThat(tail).isEqualTo(Arrays.copyOfRange(content, content.length - 10, content.length));
    }

    @Test
    void overTlsTheFileIsReadAndWrittenInChunks() throws Exception {
        byte[] got = sendAndCollect(ServerOptions.defaults().ssl(TestCertificates.server()),
                ConnectOptions.defaults().ssl(TestCertificates.client()), file, 0, -1, content.length);
        assertThat(got).isEqualTo(content);
    }

    /**
     * Issue 11 item 3: a sendfile cancelled in the iteration in which its socket becomes writable
     * again must not have its cancelled wait completed by the write handler.
     */
    @Test
    void aSendfileCancelledInTheIterationTheSocketDrainsReportsNothing() throws Exception {
        Files.write(file, new byte[64 << 20]); // more than the socket buffers hold
        CountDownLatch drain = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofPlatform().start(() -> {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    drain.await();
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (Exception ignored) {
                    // the loop side closed first
                }
            });
            List<Map<String, Object>> reports = Asyncio.run(() -> {
                EventLoop loop = Asyncio.getRunningLoop();
                List<Map<String, Object>> heard = SameIteration.recordReports(loop);
                try (FileChannel channel = FileChannel.open(file);
                     StreamConnection c = Streams.openConnection("127.0.0.1", listener.getLocalPort(),
                             ConnectOptions.defaults(), StreamReader.DEFAULT_LIMIT)) {
                    Task<Long> sending = Asyncio.createTask(() -> Transports.sendfile(c.writer().transport(), channel, 0, -1));
                    Asyncio.sleep(0.2);
                    assertThat(sending.isDone()).as("sendfile waits for the peer to read").isFalse();
                    loop.callSoon(() -> {
                        drain.countDown();
                        SameIteration.block(200); // the peer empties the socket meanwhile
                        loop.callSoon(sending::cancel);
                    });
                    assertThatThrownBy(sending::await).isInstanceOf(CancelledError.class);
                    Asyncio.sleep(0.05);
                }
                return heard;
            });
            peer.join();
            assertThat(reports).isEmpty();
        }
    }

    @Test
    void aNegativeOffsetIsRefused() {
        assertThatThrownBy(() -> sendAndCollect(ServerOptions.defaults(), ConnectOptions.defaults(), file, -1, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    }
}
