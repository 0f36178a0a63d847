// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedDescriptors.class)
class TransportTest {

    /** Echoes what it receives and closes when the peer half-closes. */
    static final class Echo implements Protocol {
        Transport transport;

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /** Collects everything and records the protocol calls in order. */
    static final class Recorder implements Protocol {
        final EventLoop loop = Asyncio.getRunningLoop();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        final Future<Exception> lost = loop.createFuture();
        final Future<Void> eof = loop.createFuture();
        boolean keepOpenOnEof;
        Transport transport;

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
            events.add("made");
        }

        @Override
        public void dataReceived(byte[] data) {
            received.writeBytes(data);
        }

        @Override
        public boolean eofReceived() {
            events.add("eof");
            eof.setResult(null);
            return keepOpenOnEof;
        }

        @Override
        public void pauseWriting() {
            events.add("pause");
        }

        @Override
        public void resumeWriting() {
            events.add("resume");
        }

        @Override
        public void connectionLost(Exception error) {
            events.add("lost");
            lost.setResult(error);
        }

        String text() {
            return received.toString(US_ASCII);
        }
    }

    @Test
    void echoesThroughAProtocolServerAndCallsTheProtocolInOrder() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(Echo::new, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            assertThat(c.protocol().events).containsExactly("made");
            c.transport().write("hello ".getBytes(US_ASCII));
            c.transport().writelines(List.of("wide ".getBytes(US_ASCII), "world".getBytes(US_ASCII)));
            c.transport().writeEof();
            assertThat(c.protocol().lost.await()).isNull();
            assertThat(c.protocol().text()).isEqualTo("hello wide world");
            assertThat(c.protocol().events).containsExactly("made", "eof", "lost");
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void refusedConnectionFailsWithConnectException() throws IOException {
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        Asyncio.run(() -> assertThatThrownBy(() -> Transports.createConnection(Recorder::new, "127.0.0.1", port))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("127.0.0.1:" + port));
    }

    @Test
    void resolvesHostNamesOffTheLoop() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(Echo::new, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "localhost", server.port());
            assertThat(c.transport().getExtraInfo("peername")).isEqualTo(new InetSocketAddress("127.0.0.1", server.port()));
            assertThat(c.transport().getExtraInfo("sockname")).isInstanceOf(InetSocketAddress.class);
            assertThat(c.transport().getExtraInfo("socket")).isInstanceOf(SocketChannel.class);
            assertThat(c.transport().getExtraInfo("nothing", "default")).isEqualTo("default");
            c.transport().close();
            c.protocol().lost.await();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Transports.createConnection(Recorder::new, "127.0.0.1", 70000))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
            assertThatThrownBy(() -> Transports.createServer(Echo::new, "127.0.0.1", 0, ServerOptions.defaults().backlog(0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backlog");
            assertThatThrownBy(() -> Transports.createConnection(Recorder::new, "no-such-host.invalid", 80))
                    .isInstanceOf(java.net.UnknownHostException.class);
        });
        assertThatThrownBy(() -> Transports.createServer(Echo::new, "127.0.0.1", 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no running event loop");
    }

    @Test
    void writeSendsAtOnceWhenTheSocketTakesItAndBuffersNothing() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(Echo::new, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            c.transport().write(new byte[1000]);
            assertThat(c.transport().getWriteBufferSize()).isZero();
            c.transport().close();
            c.protocol().lost.await();
            server.close();
        });
    }

    @Test
    void writeFlowControlPausesAboveTheHighMarkAndResumesAtTheLowMark() {
        Asyncio.run(() -> {
            List<Recorder> accepted = new ArrayList<>();
            Server server = Transports.createServer(() -> {
                Recorder r = new Recorder();
                accepted.add(r);
                return r;
            }, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            Asyncio.sleep(0); // let the server's side run connectionMade
            Recorder peer = accepted.getFirst();
            peer.transport.pauseReading();
            assertThat(peer.transport.isReading()).isFalse();
            c.transport().setWriteBufferLimits(32 * 1024, 8 * 1024);
            assertThat(c.transport().getWriteBufferLimits()).containsExactly(8 * 1024, 32 * 1024);
            byte[] chunk = new byte[64 * 1024];
            int written = 0;
            while (!c.protocol().events.contains("pause")) {
                c.transport().write(chunk);
                written += chunk.length;
                assertThat(written).as("the kernel buffers are full long before 64 MiB").isLessThan(64 << 20);
            }
            assertThat(c.transport().getWriteBufferSize()).isGreaterThan(32 * 1024);
            peer.transport.resumeReading();
            while (peer.received.size() < written) {
                Asyncio.sleep(0.001);
            }
            assertThat(c.protocol().events).containsExactly("made", "pause", "resume");
            assertThat(c.transport().getWriteBufferSize()).isZero();
            assertThatThrownBy(() -> c.transport().setWriteBufferLimits(1, 2)).isInstanceOf(IllegalArgumentException.class);
            c.transport().close();
            c.protocol().lost.await();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void halfCloseFromTheClientLetsTheServerStillAnswer() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(() -> new Protocol() {
                Transport transport;
                final StringBuilder got = new StringBuilder();

                @Override
                public void connectionMade(Transport t) {
                    transport = t;
                }

                @Override
                public void dataReceived(byte[] data) {
                    got.append(new String(data, US_ASCII));
                }

                @Override
                public boolean eofReceived() {
                    transport.write(("got " + got).getBytes(US_ASCII));
                    transport.close();
                    return true;
                }
            }, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            c.transport().write("question".getBytes(US_ASCII));
            assertThat(c.transport().canWriteEof()).isTrue();
            c.transport().writeEof();
            assertThatThrownBy(() -> c.transport().write(new byte[1])).isInstanceOf(IllegalStateException.class);
            assertThat(c.protocol().lost.await()).isNull();
            assertThat(c.protocol().text()).isEqualTo("got question");
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void halfCloseFromTheServerKeepsTheClientWritingWhenItAsks() {
        Asyncio.run(() -> {
            List<Recorder> accepted = new ArrayList<>();
            Server server = Transports.createServer(() -> {
                Recorder r = new Recorder();
                r.keepOpenOnEof = true;
                accepted.add(r);
                return r;
            }, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            c.protocol().keepOpenOnEof = true;
            Asyncio.sleep(0);
            Recorder peer = accepted.getFirst();
            peer.transport.write("bye".getBytes(US_ASCII));
            peer.transport.writeEof();
            c.protocol().eof.await();
            assertThat(c.protocol().text()).isEqualTo("bye");
            c.transport().write("still here".getBytes(US_ASCII)); // our side is still open
            c.transport().close();
            peer.eof.await();
            assertThat(peer.text()).isEqualTo("still here");
            peer.transport.close();
            assertThat(c.protocol().lost.await()).isNull();
            assertThat(peer.lost.await()).isNull();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void bufferedProtocolReadsIntoItsOwnBuffer() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(Echo::new, "127.0.0.1", 0);
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> lost = loop.createFuture();
            ByteBuffer buffer = ByteBuffer.allocate(100_000);
            int[] updates = {0};
            Connection<BufferedProtocol> c = Transports.createConnection(() -> new BufferedProtocol() {
                @Override
                public ByteBuffer getBuffer(int sizeHint) {
                    return buffer;
                }

                @Override
                public void bufferUpdated(int bytes) {
                    updates[0] += bytes;
                    assertThat(buffer.position()).isEqualTo(updates[0]);
                }

                @Override
                public void connectionLost(Exception error) {
                    lost.setResult(null);
                }
            }, "127.0.0.1", server.port());
            byte[] data = new byte[50_000];
            java.util.Arrays.fill(data, (byte) 7);
            c.transport().write(data);
            c.transport().writeEof();
            lost.await();
            assertThat(updates[0]).isEqualTo(data.length);
            assertThat(java.util.Arrays.copyOf(buffer.array(), data.length)).isEqualTo(data);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void abortDropsBufferedDataAndClosesAtOnce() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(Recorder::new, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            c.transport().abort();
            assertThat(c.transport().isClosing()).isTrue();
            assertThat(c.transport().getWriteBufferSize()).isZero();
            assertThat(c.protocol().lost.await()).isNull();
            server.close();
        });
    }

    @Test
    void aProtocolThatThrowsIsReportedAndItsConnectionClosed() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            List<Object> reported = new ArrayList<>();
            loop.setExceptionHandler((l, context) -> reported.add(context.get("exception")));
            Future<Exception> lost = loop.createFuture();
            Server server = Transports.createServer(() -> new Protocol() {
                @Override
                public void dataReceived(byte[] data) {
                    throw new IllegalStateException("bad protocol");
                }

                @Override
                public void connectionLost(Exception error) {
                    lost.setResult(error);
                }
            }, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            c.transport().write("x".getBytes(US_ASCII));
            assertThat(lost.await()).isInstanceOf(IllegalStateException.class).hasMessage("bad protocol");
            assertThat(reported).hasSize(1);
            c.protocol().lost.await();
            server.close();
        });
    }

    @Test
    void connectAcceptedWrapsAConnectedChannel() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            Asyncio.run(() -> {
                SocketChannel channel = SocketChannel.open(listener.getLocalAddress());
                try (SocketChannel other = listener.accept()) {
                    Connection<Recorder> c = Transports.connectAccepted(Recorder::new, channel);
                    other.write(ByteBuffer.wrap("hi".getBytes(US_ASCII)));
                    other.shutdownOutput();
                    c.protocol().lost.await();
                    assertThat(c.protocol().text()).isEqualTo("hi");
                }
            });
        }
    }

    @Test
    void inDebugModeATransportRefusesCallsFromOtherThreads() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(Echo::new, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            Throwable fromOtherThread = Asyncio.toThread(() -> {
                try {
                    c.transport().write(new byte[1]);
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            }).await();
            assertThat(fromOtherThread).hasMessageContaining("Non-thread-safe operation write()");
            c.transport().close();
            c.protocol().lost.await();
            server.close();
            server.waitClosed();
        }, true);
    }

    @Test
    void manySmallWritesToASocketThatIsNotReadArriveWholeAndInOrder() {
        Asyncio.run(() -> {
            List<Recorder> accepted = new ArrayList<>();
            Server server = Transports.createServer(() -> {
                Recorder r = new Recorder();
                accepted.add(r);
                return r;
            }, "127.0.0.1", 0);
            Connection<Recorder> c = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            Asyncio.sleep(0);
            Recorder peer = accepted.getFirst();
            peer.transport.pauseReading();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; c.transport().getWriteBufferSize() < 256 * 1024; i++) {
                String message = "message " + i + ";";
                expected.append(message);
                c.transport().write(message.getBytes(US_ASCII));
            }
            c.transport().writeEof();
            peer.transport.resumeReading();
            peer.eof.await();
            assertThat(peer.text()).isEqualTo(expected.toString());
            peer.transport.close();
            c.protocol().lost.await();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aProtocolFactoryThatFailsIsReportedAndTheServerGoesOnServing() {
        Asyncio.run(() -> {
            List<Object> reported = new ArrayList<>();
            Asyncio.getRunningLoop().setExceptionHandler((loop, context) -> reported.add(context.get("message")));
            int[] made = {0};
            Server server = Transports.createServer(() -> {
                made[0]++;
                if (made[0] == 1) {
                    throw new IllegalStateException("factory failed");
                }
                return made[0] == 2 ? null : new Echo();
            }, "127.0.0.1", 0);
            for (int i = 0; i < 2; i++) {
                Connection<Recorder> refused = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
                refused.protocol().lost.await(); // the server closed it at once
            }
            assertThat(reported).containsExactly("Error on transport creation for incoming connection",
                    "Error on transport creation for incoming connection");
            Connection<Recorder> served = Transports.createConnection(Recorder::new, "127.0.0.1", server.port());
            served.transport().write("still serving".getBytes(US_ASCII));
            served.transport().writeEof();
            served.protocol().lost.await();
            assertThat(served.protocol().text()).isEqualTo("still serving");
            server.close();
            server.waitClosed();
        });
    }
}
