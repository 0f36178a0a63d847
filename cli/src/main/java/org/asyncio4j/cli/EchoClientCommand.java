// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.Streams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asyncio4j echo-client --port P [--connections N] [--size B] [--duration S]}: a load
 * generator for an echo server. Each connection is a task that sends a message of random bytes,
 * reads exactly as many back, checks they are the same bytes, and repeats until the time is up;
 * then the command prints requests per second and latency percentiles.
 *
 * {@snippet lang=sh :
 * ./asyncio4j echo-client --port 8888 --connections 50 --size 1024 --duration 5
 * }
 *
 * <p>A round trip writes the message without waiting for the write buffer to drain, reads the
 * echo, and only then drains: a message larger than the socket buffers would otherwise leave the
 * client stuck in {@code drain()} while the server waits for it to read.
 */
@Command(name = "echo-client", mixinStandardHelpOptions = true,
        description = "Load an echo server: N connections send B-byte messages for S seconds; prints requests/s and latency percentiles.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every round trip came back byte-exact", "1:an echo differed from what was sent, or connecting failed",
                "2:a usage error: a bad option or value", "130:interrupted by Ctrl+C"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j echo-client --port 8888", "  asyncio4j echo-client --port 8888 --connections 50 --size 1024 --duration 5"})
final class EchoClientCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Server address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "P", required = true, description = "Server port.")
    private int port;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "10", description = "Concurrent connections, one task each (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--size", paramLabel = "B", defaultValue = "64", description = "Bytes per message (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "5", description = "Seconds to run (default: ${DEFAULT-VALUE}).")
    private double duration;

    /** Thrown when an echo differs from what was sent. */
    private static final class MismatchException extends RuntimeException {
        MismatchException(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, port >= 1 && port <= 65535, "--port", "must be between 1 and 65535");
        Usage.require(spec, connections >= 1, "--connections", "must be at least 1");
        Usage.require(spec, size >= 1, "--size", "must be at least 1 byte");
        Usage.require(spec, duration > 0 && Double.isFinite(duration), "--duration", "must be a number of seconds above 0");
        System.out.printf(Locale.ROOT, "echo-client: %s, %d-byte messages, %.1f s against %s:%d%n",
                Text.count(connections, "connection"), size, duration, Text.safe(host), port);
        try {
            Latencies all = Asyncio.run(this::load);
            System.out.printf(Locale.ROOT, "requests: %d in %.1f s = %.0f requests/s; every round trip byte-exact%n",
                    all.count(), duration, all.count() / duration);
            System.out.printf("latency: p50 %s, p90 %s, p99 %s, max %s%n", millis(all.percentile(50)),
                    millis(all.percentile(90)), millis(all.percentile(99)), millis(all.percentile(100)));
            return 0;
        } catch (MismatchException e) {
            System.err.println("echo-client: " + e.getMessage());
            return 1;
        }
    }

    private Latencies load() throws Exception {
        EventLoop loop = Asyncio.getRunningLoop();
        double deadline = loop.time() + duration;
        List<Task<Latencies>> sessions = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int id = i;
            sessions.add(Asyncio.createTask(() -> session(id, loop, deadline), "connection-" + i));
        }
        Latencies all = new Latencies();
        for (Latencies latencies : Asyncio.gather(sessions).await()) {
            all.addAll(latencies);
        }
        return all;
    }

    private Latencies session(int id, EventLoop loop, double deadline) throws Exception {
        Latencies latencies = new Latencies();
        SplittableRandom random = new SplittableRandom(id);
        try (StreamConnection c = Streams.openConnection(host, port)) {
            while (loop.time() < deadline) {
                byte[] message = new byte[size];
                random.nextBytes(message);
                long start = System.nanoTime();
                c.writer().write(message);
                byte[] echoed = c.reader().readexactly(size);
                c.writer().drain();
                latencies.add(System.nanoTime() - start);
                if (!Arrays.equals(message, echoed)) {
                    throw new MismatchException("connection " + id + ", request " + latencies.count()
                            + ": the echo differs from the " + size + " bytes sent");
                }
            }
        }
        return latencies;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
