// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.http;

import java.nio.ByteBuffer;
import org.asyncio4j.Asyncio;
import org.asyncio4j.bench.echo.EchoServerMain;
import org.asyncio4j.net.GroupServer;
import org.asyncio4j.net.StreamReader;

/**
 * The {@code group_http} benchmark's server: the HTTP plaintext servers of the {@code http} case
 * (the streams one or the protocol one, same code) as one {@link GroupServer} over a loop group of
 * LOOPS loops, spreading its connections with {@code SO_REUSEPORT} or by hand-off. The response's
 * date is refreshed on the first loop; the protocol server's read buffer is one per loop. Prints
 * {@code READY <port>} and serves until SIGTERM.
 *
 * {@snippet lang=shell :
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp ... org.asyncio4j.bench.http.GroupHttpServer protocol 2 reuse_port 0
 * }
 */
public final class GroupHttpServer {
    private GroupHttpServer() {
    }

    public static void main(String[] args) throws Exception {
        ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));
        EchoServerMain.runGroup(args, "GroupHttpServer", (group, streams, host, port, options, spread) -> {
            Plaintext.refreshDateEverySecond(Asyncio.getRunningLoop());
            return streams
                    ? GroupServer.startServer(group, StreamsHttpServer::serve, host, port, options, StreamReader.DEFAULT_LIMIT, spread)
                    : GroupServer.createServer(group, () -> new ProtocolHttpServer.Http(buffers.get()), host, port, options, spread);
        });
    }
}
