// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.util.concurrent.Callable;
import org.asyncio4j.Asyncio;
import org.asyncio4j.KeyboardInterrupt;
import org.asyncio4j.examples.EchoServer;
import org.asyncio4j.net.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        description = "An echo server: every byte a client sends comes back. Ctrl+C stops it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl+C, the way it is meant to stop",
                "1:could not listen (the port is taken, the host is not found)", "2:a usage error: a bad option or value"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j echo-server --port 8888", "  asyncio4j echo-server --host 0.0.0.0 --port 0    # any address, a free port"})
final class EchoServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8888", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Override
    public Integer call() {
        Usage.require(spec, port >= 0 && port <= 65535, "--port", "must be between 0 and 65535 (0 picks a free port)");
        Usage.require(spec, !host.isBlank(), "--host", "must name an address, like 127.0.0.1 or ::1");
        try {
            Asyncio.run(() -> {
                Server server = EchoServer.startStreams(host, port);
                System.out.println("echo server listening on " + Text.safe(host) + ":" + server.port() + " (Ctrl+C stops it)");
                System.out.flush();
                server.serveForever();
            });
        } catch (KeyboardInterrupt e) {
            System.out.println("echo server stopped");
        }
        return 0;
    }
}
