// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Condition;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Passes;
import org.asyncio4j.bench.ProcessCpu;
import org.asyncio4j.bench.Size;

/**
 * {@code blocking_sleep}, {@code blocking_file}, {@code blocking_file_tothread},
 * {@code blocking_socket} and {@code blocking_jdbc}: how late a 1 ms ticker task runs while
 * {@value #WORKERS} tasks make blocking JDK calls, each in a loop: {@code Thread.sleep(10)} (parks
 * only its task), or a read of a 1 MiB page-cached file followed by {@code Thread.sleep(10)} (the
 * read blocks the carrier, which is the loop's thread, for its whole length), or that read through
 * {@link Asyncio#toThread} (the fix), or a blocking {@link Socket} round trip of one byte to a
 * local server thread that answers after 10 ms (no sleep then), or a JDBC query
 * {@code SELECT pg_sleep(0.01)} on a connection of its own to the PostgreSQL server that
 * {@code bench/run} starts ({@value #JDBC_URL_VARIABLE} names it; without it the case cannot run).
 * The figure is the 99th percentile of the ticker's lateness over N ticks, in microseconds; the
 * process's CPU time per worker call is {@code cpu_ns}, and the calls the workers made per second
 * in the last pass {@code calls_per_s} (the peers: the same calls through
 * {@code asyncio.to_thread}, and {@link #onJdkVirtualThreads} for the JDK's own scheduler).
 */
public final class BlockingCase implements BenchCase {
    static final int WORKERS = 100;
    static final int FILE_BYTES = 1 << 20;
    /** The environment variable holding the JDBC URL of the {@code blocking_jdbc} case's database. */
    public static final String JDBC_URL_VARIABLE = "BENCH_JDBC_URL";
    /** What each worker does in its loop. */
    public enum Call { SLEEP, FILE, FILE_TO_THREAD, SOCKET, JDBC }

    private final Call call;
    /** The calls per second of the last pass (one pass runs at a time). */
    private static volatile double callsPerSecond = Double.NaN;

    public BlockingCase(Call call) {
        this.call = call;
    }

    /** The case {@code name} names ({@code blocking_sleep}, ...). */
    public static Call call(String name) {
        for (Call c : Call.values()) {
            if (new BlockingCase(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("not a blocking case: '" + name + "'");
    }

    @Override
    public String name() {
        return switch (call) {
            case SLEEP -> "blocking_sleep";
            case FILE -> "blocking_file";
            case FILE_TO_THREAD -> "blocking_file_tothread";
            case SOCKET -> "blocking_socket";
            case JDBC -> "blocking_jdbc";
        };
    }

    /**
     * Ticks per pass, the same on every system. Blocking file reads stall asyncio4j's loop so long
     * that 2,000 ticks took more than the harness's 10 minutes per case, so {@code blocking_file}
     * measures 250 ticks everywhere (its p99 is still the 3rd-worst tick).
     */
    @Override
    public int n(Size size) {
        return call == Call.FILE ? size.pick(250, 250, 50) : size.pick(2_000, 500, 50);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        return List.of(measure(SYSTEM, size, Runner.ASYNCIO4J));
    }

    /** The runners of one pass: asyncio4j's loop, or the JDK's default virtual-thread scheduler. */
    enum Runner { ASYNCIO4J, JDK_VIRTUAL_THREADS }

    Figure measure(String system, Size size, Runner runner) throws Exception {
        int n = n(size);
        String url = System.getenv(JDBC_URL_VARIABLE);
        if (call == Call.JDBC && (url == null || url.isBlank())) {
            throw new IllegalStateException("blocking_jdbc needs a PostgreSQL server: set " + JDBC_URL_VARIABLE
                    + " to its JDBC URL (bench/run starts one and sets it)");
        }
        Path data = Files.createTempFile("asyncio4j-bench", ".bin");
        try {
            Files.write(data, new byte[FILE_BYTES]);
            Passes.Summary summary = size.passes().run(() -> runner == Runner.ASYNCIO4J
                    ? once(n, call, data, url) : onJdkVirtualThreads(n, call, data, url));
            Map<String, Double> extra = new LinkedHashMap<>(summary.extra());
            extra.put("calls_per_s", callsPerSecond);
            return new Figure(system, Condition.current().caseName(name()), n, summary.best(), "us p99 lateness", extra);
        } finally {
            Files.deleteIfExists(data);
        }
    }

    static double once(int ticks, Call call, Path file, String url) {
        return Asyncio.run(() -> {
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder calls = new LongAdder();
            List<Task<Void>> workers = new ArrayList<>(WORKERS);
            ServerSocket slow = call == Call.SOCKET ? slowServer() : null;
            long cpu0 = ProcessCpu.now();
            long t0 = System.nanoTime();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(Asyncio.createTask(() -> {
                    try (Worker worker = worker(call, file, slow, url)) {
                        while (!stop.get()) {
                            worker.call();
                            calls.increment();
                        }
                    }
                }));
            }
            double[] late = new double[ticks];
            for (int i = 0; i < ticks; i++) {
                long tick = System.nanoTime();
                Asyncio.sleep(0.001);
                late[i] = Math.max(0, System.nanoTime() - tick - 1_000_000) / 1000.0;
            }
            stop.set(true);
            Asyncio.gather(workers).await();
            recordCalls(cpu0, t0, calls.sum());
            if (slow != null) {
                slow.close();
            }
            return p99(late);
        });
    }

    /**
     * The same pass on the JDK's own virtual threads (the {@code java-vthreads} peer): the ticker
     * sleeps with {@code Thread.sleep(1)} and every worker is a virtual thread of the default
     * scheduler, which sizes itself to the CPUs the process may use (one under
     * {@code taskset -c 1}) and adds carriers while a file read blocks one.
     */
    static double onJdkVirtualThreads(int ticks, Call call, Path file, String url) throws Exception {
        if (call == Call.FILE_TO_THREAD) {
            throw new IllegalArgumentException("blocking_file_tothread is asyncio4j's own variant");
        }
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder calls = new LongAdder();
        ServerSocket slow = call == Call.SOCKET ? slowServer() : null;
        long cpu0 = ProcessCpu.now();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                try (Worker worker = worker(call, file, slow, url)) {
                    while (!stop.get()) {
                        worker.call();
                        calls.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        double[] late = new double[ticks];
        Thread ticker = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < ticks; i++) {
                long tick = System.nanoTime();
                sleepBlocking(1);
                late[i] = Math.max(0, System.nanoTime() - tick - 1_000_000) / 1000.0;
            }
        });
        ticker.join();
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        recordCalls(cpu0, t0, calls.sum());
        if (slow != null) {
            slow.close();
        }
        return p99(late);
    }

    /** The pass's CPU time per call (for {@link ProcessCpu}) and its calls per second. */
    private static void recordCalls(long cpu0, long t0, long calls) {
        ProcessCpu.record(cpu0, ProcessCpu.now(), calls);
        callsPerSecond = calls * 1e9 / (System.nanoTime() - t0);
    }

    private static double p99(double[] late) {
        Arrays.sort(late);
        return late[(int) Math.ceil(0.99 * late.length) - 1];
    }

    /** One worker's blocking call, with the connection it holds, if any. */
    private interface Worker extends AutoCloseable {
        void call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private static Worker worker(Call call, Path file, ServerSocket slow, String url) throws Exception {
        return switch (call) {
            case SLEEP -> () -> sleepBlocking(10);
            case FILE -> () -> {
                read(file);
                sleepBlocking(10);
            };
            case FILE_TO_THREAD -> () -> {
                Asyncio.toThread(() -> read(file)).await();
                sleepBlocking(10);
            };
            case SOCKET -> {
                Socket socket = new Socket("127.0.0.1", slow.getLocalPort());
                yield new Worker() {
                    @Override
                    public void call() throws IOException {
                        socket.getOutputStream().write(1);
                        socket.getInputStream().read();
                    }

                    @Override
                    public void close() throws IOException {
                        socket.close();
                    }
                };
            }
            case JDBC -> {
                Connection connection = DriverManager.getConnection(url);
                PreparedStatement query = connection.prepareStatement("SELECT pg_sleep(0.01)");
                yield new Worker() {
                    @Override
                    public void call() throws Exception {
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                        }
                    }

                    @Override
                    public void close() throws Exception {
                        connection.close();
                    }
                };
            }
        };
    }

    /** A server whose platform thread per connection answers each byte after 10 ms, until the client closes. */
    private static ServerSocket slowServer() throws IOException {
        ServerSocket server = new ServerSocket(0, WORKERS, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Socket client = server.accept();
                    Thread.ofPlatform().daemon().start(() -> {
                        try (client) {
                            while (client.getInputStream().read() >= 0) {
                                Thread.sleep(10);
                                client.getOutputStream().write(1);
                            }
                        } catch (IOException | InterruptedException ended) {
                            // the client closed: this connection is over
                        }
                    });
                }
            } catch (IOException closed) {
                // the pass is over and closed the server
            }
        });
        return server;
    }

    private static void read(Path file) {
        try {
            Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepBlocking(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
