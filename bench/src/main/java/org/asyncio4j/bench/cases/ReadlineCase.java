// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;

/**
 * {@code readline}: a streams server on 127.0.0.1 writes N lines of 64 bytes (newline included),
 * {@value #BATCH} lines per write, draining after each, and closes; a client on the same loop
 * reads them with {@link StreamReader#readline()}; nanoseconds per line, both ends included (the
 * peers: the same with asyncio's streams on asyncio and uvloop).
 */
public final class ReadlineCase implements BenchCase {
    static final int BATCH = 1024;
    private static final byte[] LINE = ("x".repeat(63) + "\n").getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "readline";
    }

    @Override
    public int n(Size size) {
        return size.pick(1_000_000, 200_000, 2_000);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/line"));
    }

    static double once(int n) {
        byte[] batch = new byte[LINE.length * BATCH];
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(LINE, 0, batch, i * LINE.length, LINE.length);
        }
        return Timing.nanosPer(n, () -> {
            Server server = Streams.startServer((reader, writer) -> write(writer, n, batch), "127.0.0.1", 0);
            try (StreamConnection client = Streams.openConnection("127.0.0.1", server.port())) {
                for (int i = 0; i < n; i++) {
                    byte[] line = client.reader().readline();
                    if (line.length != LINE.length) {
                        throw new IllegalStateException("line " + i + " has " + line.length + " bytes: " + Arrays.toString(line));
                    }
                }
            } finally {
                server.close();
                server.waitClosed();
            }
        });
    }

    private static void write(StreamWriter writer, int n, byte[] batch) {
        try (writer) {
            for (int sent = 0; sent < n; sent += BATCH) {
                int lines = Math.min(BATCH, n - sent);
                writer.write(lines == BATCH ? batch : Arrays.copyOf(batch, lines * LINE.length));
                writer.drain();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
