// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "非阻塞I/O 流" (non-blocking I/O streams): every stream
 * line of the cheat sheet in order — {@code start_server(handler, '127.0.0.1', 9876)},
 * {@code open_connection}, {@code reader.readline()}, {@code writer.write(data)},
 * {@code await writer.drain()}, {@code writer.close()} and {@code await writer.wait_closed()}.
 * The seed opens a connection to {@code google.com:80}; to run without a network, the client here
 * connects to the server started just before.
 */
public final class StreamSnippets {
    private StreamSnippets() {
    }

    public static void main(String[] args) {
        run(System.out, 9876);
    }

    /** Runs the snippets against a server on {@code port} (0: any free port). */
    static void run(PrintStream out, int port) {
        Asyncio.run(() -> {
            // server = await start_server(handler, '127.0.0.1', 9876)
            Server server = Streams.startServer(StreamSnippets::handler, "127.0.0.1", port);
            out.println("server started");

            // reader, writer = await open_connection(host, port)
            StreamConnection connection = Streams.openConnection("127.0.0.1", server.port());
            StreamReader reader = connection.reader();
            StreamWriter writer = connection.writer();

            // writer.write(data); await writer.drain()
            writer.write("hello server\n".getBytes(UTF_8));
            writer.drain();

            // data = await reader.readline()
            byte[] data = reader.readline();
            out.print("client received: " + new String(data, UTF_8));

            // writer.close(); await writer.wait_closed()
            writer.close();
            writer.waitClosed();
            out.println("client closed");

            server.close();
            server.waitClosed();
            out.println("server closed");
        });
    }

    private static void handler(StreamReader reader, StreamWriter writer) throws Exception {
        byte[] line = reader.readline();
        writer.write(("echo: " + new String(line, UTF_8)).getBytes(UTF_8));
        writer.drain();
        writer.close();
        writer.waitClosed();
    }
}
