// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.asyncio4j.Asyncio;
import org.asyncio4j.LoopGroup;
import org.asyncio4j.net.GroupServer;
import org.asyncio4j.net.GroupServer.Spread;
import org.asyncio4j.net.ServerOptions;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;

/**
 * The stream echo server on every core: one loop per available processor, connections spread
 * over them ({@code SO_REUSEPORT} on Linux, hand-off elsewhere), each served on one loop for its
 * whole life exactly as on a single loop.
 *
 * <p>Run: {@code EchoEveryCore [port]} (default 8888), then for example {@link EchoClient}. Ctrl+C
 * cancels every loop's tasks, waits for them and exits.
 *
 * <p>The tour's program ({@code ./asyncio4j demo every-core}, {@link #run(PrintStream)}) starts a
 * variant whose answers name the loop that served the connection, on a group of two loops: by
 * hand-off, four clients one after another go to loop 0, 1, 0, 1; with {@code SO_REUSEPORT}
 * (Linux), the kernel picks the loop of each of sixteen.
 *
 * {@snippet :
 * EchoEveryCore.run(System.out); // client 1 echoed by loop 0, client 2 echoed by loop 1, ...
 * }
 */
public final class EchoEveryCore {
    private EchoEveryCore() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8888;
        LoopGroup.run(group -> {
            GroupServer server = start(group, "127.0.0.1", port);
            System.out.println("echo server on " + group.size() + " loops (" + server.spread() + ") on port " + server.port());
            EchoServer.serveUntilCancelled(server);
            return null;
        });
    }

    /** The tour's program: the server on two loops, spread by hand-off, then with {@code SO_REUSEPORT} where it balances. */
    static void run(PrintStream out) {
        LoopGroup.run(2, group -> {
            GroupServer server = startNamingLoops(group, Spread.HAND_OFF);
            out.println("echo server on " + group.size() + " loops, spread by " + server.spread());
            for (int client = 1; client <= 4; client++) {
                out.print("  " + askOnce(server.port(), "client " + client));
            }
            server.close();
            server.waitClosed();
            if (GroupServer.reusePortBalances()) {
                server = startNamingLoops(group, Spread.REUSE_PORT);
                Map<String, Integer> served = new TreeMap<>();
                for (int client = 1; client <= 16; client++) {
                    String answer = askOnce(server.port(), "client " + client).strip();
                    served.merge(answer.substring(answer.indexOf("by ") + 3), 1, Integer::sum);
                }
                out.println("spread by " + server.spread() + " (the kernel picks): 16 clients, " + served);
                server.close();
                server.waitClosed();
            }
            out.println("every loop closed its connections");
            return null;
        });
    }

    /** An echo server whose answer says which loop of {@code group} served it: "line echoed by loop N". */
    private static GroupServer startNamingLoops(LoopGroup group, Spread spread) throws IOException {
        return GroupServer.startServer(group, (reader, writer) -> {
            try (writer) {
                String line = new String(reader.readline(), UTF_8).strip();
                int loop = group.loops().indexOf(Asyncio.getRunningLoop());
                writer.write((line + " echoed by loop " + loop + "\n").getBytes(UTF_8));
                writer.drain();
            }
        }, "127.0.0.1", 0, ServerOptions.defaults(), StreamReader.DEFAULT_LIMIT, spread);
    }

    /** From a task: one connection, one line out, the answer back. */
    private static String askOnce(int port, String line) throws IOException {
        try (StreamConnection c = Streams.openConnection("127.0.0.1", port)) {
            c.writer().write((line + "\n").getBytes(UTF_8));
            c.writer().drain();
            return new String(c.reader().readline(), UTF_8);
        }
    }

    /** Starts the echo server on every loop of {@code group}. */
    public static GroupServer start(LoopGroup group, String host, int port) throws IOException {
        return GroupServer.startServer(group, EchoEveryCore::echo, host, port);
    }

    private static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        try (writer) {
            for (byte[] data; (data = reader.read(64 * 1024)).length > 0; ) {
                writer.write(data);
                writer.drain();
            }
        }
    }
}
