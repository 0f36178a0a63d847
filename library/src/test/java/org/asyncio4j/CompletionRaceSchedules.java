// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.Streams;
import org.asyncio4j.queues.Queue;
import org.asyncio4j.subprocess.Subprocess;
import org.asyncio4j.subprocess.Subprocesses;
import org.asyncio4j.sync.Barrier;
import org.asyncio4j.sync.Condition;
import org.asyncio4j.sync.Event;
import org.asyncio4j.sync.Lock;
import org.asyncio4j.sync.Semaphore;
import org.asyncio4j.testing.SameIteration;
import org.asyncio4j.testing.Steps;

/**
 * One random schedule in which the library's own completions fall due in the same loop iteration
 * as cancellations of what waits for them, some cancellations running ahead of the completions
 * and some among them: the timers of sleep, waitFor, timeout, wait and asCompleted; primitives
 * and queues woken by timers; results of threads and executors; wrapped CompletableFutures;
 * gather, shield, task groups and async generators; stream reads, subprocess exits and a
 * server's close. The loop is blocked while they all fall due (see {@link SameIteration}).
 * Property: every task ends and the exception handler hears nothing, because the library, like
 * asyncio, never completes a future that was cancelled meanwhile.
 *
 * <p>A seed fixes the operations, their delays and which targets are cancelled when; the exact
 * interleaving also depends on the machine's timing, which only changes what gets covered.
 */
final class CompletionRaceSchedules {
    /** Operations fall due within this many seconds of the start... */
    private static final double WINDOW = 0.06;
    /** ...while the loop is blocked until this many seconds after it. */
    private static final double STALL = 0.08;

    private enum Kind {
        SLEEP, WAIT_FOR_FUTURE, WAIT_FOR_COROUTINE, TIMEOUT, LOCK, SEMAPHORE, EVENT, CONDITION, QUEUE_GET, QUEUE_PUT,
        BARRIER, TO_THREAD, EXECUTOR, WRAP_FUTURE, GATHER, SHIELD, AS_COMPLETED, WAIT, TASK_GROUP, GENERATOR,
        STREAM_READ, SUBPROCESS, SERVER_CLOSED
    }

    private final SplittableRandom random;
    private final ExecutorService executor;
    private final List<Future<?>> targets = new ArrayList<>();
    private final List<Task<?>> tasks = new ArrayList<>();
    private final List<Subprocess> processes = new ArrayList<>();
    private final List<Thread> peers = new ArrayList<>();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private EventLoop loop;

    private CompletionRaceSchedules(long seed, ExecutorService executor) {
        this.random = new SplittableRandom(seed);
        this.executor = executor;
    }

    /** Runs the schedule for {@code seed} with {@code operations} operations and checks it. */
    static void check(long seed, int operations) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        CompletionRaceSchedules schedule = new CompletionRaceSchedules(seed, executor);
        try {
            List<Map<String, Object>> reports = Asyncio.run(() -> schedule.run(operations));
            assertThat(reports).as("what the exception handler heard").isEmpty();
        } finally {
            executor.shutdownNow();
            schedule.closePeers();
        }
    }

    private List<Map<String, Object>> run(int operations) throws Exception {
        loop = Asyncio.getRunningLoop();
        List<Map<String, Object>> heard = SameIteration.recordReports(loop);
        SameIteration.warmUp(loop);
        Event go = new Event();
        int[] prepared = {0};
        for (int i = 0; i < operations; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            Op op = operation(kind);
            tasks.add(loop.createTask(() -> {
                op.prepare().run();
                prepared[0]++;
                go.await();
                return op.race().call(); // its timers, threads and peers start now
            }, kind.name()));
        }
        while (prepared[0] < operations && tasks.stream().noneMatch(Future::isDone)) {
            Steps.yieldOnce();
        }
        assertThat(prepared[0]).as("operations prepared").isEqualTo(operations);
        double start = loop.time();
        go.set();
        Steps.yieldIterations(2); // the races begin and their helper tasks start
        targets.addAll(tasks);
        List<Future<?>> ahead = new ArrayList<>();
        for (Future<?> target : List.copyOf(targets)) {
            switch (random.nextInt(3)) {
                case 0 -> ahead.add(target); // ahead of every completion that fell due during the stall
                case 1 -> loop.callLater(due(), target::cancel); // among them, before or after its own
                default -> { }
            }
        }
        SameIteration.stallUntil(loop, start + STALL, () -> ahead.forEach(Future::cancel));
        Asyncio.wait(tasks, 5.0);
        assertThat(tasks).as("operations still running").allMatch(Future::isDone);
        for (Task<?> task : tasks) {
            if (!task.isCancelled()) {
                task.exception(); // timeouts and the like are expected outcomes here
            }
        }
        for (Subprocess process : processes) {
            process.await();
        }
        Steps.yieldIterations(3);
        return heard;
    }

    private double due() {
        return WINDOW * (0.3 + 0.7 * random.nextDouble());
    }

    private <F extends Future<?>> F target(F future) {
        targets.add(future);
        return future;
    }

    private Task<Integer> sleeper() {
        double delay = due();
        return target(loop.createTask(() -> Asyncio.sleep(delay, 1)));
    }

    private List<Task<Integer>> sleepers() {
        List<Task<Integer>> children = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            children.add(sleeper());
        }
        return children;
    }

    /**
     * What one operation does: {@code prepare} may take iterations (connecting, say) and happens
     * before the start; {@code race} starts the timers, threads and peers that complete things,
     * all falling due within {@link #WINDOW}, and waits for them.
     */
    private record Op(AsyncRunnable prepare, Coroutine<?> race) {
        Op(Coroutine<?> race) {
            this(() -> { }, race);
        }
    }

    private Op operation(Kind kind) throws Exception {
        double delay = due();
        double limit = due();
        return switch (kind) {
            case SLEEP -> new Op(() -> Asyncio.sleep(delay, 1));
            case WAIT_FOR_FUTURE -> new Op(() -> {
                Future<Integer> future = target(loop.createFuture());
                loop.callLater(delay, () -> {
                    if (!future.isDone()) {
                        future.setResult(1);
                    }
                });
                return Asyncio.waitFor(future, limit);
            });
            case WAIT_FOR_COROUTINE -> new Op(() -> Asyncio.waitFor(() -> Asyncio.sleep(delay, 1), limit));
            case TIMEOUT -> new Op(() -> Asyncio.timeout(limit, () -> Asyncio.sleep(delay, 1)));
            case LOCK -> new Op(() -> {
                Lock lock = new Lock();
                target(loop.createTask(() -> {
                    try (var _ = lock.acquire()) {
                        Asyncio.sleep(delay);
                    }
                }));
                Steps.yieldOnce(); // the holder takes the lock
                return Asyncio.timeout(limit, () -> {
                    try (var _ = lock.acquire()) {
                        return 1;
                    }
                });
            });
            case SEMAPHORE -> new Op(() -> {
                Semaphore semaphore = new Semaphore(0);
                loop.callLater(delay, semaphore::release);
                return Asyncio.timeout(limit, () -> {
                    try (var _ = semaphore.acquire()) {
                        return 1;
                    }
                });
            });
            case EVENT -> new Op(() -> {
                Event event = new Event();
                loop.callLater(delay, event::set);
                return Asyncio.timeout(limit, () -> {
                    event.await();
                    return 1;
                });
            });
            case CONDITION -> new Op(() -> {
                Condition condition = new Condition();
                boolean[] ready = {false};
                target(loop.createTask(() -> {
                    Asyncio.sleep(delay);
                    try (var _ = condition.acquire()) {
                        ready[0] = true;
                        condition.signalAll();
                    }
                }));
                try (var _ = condition.acquire()) {
                    return Asyncio.timeout(limit, () -> {
                        condition.awaitUntil(() -> ready[0]);
                        return 1;
                    });
                }
            });
            case QUEUE_GET -> new Op(() -> {
                Queue<Integer> queue = new Queue<>();
                loop.callLater(delay, () -> queue.putNowait(1));
                return Asyncio.timeout(limit, queue::get);
            });
            case QUEUE_PUT -> new Op(() -> {
                Queue<Integer> queue = new Queue<>(1);
                queue.putNowait(0);
                loop.callLater(delay, () -> {
                    if (!queue.isEmpty()) {
                        queue.getNowait();
                    }
                });
                return Asyncio.timeout(limit, () -> {
                    queue.put(1);
                    return 1;
                });
            });
            case BARRIER -> new Op(() -> {
                Barrier barrier = new Barrier(2);
                target(loop.createTask(() -> {
                    Asyncio.sleep(delay);
                    return Asyncio.timeout(WINDOW, barrier::await);
                }));
                return Asyncio.timeout(limit, barrier::await);
            });
            case TO_THREAD -> new Op(() -> target(Asyncio.toThread(() -> {
                Thread.sleep(Math.round(delay * 1000));
                return 1;
            })).await());
            case EXECUTOR -> new Op(() -> target(loop.runInExecutor(executor, () -> {
                Thread.sleep(Math.round(delay * 1000));
                return 1;
            })).await());
            case WRAP_FUTURE -> new Op(() -> {
                CompletableFuture<Integer> source = CompletableFuture.supplyAsync(() -> 1,
                        CompletableFuture.delayedExecutor(Math.round(delay * 1000), TimeUnit.MILLISECONDS, executor));
                return target(Asyncio.wrapFuture(source)).await();
            });
            case GATHER -> new Op(() -> target(Asyncio.gather(sleepers())).await());
            case SHIELD -> new Op(() -> target(Asyncio.shield(sleeper())).await());
            case AS_COMPLETED -> new Op(() -> {
                int sum = 0;
                for (Future<Integer> next : Asyncio.asCompleted(sleepers(), limit)) {
                    sum += next.await();
                }
                return sum;
            });
            case WAIT -> new Op(() -> Asyncio.wait(sleepers(), limit).done().size());
            case TASK_GROUP -> new Op(() -> TaskGroup.run(group -> {
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    double childDelay = due();
                    target(group.createTask(() -> Asyncio.sleep(childDelay, 1)));
                }
                return 1;
            }));
            case GENERATOR -> new Op(() -> {
                AsyncGenerator<Integer> numbers = AsyncGenerator.of(out -> {
                    for (int i = 0; i < 3; i++) {
                        Asyncio.sleep(delay / 3);
                        out.yield(i);
                    }
                });
                int sum = 0;
                while (numbers.hasNext()) {
                    sum += numbers.next();
                }
                return sum;
            });
            case STREAM_READ -> {
                ServerSocket listener = listen();
                CountDownLatch start = new CountDownLatch(1);
                long writeAfter = Math.round(delay * 1000);
                peer(() -> {
                    try (Socket socket = listener.accept(); OutputStream out = socket.getOutputStream()) {
                        start.await();
                        Thread.sleep(writeAfter);
                        out.write("line\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                    }
                });
                StreamConnection[] connection = new StreamConnection[1];
                yield new Op(() -> connection[0] = Streams.openConnection("127.0.0.1", listener.getLocalPort()), () -> {
                    try (StreamConnection c = connection[0]) {
                        start.countDown();
                        return c.reader().readline().length;
                    }
                });
            }
            case SUBPROCESS -> {
                String seconds = String.format(java.util.Locale.ROOT, "%.3f", delay);
                yield new Op(() -> {
                    Subprocess process = Subprocesses.createSubprocessExec("sleep", seconds);
                    processes.add(process);
                    return process.await();
                });
            }
            case SERVER_CLOSED -> {
                CountDownLatch start = new CountDownLatch(1);
                Future<Void> serving = loop.createFuture();
                Server[] server = new Server[1];
                long closeAfter = Math.round(delay * 1000);
                yield new Op(() -> {
                    server[0] = Streams.startServer((reader, writer) -> {
                        try (writer) {
                            serving.setResult(null);
                            reader.read();
                        }
                    }, "127.0.0.1", 0);
                    int port = server[0].port();
                    peer(() -> {
                        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                            start.await();
                            Thread.sleep(closeAfter);
                        }
                    });
                    serving.await();
                }, () -> {
                    start.countDown();
                    server[0].close();
                    server[0].waitClosed();
                    return 1;
                });
            }
        };
    }

    private ServerSocket listen() throws Exception {
        ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        listeners.add(listener);
        return listener;
    }

    private interface PeerBody {
        void run() throws Exception;
    }

    /** A plain thread beside the loop: what it does reaches the loop as I/O, whenever the loop polls. */
    private void peer(PeerBody body) {
        peers.add(Thread.ofPlatform().daemon().start(() -> {
            try {
                body.run();
            } catch (Exception ignored) {
                // the loop side went away first
            }
        }));
    }

    private void closePeers() {
        try {
            for (ServerSocket listener : listeners) {
                listener.close();
            }
            for (Thread peer : peers) {
                peer.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the peers", e);
        }
    }
}
