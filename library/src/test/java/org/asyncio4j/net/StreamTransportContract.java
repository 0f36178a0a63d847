// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every byte-stream {@link Transport} promises, run over each implementation (TCP, TLS,
 * Unix-domain sockets, a child's pipes) by a subclass that says how to open a connection to an
 * echoing peer and what its transport can do. Where transports legitimately differ (TLS cannot
 * half-close; a pipe's {@code writeEof} is its {@code close}) the fixture says so and the test
 * checks each side of the difference, as asyncio's own tests do.
 */
@ExtendWith(NoLeakedDescriptors.class)
@Timeout(60)
abstract class StreamTransportContract {

    /** Everything one side's protocol heard, in order. */
    static final class Side implements Protocol {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        final Future<Exception> lost = Asyncio.getRunningLoop().createFuture();
        final Future<Void> eof = Asyncio.getRunningLoop().createFuture();
        int lostCalls;
        private int wanted = -1;
        private Future<Void> enough;

        @Override
        public void dataReceived(byte[] data) {
            received.writeBytes(data);
            if (enough != null && received.size() >= wanted) {
                enough.setResult(null);
                enough = null;
            }
        }

        @Override
        public boolean eofReceived() {
            events.add("eof");
            eof.setResult(null);
            return false;
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
            if (lostCalls++ == 0) {
                lost.setResult(error);
            }
        }

        /** Parks until {@code n} bytes in all have arrived. */
        void awaitBytes(int n) throws Exception {
            if (received.size() < n) {
                wanted = n;
                enough = Asyncio.getRunningLoop().createFuture();
                enough.await();
            }
        }

        String text() {
            return received.toString(US_ASCII);
        }
    }

    /** A connection to a peer that echoes what it receives and ends its side when it sees ours end. */
    interface Link {
        /** The transport the test writes to. */
        Transport out();

        /** The transport the echo arrives on: {@link #out()} itself for a socket. */
        Transport in();

        /** What {@link #out()}'s protocol heard. */
        Side outSide();

        /** What {@link #in()}'s protocol heard. */
        Side inSide();

        /** Everything the peer received, once its side of the connection has ended. */
        Future<byte[]> peerGot();

        /** Ends whatever the fixture started (server, process) and waits for it. */
        void release() throws Exception;
    }

    /** How the peer treats what it receives. */
    enum Peer {
        /** Echoes it. */
        ECHO,
        /** Echoes it, and stops reading while its own writes are paused: a reader that stops reading stops the writer too. */
        BACKPRESSURE,
        /**
         * Only counts it, where it can (sockets): a socket closed with the echo unread would be
         * reset and the peer lose what it had not read yet. A child's pipes keep echoing, as
         * their reader is a transport of its own that goes on reading.
         */
        SINK
    }

    /** Opens a connection to a {@code peer} on the running loop. */
    abstract Link open(Peer peer) throws Exception;

    /** Whether {@link Transport#writeEof()} half-closes (false for TLS). */
    abstract boolean canWriteEof();

    /** Whether {@code writeEof} closes the whole transport, as it does for a pipe (then a later write is dropped, not refused). */
    boolean writeEofCloses() {
        return false;
    }

    /** One extra-info key this transport always has. */
    abstract String infoKey();

    private void withLink(Peer peer, LinkTest test) {
        Asyncio.run(() -> {
            Link link = open(peer);
            try {
                test.run(link);
            } finally {
                link.release();
            }
        });
    }

    @FunctionalInterface
    interface LinkTest {
        void run(Link link) throws Exception;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    /** Bytes {@code from .. from+n-1} of an endless pattern that shows any loss or reordering. */
    private static byte[] pattern(long from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((from + i) % 251);
        }
        return b;
    }

    private static void assertPattern(byte[] got, long length) {
        assertThat(got.length).isEqualTo(length);
        for (int i = 0; i < got.length; i++) {
            if (got[i] != (byte) (i % 251)) {
                throw new AssertionError("byte " + i + " of " + length + " is " + got[i] + ", expected " + (byte) (i % 251));
            }
        }
    }

    /** Lets every callback already scheduled run, so that a second connectionLost would show. */
    private static void settle() {
        for (int i = 0; i < 5; i++) {
            Asyncio.sleep(0);
        }
    }

    @Test
    void bytesArriveInTheOrderTheyWereWritten() {
        withLink(Peer.ECHO, link -> {
            Transport out = link.out();
            out.write(bytes("one "));
            out.write(new byte[0]);
            out.write(ByteBuffer.wrap(bytes("two ")));
            out.writelines(List.of(bytes("three "), bytes("four")));
            link.inSide().awaitBytes(18);
            assertThat(link.inSide().text()).isEqualTo("one two three four");
            assertThat(out.isClosing()).isFalse();
        });
    }

    @Test
    void aFullWriteBufferPausesTheProtocolAndDrainingResumesItWithNothingLostOrReordered() {
        withLink(Peer.BACKPRESSURE, link -> {
            Transport out = link.out();
            Transport in = link.in();
            in.pauseReading();
            assertThat(in.isReading()).isFalse();
            out.setWriteBufferLimits(32 * 1024, 8 * 1024);
            assertThat(out.getWriteBufferLimits()).containsExactly(8 * 1024, 32 * 1024);
            int chunk = 64 * 1024;
            long written = 0;
            while (!link.outSide().events.contains("pause")) {
                out.write(pattern(written, chunk));
                written += chunk;
                assertThat(written).as("every buffer on the way is full long before 64 MiB").isLessThan(64 << 20);
            }
            assertThat(out.getWriteBufferSize()).isGreaterThan(32 * 1024);
            in.resumeReading();
            assertThat(in.isReading()).isTrue();
            link.inSide().awaitBytes((int) written);
            assertPattern(link.inSide().received.toByteArray(), written);
            assertThat(link.outSide().events).containsSubsequence("pause", "resume").doesNotContain("lost");
            assertThat(link.outSide().events.stream().filter("pause"::equals).count()).isOne();
            assertThat(out.getWriteBufferSize()).isZero();
        });
    }

    @Test
    void pausedReadingDeliversNothingUntilResumed() {
        withLink(Peer.ECHO, link -> {
            Transport in = link.in();
            in.pauseReading();
            in.pauseReading(); // twice is harmless
            link.out().write(bytes("held back"));
            Asyncio.sleep(0.2);
            assertThat(link.inSide().text()).as("delivered while paused").isEmpty();
            in.resumeReading();
            in.resumeReading();
            link.inSide().awaitBytes(9);
            assertThat(link.inSide().text()).isEqualTo("held back");
        });
    }

    @Test
    void badWriteBufferLimitsAreRefusedAndOneLimitSetsTheLowMarkToAQuarter() {
        withLink(Peer.ECHO, link -> {
            Transport out = link.out();
            assertThatThrownBy(() -> out.setWriteBufferLimits(1, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("high");
            assertThatThrownBy(() -> out.setWriteBufferLimits(10, -1)).isInstanceOf(IllegalArgumentException.class);
            out.setWriteBufferLimits(4096);
            assertThat(out.getWriteBufferLimits()).containsExactly(1024, 4096);
        });
    }

    @Test
    void writeEofHalfClosesWhereSupportedAndThePeersLastWordsStillArrive() {
        withLink(Peer.ECHO, link -> {
            Transport out = link.out();
            assertThat(out.canWriteEof()).isEqualTo(canWriteEof());
            if (!canWriteEof()) {
                assertThatThrownBy(out::writeEof).isInstanceOf(UnsupportedOperationException.class);
                out.write(bytes("still open"));
                link.inSide().awaitBytes(10);
                assertThat(link.inSide().text()).isEqualTo("still open");
                return;
            }
            out.write(bytes("last words"));
            out.writeEof();
            out.writeEof(); // twice is harmless
            if (writeEofCloses()) {
                assertThat(out.isClosing()).isTrue();
                out.write(bytes("dropped"));
            } else {
                assertThat(out.isClosing()).isFalse();
                assertThatThrownBy(() -> out.write(bytes("refused"))).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("writeEof");
            }
            link.inSide().eof.await();
            assertThat(link.inSide().text()).isEqualTo("last words");
            assertThat(link.inSide().lost.await()).isNull();
            assertThat(link.peerGot().await()).isEqualTo(bytes("last words"));
            settle();
            assertThat(link.inSide().lostCalls).isOne();
            assertThat(link.inSide().events).containsSubsequence("eof", "lost");
        });
    }

    @Test
    void closeSendsWhatIsBufferedThenEndsTheConnectionOnce() {
        withLink(Peer.SINK, link -> {
            Transport out = link.out();
            int size = 1 << 20;
            out.write(pattern(0, size));
            out.close();
            assertThat(out.isClosing()).isTrue();
            assertThat(out.isReading()).isFalse();
            out.close();
            assertThat(link.outSide().lost.await()).isNull();
            // asyncio raises nothing for a write after the end and sends nothing (one written
            // while a closing transport still drains its buffer is sent, in asyncio too).
            out.write(bytes("too late"));
            assertPattern(link.peerGot().await(), size);
            settle();
            assertThat(link.outSide().lostCalls).isOne();
            out.abort(); // after the end: nothing more happens
            settle();
            assertThat(link.outSide().lostCalls).isOne();
        });
    }

    @Test
    void abortDropsWhatIsBufferedAndEndsTheConnectionOnce() {
        withLink(Peer.BACKPRESSURE, link -> {
            Transport out = link.out();
            link.in().pauseReading();
            out.setWriteBufferLimits(16 * 1024);
            long written = 0;
            while (!link.outSide().events.contains("pause")) {
                out.write(pattern(written, 64 * 1024));
                written += 64 * 1024;
                assertThat(written).as("every buffer on the way is full long before 64 MiB").isLessThan(64 << 20);
            }
            assertThat(out.getWriteBufferSize()).isPositive();
            out.abort();
            assertThat(out.isClosing()).isTrue();
            assertThat(out.getWriteBufferSize()).as("buffered bytes after abort").isZero();
            out.abort();
            out.close();
            link.in().resumeReading(); // a pipe's reader is separate: let the peer finish
            assertThat(link.outSide().lost.await()).isNull();
            assertThat(link.peerGot().await().length).isLessThanOrEqualTo((int) written);
            settle();
            assertThat(link.outSide().lostCalls).isOne();
            assertThat(link.outSide().events).doesNotContain("resume");
        });
    }

    @Test
    void extraInfoAnswersItsKeysAndTheDefaultForOthers() {
        withLink(Peer.ECHO, link -> {
            Transport out = link.out();
            assertThat(out.getExtraInfo(infoKey())).isNotNull();
            assertThat(out.getExtraInfo("no-such-key")).isNull();
            assertThat(out.getExtraInfo("no-such-key", "default")).isEqualTo("default");
            assertThat(out.getExtraInfo(infoKey(), "default")).isNotEqualTo("default");
        });
    }
}
