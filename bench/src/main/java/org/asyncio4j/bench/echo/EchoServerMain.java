// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import java.nio.file.Path;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.LoopGroup;
import org.asyncio4j.net.GroupServer;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.ServerOptions;

/**
 * What the echo and HTTP server mains share, as the peers' servers behave: listen on 127.0.0.1
 * (port 0, the default, picks a free one), print {@code READY <port>} on stdout once listening,
 * serve until SIGTERM (or Ctrl+C), then close the listener, abort the open connections and exit
 * with status 0. {@link #runGroup} does the same with one server spread over a {@link LoopGroup}
 * ({@link GroupServer}), for the {@code group_echo} and {@code group_http} cases.
 * {@code PORT --tls KEYSTORE.p12} (the {@code tls} case) serves TLS with the key and certificate
 * of that PKCS#12 file ({@link BenchTls}).
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

    /** Starts one server spread over the loops of {@code group}, from a task of its first loop. */
    @FunctionalInterface
    public interface GroupStarter {
        GroupServer start(LoopGroup group, boolean streams, String host, int port, ServerOptions options,
                          GroupServer.Spread spread) throws Exception;
    }

    private EchoServerMain() {
    }

    public static void run(String[] args, String name, Starter starter) throws Exception {
        String form = "[PORT [--tls KEYSTORE.p12]]";
        boolean tls = args.length == 3 && args[1].equals("--tls");
        if (args.length > 1 && !tls) {
            usage(name, "expected PORT, or PORT --tls KEYSTORE.p12", form);
        }
        ServerOptions options = tls ? OPTIONS.ssl(BenchTls.serverContext(Path.of(args[2]))) : OPTIONS;
        int port = args.length == 0 ? 0 : port(args[0], name, form);
        Asyncio.run(() -> serveUntilTerminated(starter.start("127.0.0.1", port, options)));
    }

    /**
     * The group form: {@code streams|protocol LOOPS reuse_port|hand_off [PORT]}, one
     * {@link GroupServer} over a group of LOOPS loops spreading its connections as the third
     * argument says.
     */
    public static void runGroup(String[] args, String name, GroupStarter starter) throws Exception {
        String form = "streams|protocol LOOPS reuse_port|hand_off [PORT]";
        if (args.length < 3 || args.length > 4) {
            usage(name, "expected 3 or 4 arguments, got " + args.length, form);
        }
        if (!args[0].equals("streams") && !args[0].equals("protocol")) {
            usage(name, "the mode must be streams or protocol, not '" + args[0] + "'", form);
        }
        int loops = 0;
        try {
            loops = Integer.parseInt(args[1]);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (loops < 1) {
            usage(name, "LOOPS must be a number of at least 1, not '" + args[1] + "'", form);
        }
        GroupServer.Spread spread = switch (args[2]) {
            case "reuse_port" -> GroupServer.Spread.REUSE_PORT;
            case "hand_off" -> GroupServer.Spread.HAND_OFF;
            default -> {
                usage(name, "the spread must be reuse_port or hand_off, not '" + args[2] + "'", form);
                yield null;
            }
        };
        boolean streams = args[0].equals("streams");
        int port = args.length == 4 ? port(args[3], name, form) : 0;
        LoopGroup.run(loops, group -> {
            serveUntilTerminated(starter.start(group, streams, "127.0.0.1", port, OPTIONS, spread));
            return null;
        });
    }

    /** From a task: announces the server's port, serves until SIGTERM, then closes it and its connections. */
    private static void serveUntilTerminated(Server server) throws Exception {
        EventLoop loop = Asyncio.getRunningLoop();
        Future<Void> terminated = loop.createFuture();
        // runs on the loop's thread, which owns the future
        loop.addSignalHandler("SIGTERM", () -> {
            if (!terminated.isDone()) {
                terminated.setResult(null);
            }
        });
        System.out.println("READY " + server.port());
        System.out.flush();
        try {
            terminated.await();
        } finally {
            server.close();
            server.abortClients();
            server.waitClosed();
        }
    }

    private static int port(String arg, String name, String form) {
        try {
            int port = Integer.parseInt(arg);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        usage(name, "PORT must be a number from 0 to 65535, not '" + arg + "'", form);
        return -1;
    }

    private static void usage(String name, String problem, String form) {
        System.err.println(problem);
        System.err.println("usage: " + name + " " + form + "   (PORT 0, the default: any free port; listens on 127.0.0.1;"
                + " a keystore's password is " + BenchTls.PASSWORD + ")");
        System.exit(2);
    }
}
