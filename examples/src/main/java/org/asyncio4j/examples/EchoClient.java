// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.Streams;

/**
 * The client for {@link EchoServer}: sends a few lines, prints each answer, then half-closes and
 * reads to the end. Run: {@code EchoClient [port] [line...]}.
 */
public final class EchoClient {
    private EchoClient() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8888;
        List<String> lines = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("hello", "echo");
        Asyncio.run(() -> talk(System.out, port, lines));
    }

    /** Sends {@code lines} one by one and prints the answers; call from a task. */
    static void talk(PrintStream out, int port, List<String> lines) throws IOException {
        try (StreamConnection c = Streams.openConnection("127.0.0.1", port)) {
            for (String line : lines) {
                c.writer().write((line + "\n").getBytes(UTF_8));
                c.writer().drain();
                out.print("echoed: " + new String(c.reader().readline(), UTF_8));
            }
            c.writer().writeEof();
            out.println("server closed after " + c.reader().read().length + " more bytes");
        }
    }
}
