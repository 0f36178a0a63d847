// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The failure cases of issue 5's reliability list; each also checks that no descriptor leaks. */
@ExtendWith(NoLeakedDescriptors.class)
class NetReliabilityTest {

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    @Test
    void aResetByThePeerInTheMiddleOfWritingFailsTheWriter() {
        Asyncio.run(() -> {
            Server server = Streams.startServer((reader, writer) -> {
                reader.readexactly(1);
                ((SocketChannel) writer.getExtraInfo("socket")).setOption(StandardSocketOptions.SO_LINGER, 0);
                writer.transport().abort(); // closing with linger 0 sends RST
            }, "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                byte[] chunk = new byte[64 * 1024];
                int writes = 0;
                IOException failure = null;
                while (failure == null) {
                    assertThat(writes++).as("writes before the reset is noticed").isLessThan(10_000);
                    try {
                        c.writer().write(chunk);
                        c.writer().drain();
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                assertThat(failure).hasMessageMatching("(?i).*(reset|broken pipe|connection lost).*");
                assertThatThrownBy(() -> c.reader().read()).isInstanceOf(IOException.class);
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aSlowReaderKeepsTheWritersMemoryBoundedWhenItDrains() {
        int total = 4 << 20;
        int chunkSize = 16 * 1024;
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> go = loop.createFuture();
            Future<Integer> received = loop.createFuture();
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    go.await();
                    int n = 0;
                    for (byte[] block; (block = reader.read(4096)).length > 0; n += block.length) {
                        Asyncio.sleep(0); // a slow consumer: one small read per loop iteration
                    }
                    received.setResult(n);
                }
            }, "127.0.0.1", 0);
            for (NetworkChannel socket : server.sockets()) {
                socket.setOption(StandardSocketOptions.SO_RCVBUF, 8192); // inherited by accepted sockets
            }
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                ((SocketChannel) c.writer().getExtraInfo("socket")).setOption(StandardSocketOptions.SO_SNDBUF, 8192);
                Transport transport = c.writer().transport();
                int high = transport.getWriteBufferLimits()[1];
                int maxBuffered = 0;
                boolean drainParked = false;
                for (int sent = 0; sent < total; sent += chunkSize) {
                    c.writer().write(new byte[chunkSize]);
                    maxBuffered = Math.max(maxBuffered, transport.getWriteBufferSize());
                    if (transport.getWriteBufferSize() > high) {
                        drainParked = true;
                        if (!go.isDone()) {
                            go.setResult(null);
                        }
                    }
                    c.writer().drain();
                    assertThat(transport.getWriteBufferSize()).isLessThanOrEqualTo(high);
                }
                c.writer().writeEof();
                assertThat(drainParked).as("the writer outran the reader, so drain had to wait").isTrue();
                assertThat(maxBuffered).isLessThanOrEqualTo(high + chunkSize);
                assertThat(received.await()).isEqualTo(total);
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void cancellingATaskBlockedInReadLeavesTheConnectionUsable() {
        Asyncio.run(() -> {
            Future<StreamWriter> serverSide = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> serverSide.setResult(writer), "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                Task<byte[]> reading = Asyncio.createTask(() -> c.reader().readline());
                Asyncio.sleep(0.01);
                assertThat(reading.isDone()).isFalse();
                reading.cancel();
                assertThatThrownBy(reading::await).isInstanceOf(CancelledError.class);
                serverSide.await().write(bytes("late line\n"));
                assertThat(new String(c.reader().readline(), US_ASCII)).isEqualTo("late line\n");
                serverSide.await().close();
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void cancellingATaskBlockedInDrainKeepsTheBufferedData() {
        Asyncio.run(() -> {
            Future<StreamWriter> serverSide = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> {
                writer.transport().pauseReading(); // never reads: the client's buffer fills up
                serverSide.setResult(writer);
            }, "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                Transport transport = c.writer().transport();
                while (transport.getWriteBufferSize() <= transport.getWriteBufferLimits()[1]) {
                    c.writer().write(new byte[64 * 1024]);
                }
                Task<Void> draining = Asyncio.createTask(() -> c.writer().drain());
                Asyncio.sleep(0.01);
                assertThat(draining.isDone()).isFalse();
                draining.cancel();
                assertThatThrownBy(draining::await).isInstanceOf(CancelledError.class);
                assertThat(transport.getWriteBufferSize()).isGreaterThan(0);
                transport.abort();
                serverSide.await().close();
            }
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void cancellingATaskBlockedInOpenConnectionClosesTheSocket() {
        Asyncio.run(() -> {
            Server server = Streams.startServer((reader, writer) -> writer.close(), "127.0.0.1", 0);
            for (int step = 0; step < 3; step++) {
                Task<StreamConnection> connecting = Asyncio.createTask(() -> Streams.openConnection("127.0.0.1", server.port()));
                for (int i = 0; i < step; i++) {
                    Asyncio.sleep(0); // cancel at each of the first suspension points in turn
                }
                connecting.cancel();
                try {
                    connecting.await().close(); // it may have connected before the request reached it
                } catch (CancelledError expected) {
                    assertThat(connecting.isCancelled()).isTrue();
                }
            }
            Asyncio.sleep(0.01); // let the server see the aborted connections
            server.close();
            server.closeClients();
            server.waitClosed();
        });
    }

    @Test
    void aThousandConcurrentConnectionsAreAllServed() {
        ConnectionFlood.run(1_000, 1_000);
    }

    @Test
    void closingTheLoopClosesSocketsThatWereNeverClosed() {
        Asyncio.run(() -> {
            Future<Void> accepted = Asyncio.getRunningLoop().createFuture();
            Server server = Streams.startServer((reader, writer) -> accepted.setResult(null), "127.0.0.1", 0);
            Streams.openConnection("127.0.0.1", server.port());
            accepted.await();
            // neither the server nor either end of the connection is closed: the loop's close must release them
        });
    }
}
