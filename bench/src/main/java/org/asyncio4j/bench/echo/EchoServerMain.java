// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.ServerOptions;

/**
 * What the echo and HTTP server mains share, as the peers' servers behave: listen on 127.0.0.1
 * (port 0, the default, picks a free one), print {@code READY <port>} on stdout once listening,
 * serve until SIGTERM (or Ctrl+C), then close the listener, abort the open connections and exit
 * with status 0.
 *
 * {@snippet :
 * EchoServerMain.run(args, "StreamsEchoServer", (host, port, options) ->
 *         Streams.startServer(StreamsEchoServer::echo, host, port, options, StreamReader.DEFAULT_LIMIT));
 * }
 */
public final class EchoServerMain {
    /** The peers' listen backlog: 100 connections arrive at once. */
    public static final ServerOptions OPTIONS = ServerOptions.defaults().backlog(1024);

    /** Starts one server on the running loop. */
    @FunctionalInterface
    public interface Starter {
        Server start(String host, int port, ServerOptions options) throws Exception;
    }

    private EchoServerMain() {
    }

    public static void run(String[] args, String name, Starter starter) throws Exception {
        int port = port(args, name);
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> terminated = loop.createFuture();
            // runs on the loop's thread, which owns the future
            loop.addSignalHandler("SIGTERM", () -> {
                if (!terminated.isDone()) {
                    terminated.setResult(null);
                }
            });
            Server server = starter.start("127.0.0.1", port, OPTIONS);
            System.out.println("READY " + server.port());
            System.out.flush();
            try {
                terminated.await();
            } finally {
                server.close();
                server.abortClients();
                server.waitClosed();
            }
        });
    }

    private static int port(String[] args, String name) {
        if (args.length > 1) {
            usage(name, "too many arguments");
        }
        if (args.length == 0) {
            return 0;
        }
        try {
            int port = Integer.parseInt(args[0]);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        usage(name, "PORT must be a number from 0 to 65535, not '" + args[0] + "'");
        return -1;
    }

    private static void usage(String name, String problem) {
        System.err.println(problem);
        System.err.println("usage: " + name + " [PORT]   (0, the default: any free port; listens on 127.0.0.1)");
        System.exit(2);
    }
}
