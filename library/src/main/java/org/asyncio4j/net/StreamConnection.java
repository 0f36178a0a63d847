// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.util.Objects;

/**
 * The reader and writer of one stream connection: what asyncio's {@code open_connection}
 * returns as the pair {@code (reader, writer)}. Closing it closes the writer (and so the
 * connection).
 *
 * {@snippet :
 * try (StreamConnection c = Streams.openConnection("127.0.0.1", 8888)) {
 *     c.writer().write("ping\n".getBytes(StandardCharsets.UTF_8));
 *     System.out.println(new String(c.reader().readline(), StandardCharsets.UTF_8));
 * }
 * }
 *
 * @param reader what the peer sends
 * @param writer what to send to the peer
 */
public record StreamConnection(StreamReader reader, StreamWriter writer) implements AutoCloseable {
    /**
     * Pairs a reader with its writer.
     *
     * @param reader what the peer sends
     * @param writer what to send to the peer
     */
    public StreamConnection {

        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
    }

    @Override
    public void close() {
        writer.close();
    }
}
