// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.IOException;
import org.asyncio4j.LoopGroup;
import org.asyncio4j.net.GroupServer;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;

/**
 * The stream echo server on every core: one loop per available processor, connections spread
 * over them ({@code SO_REUSEPORT} on Linux, hand-off elsewhere), each served on one loop for its
 * whole life exactly as on a single loop.
 *
 * <p>Run: {@code EchoEveryCore [port]} (default 8888), then for example {@link EchoClient}. Ctrl+C
 * cancels every loop's tasks, waits for them and exits.
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
