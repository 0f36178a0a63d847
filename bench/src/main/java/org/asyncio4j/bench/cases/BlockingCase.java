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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Condition;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Passes;
import org.asyncio4j.bench.Size;

/**
 * {@code blocking_sleep}, {@code blocking_file}, {@code blocking_file_tothread} and
 * {@code blocking_socket}: how late a 1 ms ticker task runs while {@value #WORKERS} tasks make
 * blocking JDK calls, each in a loop: {@code Thread.sleep(10)} (parks only its task), or a read
 * of a 1 MiB page-cached file followed by {@code Thread.sleep(10)} (the read blocks the carrier,
 * which is the loop's thread, for its whole length), or that read through
 * {@link Asyncio#toThread} (the fix), or a blocking {@link Socket} round trip of one byte to a
 * local server thread that answers after 10 ms (no sleep then). The figure is the 99th
 * percentile of the ticker's lateness over N ticks, in microseconds (the peers: the same calls
 * through {@code asyncio.to_thread}).
 */
public final class BlockingCase implements BenchCase {
    static final int WORKERS = 100;
    static final int FILE_BYTES = 1 << 20;
    /** What each worker does before its {@code Thread.sleep(10)}. */
    public enum Call { SLEEP, FILE, FILE_TO_THREAD, SOCKET }

    private final Call call;

    public BlockingCase(Call call) {
        this.call = call;
    }

    @Override
    public String name() {
        return switch (call) {
            case SLEEP -> "blocking_sleep";
            case FILE -> "blocking_file";
            case FILE_TO_THREAD -> "blocking_file_tothread";
            case SOCKET -> "blocking_socket";
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
        int n = n(size);
        Path data = Files.createTempFile("asyncio4j-bench", ".bin");
        try {
            Files.write(data, new byte[FILE_BYTES]);
            Passes.Summary summary = size.passes().run(() -> once(n, call, data));
            return List.of(new Figure(SYSTEM, Condition.current().caseName(name()), n, summary.best(),
                    "us p99 lateness", summary.extra()));
        } finally {
            Files.deleteIfExists(data);
        }
    }

    static double once(int ticks, Call call, Path file) {
        return Asyncio.run(() -> {
            boolean[] stop = {false};
            List<Task<Void>> workers = new ArrayList<>(WORKERS);
            ServerSocket slow = call == Call.SOCKET ? slowServer() : null;
            for (int w = 0; w < WORKERS; w++) {
                workers.add(Asyncio.createTask(() -> {
                    Socket socket = slow == null ? null : new Socket("127.0.0.1", slow.getLocalPort());
                    while (!stop[0]) {
                        switch (call) {
                            case SLEEP -> sleepBlocking();
                            case FILE -> {
                                read(file);
                                sleepBlocking();
                            }
                            case FILE_TO_THREAD -> {
                                Asyncio.toThread(() -> read(file)).await();
                                sleepBlocking();
                            }
                            case SOCKET -> {
                                socket.getOutputStream().write(1);
                                socket.getInputStream().read();
                            }
                        }
                    }
                    if (socket != null) {
                        socket.close();
                    }
                }));
            }
            double[] late = new double[ticks];
            for (int i = 0; i < ticks; i++) {
                long t0 = System.nanoTime();
                Asyncio.sleep(0.001);
                late[i] = Math.max(0, System.nanoTime() - t0 - 1_000_000) / 1000.0;
            }
            stop[0] = true;
            Asyncio.gather(workers).await();
            if (slow != null) {
                slow.close();
            }
            Arrays.sort(late);
            return late[(int) Math.ceil(0.99 * ticks) - 1];
        });
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

    private static void sleepBlocking() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
