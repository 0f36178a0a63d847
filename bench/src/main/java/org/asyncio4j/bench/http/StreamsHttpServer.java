// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.http;

import java.io.IOException;
import org.asyncio4j.Asyncio;
import org.asyncio4j.bench.echo.EchoServerMain;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;

/**
 * The {@code http} benchmark's streams server: one task per connection that reads each request
 * head with {@link StreamReader#readuntil(byte[])}, writes the plaintext response and drains,
 * until the client closes; the same loop as the peers' asyncio streams server. Prints
 * {@code READY <port>} and serves until SIGTERM.
 *
 * {@snippet lang=shell :
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp ... org.asyncio4j.bench.http.StreamsHttpServer 0
 * }
 */
public final class StreamsHttpServer {
    private StreamsHttpServer() {
    }

    public static void main(String[] args) throws Exception {
        EchoServerMain.run(args, "StreamsHttpServer", (host, port, options) -> {
            Plaintext.refreshDateEverySecond(Asyncio.getRunningLoop());
            return Streams.startServer(StreamsHttpServer::serve, host, port, options, StreamReader.DEFAULT_LIMIT);
        });
    }

    static void serve(StreamReader reader, StreamWriter writer) {
        try (writer) {
            while (true) {
                reader.readuntil(Plaintext.END_OF_HEAD);
                writer.write(Plaintext.response());
                writer.drain();
            }
        } catch (IOException ended) {
            // The client closed (IncompleteReadError) or reset the connection: it is over.
        }
    }
}
