// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** The reader on its own, fed by hand as its protocol would feed it. */
class StreamReaderTest {

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    @Test
    void readlineReturnsWholeLinesThenTheRestThenNothing() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            reader.feedData(bytes("one\ntw"));
            reader.feedData(bytes("o\nrest"));
            reader.feedEof();
            assertThat(text(reader.readline())).isEqualTo("one\n");
            assertThat(text(reader.readline())).isEqualTo("two\n");
            assertThat(reader.atEof()).isFalse();
            assertThat(text(reader.readline())).isEqualTo("rest");
            assertThat(reader.readline()).isEmpty();
            assertThat(reader.atEof()).isTrue();
        });
    }

    @Test
    void readParksUntilDataArrivesAndReturnsAtMostWhatWasAskedFor() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            Asyncio.getRunningLoop().callLater(0.01, () -> reader.feedData(bytes("abcdef")));
            assertThat(text(reader.read(4))).isEqualTo("abcd");
            assertThat(text(reader.read(100))).isEqualTo("ef");
            assertThat(reader.read(0)).isEmpty();
            Asyncio.getRunningLoop().callLater(0.01, () -> {
                reader.feedData(bytes("gh"));
                reader.feedEof();
            });
            assertThat(text(reader.read())).isEqualTo("gh");
            assertThat(reader.read(10)).isEmpty();
        });
    }

    @Test
    void readexactlyFailsAtEndOfStreamWithThePartialBytes() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            reader.feedData(bytes("12345"));
            assertThat(text(reader.readexactly(3))).isEqualTo("123");
            reader.feedEof();
            assertThatThrownBy(() -> reader.readexactly(4))
                    .isInstanceOfSatisfying(IncompleteReadError.class, e -> {
                        assertThat(text(e.partial())).isEqualTo("45");
                        assertThat(e.expected()).isEqualTo(4);
                    })
                    .hasMessage("2 bytes read on a total of 4 expected bytes");
            assertThatThrownBy(() -> reader.readexactly(-1)).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void readuntilFindsMultiByteSeparatorsAcrossChunks() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            Asyncio.getRunningLoop().callSoon(() -> reader.feedData(bytes("head\r")));
            Asyncio.getRunningLoop().callLater(0.01, () -> reader.feedData(bytes("\nbody")));
            assertThat(text(reader.readuntil(bytes("\r\n")))).isEqualTo("head\r\n");
            reader.feedEof();
            assertThatThrownBy(() -> reader.readuntil(bytes("\r\n")))
                    .isInstanceOfSatisfying(IncompleteReadError.class, e -> assertThat(text(e.partial())).isEqualTo("body"));
            assertThatThrownBy(() -> reader.readuntil(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void readuntilWithSeveralSeparatorsReturnsTheShortestMatch() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            reader.feedData(bytes("key=value;next\r\nrest"));
            List<byte[]> separators = List.of(bytes("\r\n"), bytes(";"));
            assertThat(text(reader.readuntil(separators))).isEqualTo("key=value;");
            assertThat(text(reader.readuntil(separators))).isEqualTo("next\r\n");
            Asyncio.getRunningLoop().callLater(0.01, () -> reader.feedData(bytes("\r")));
            Asyncio.getRunningLoop().callLater(0.02, () -> reader.feedData(bytes("\n")));
            assertThat(text(reader.readuntil(List.of(bytes("\r\n"), bytes("xyz"))))).isEqualTo("rest\r\n");
            assertThatThrownBy(() -> reader.readuntil(List.of())).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void readuntilBeyondTheLimitFailsAndKeepsTheData() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader(8);
            reader.feedData(bytes("0123456789abcdef"));
            assertThatThrownBy(() -> reader.readuntil(bytes("\n")))
                    .isInstanceOfSatisfying(LimitOverrunError.class, e -> assertThat(e.consumed()).isEqualTo(16));
            reader.feedData(bytes("\n"));
            assertThatThrownBy(() -> reader.readuntil(bytes("\n")))
                    .isInstanceOfSatisfying(LimitOverrunError.class, e -> assertThat(e.consumed()).isEqualTo(16))
                    .hasMessageContaining("longer than limit");
            assertThat(text(reader.readexactly(17))).isEqualTo("0123456789abcdef\n");
        });
    }

    @Test
    void readlineBeyondTheLimitDropsTheLineAndGoesOn() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader(8);
            reader.feedData(bytes("a very long line\nshort\n"));
            assertThatThrownBy(reader::readline).isInstanceOf(LimitOverrunError.class);
            assertThat(text(reader.readline())).isEqualTo("short\n");
            assertThatThrownBy(() -> new StreamReader(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("positive");
        });
    }

    @Test
    void iteratesOverLinesUntilTheEnd() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            Asyncio.getRunningLoop().callLater(0.01, () -> {
                reader.feedData(bytes("a\nb\nc"));
                reader.feedEof();
            });
            List<String> lines = new ArrayList<>();
            for (byte[] line : reader) {
                lines.add(text(line));
            }
            assertThat(lines).containsExactly("a\n", "b\n", "c");
        });
    }

    @Test
    void anErrorReachesTheWaitingReadAndEveryLaterOne() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            SocketException reset = new SocketException("Connection reset");
            Asyncio.getRunningLoop().callLater(0.01, () -> reader.setException(reset));
            assertThatThrownBy(reader::readline).isSameAs(reset);
            assertThatThrownBy(() -> reader.read(1)).isSameAs(reset);
            assertThat(reader.exception()).isSameAs(reset);
        });
    }

    @Test
    void onlyOneTaskMayWaitAtATimeAndCancellingItKeepsTheBuffer() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader();
            reader.feedData(bytes("part"));
            Task<byte[]> first = Asyncio.createTask(reader::readline);
            Asyncio.sleep(0);
            assertThatThrownBy(() -> reader.readexactly(10)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already waiting");
            first.cancel();
            assertThatThrownBy(first::await).isInstanceOf(CancelledError.class);
            reader.feedData(bytes("ial\n"));
            assertThat(text(reader.readline())).isEqualTo("partial\n");
        });
    }

    @Test
    void pausesTheTransportAboveTwiceTheLimitAndResumesWhenDrained() {
        Asyncio.run(() -> {
            StreamReader reader = new StreamReader(4);
            FakeTransport transport = new FakeTransport();
            reader.setTransport(transport);
            reader.feedData(bytes("12345678"));
            assertThat(transport.reading).isTrue();
            reader.feedData(bytes("9"));
            assertThat(transport.reading).isFalse();
            reader.readexactly(5);
            assertThat(transport.reading).isTrue();
        });
    }

    /** Records only what a reader asks of its transport. */
    static final class FakeTransport implements Transport {
        boolean reading = true;

        @Override public void pauseReading() { reading = false; }
        @Override public void resumeReading() { reading = true; }
        @Override public boolean isReading() { return reading; }
        @Override public void write(byte[] data) { throw new UnsupportedOperationException(); }
        @Override public void write(ByteBuffer data) { throw new UnsupportedOperationException(); }
        @Override public void writelines(Iterable<byte[]> data) { throw new UnsupportedOperationException(); }
        @Override public void writeEof() { throw new UnsupportedOperationException(); }
        @Override public boolean canWriteEof() { return true; }
        @Override public void close() { }
        @Override public void abort() { }
        @Override public boolean isClosing() { return false; }
        @Override public Object getExtraInfo(String name) { return null; }
        @Override public void setWriteBufferLimits(int high, int low) { }
        @Override public int getWriteBufferSize() { return 0; }
        @Override public int[] getWriteBufferLimits() { return new int[] {0, 0}; }
        @Override public BaseProtocol getProtocol() { return null; }
        @Override public void setProtocol(BaseProtocol protocol) { }
    }
}
