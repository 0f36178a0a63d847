// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.util.concurrent.Callable;
import org.asyncio4j.Asyncio;
import org.asyncio4j.KeyboardInterrupt;
import org.asyncio4j.examples.EchoServer;
import org.asyncio4j.net.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asyncio4j echo-server [--host H] [--port P]}: the streams echo server of the examples,
 * one task per connection, until Ctrl+C.
 *
 * {@snippet lang=sh :
 * ./asyncio4j echo-server --port 8888
 * # echo server listening on 127.0.0.1:8888 (Ctrl+C stops it)
 * }
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = "An echo server: every byte a client sends comes back. Ctrl+C stops it.")
final class EchoServerCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8888", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Override
    public Integer call() {
        try {
            Asyncio.run(() -> {
                Server server = EchoServer.startStreams(host, port);
                System.out.println("echo server listening on " + host + ":" + server.port() + " (Ctrl+C stops it)");
                System.out.flush();
                server.serveForever();
            });
        } catch (KeyboardInterrupt e) {
            System.out.println("echo server stopped");
        }
        return 0;
    }
}
