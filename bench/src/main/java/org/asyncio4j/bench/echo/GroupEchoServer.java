// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import java.nio.ByteBuffer;
import org.asyncio4j.net.GroupServer;
import org.asyncio4j.net.StreamReader;

/**
 * The {@code group_echo} benchmark's server: the echo servers of the {@code echo} case (the
 * streams one or the protocol one, same code) as one {@link GroupServer} over a loop group of
 * LOOPS loops, spreading its connections with {@code SO_REUSEPORT} or by hand-off. Prints
 * {@code READY <port>} and serves until SIGTERM.
 *
 * <p>The protocol server's read buffer is one per loop (each connection reads on its own loop's
 * thread, one protocol call at a time there), where the one-loop server shares one for all.
 *
 * {@snippet lang=shell :
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp ... org.asyncio4j.bench.echo.GroupEchoServer protocol 2 reuse_port 0
 * }
 */
public final class GroupEchoServer {
    private GroupEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));
        EchoServerMain.runGroup(args, "GroupEchoServer", (group, streams, host, port, options, spread) -> streams
                ? GroupServer.startServer(group, StreamsEchoServer::echo, host, port, options, StreamReader.DEFAULT_LIMIT, spread)
                : GroupServer.createServer(group, () -> new ProtocolEchoServer.Echo(buffers.get()), host, port, options, spread));
    }
}
