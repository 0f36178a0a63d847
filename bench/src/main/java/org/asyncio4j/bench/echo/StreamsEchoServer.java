// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import java.io.IOException;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;

/**
 * The {@code echo} benchmark's streams server: one task per connection that reads up to 64 KiB,
 * writes it back and drains, until the peer closes; the same loop as the peers'
 * {@code echo_server.py --mode streams}. Prints {@code READY <port>} and serves until SIGTERM.
 *
 * {@snippet lang=shell :
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp ... org.asyncio4j.bench.echo.StreamsEchoServer 0
 * }
 */
public final class StreamsEchoServer {
    private static final int READ_SIZE = 64 * 1024;

    private StreamsEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        EchoServerMain.run(args, "StreamsEchoServer", (host, port, options) ->
                Streams.startServer(StreamsEchoServer::echo, host, port, options, StreamReader.DEFAULT_LIMIT));
    }

    static void echo(StreamReader reader, StreamWriter writer) {
        try (writer) {
            for (byte[] data; (data = reader.read(READ_SIZE)).length > 0; ) {
                writer.write(data);
                writer.drain();
            }
        } catch (IOException ended) {
            // The peer reset the connection (the load generator closes that way): it is over.
        }
    }
}
