// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.internal.carrier.Carriers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ThreadsTest {

    @Test
    void callSoonThreadsafeFromEightThreadsLosesNothingAndKeepsPerThreadOrder() throws Exception {
        int threads = 8;
        int perThread = 100_000;
        int[] next = new int[threads];
        int[] received = {0};
        List<String> disorder = new ArrayList<>();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            CountDownLatch started = new CountDownLatch(1);
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                producers.add(Thread.ofPlatform().start(() -> {
                    try {
                        started.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        int seq = i;
                        loop.callSoonThreadsafe(() -> {
                            if (next[id] != seq && disorder.size() < 10) {
                                disorder.add("thread " + id + " expected " + next[id] + " got " + seq);
                            }
                            next[id] = seq + 1;
                            if (++received[0] == threads * perThread) {
                                loop.stop();
                            }
                        });
                    }
                }));
            }
            loop.callSoon(started::countDown);
            loop.runForever();
            for (Thread producer : producers) {
                producer.join();
            }
        }
        assertThat(disorder).isEmpty();
        assertThat(received[0]).isEqualTo(threads * perThread);
    }

    @Test
    void runCoroutineThreadsafeRunsOnTheLoopFromOtherThreads() throws Exception {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Thread loopThread = Thread.ofPlatform().start(loop::runForever);
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                results.add(Asyncio.runCoroutineThreadsafe(() -> {
                    Asyncio.sleep(0.01);
                    return "job " + n + " on task " + (Asyncio.currentTask() != null);
                }, loop));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("job " + i + " on task true");
            }
            CompletableFuture<Object> failing = Asyncio.runCoroutineThreadsafe(() -> {
                throw new IllegalArgumentException("remote failure");
            }, loop);
            assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);

            CompletableFuture<Object> sleeper = Asyncio.runCoroutineThreadsafe(() -> {
                Asyncio.sleep(60);
                return null;
            }, loop);
            Thread.sleep(20);
            sleeper.cancel(true);
            CompletableFuture<Integer> leftover = Asyncio.runCoroutineThreadsafe(
                    () -> Asyncio.getRunningLoop().allTasks().size(), loop);
            assertThat(leftover.get(5, TimeUnit.SECONDS)).isEqualTo(1); // only the probe itself: the sleeper was cancelled
            loop.stop();
            loopThread.join();
        }
    }

    @Test
    void toThreadRunsOnPlatformThreadsOfABoundedPool() {
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        Asyncio.run(() -> {
            List<Future<Boolean>> jobs = new ArrayList<>();
            for (int i = 0; i < 3 * DefaultExecutor.MAX_THREADS; i++) {
                jobs.add(Asyncio.toThread(() -> {
                    threadNames.add(Thread.currentThread().getName());
                    Thread.sleep(20);
                    return Thread.currentThread().isVirtual();
                }));
            }
            for (Future<Boolean> job : jobs) {
                assertThat(job.await()).isFalse();
            }
        });
        assertThat(threadNames).allSatisfy(name -> assertThat(name).startsWith("asyncio4j-executor-"));
        assertThat(threadNames.size()).isBetween(2, DefaultExecutor.MAX_THREADS);
    }

    @Test
    void toThreadRunsTheFunctionInACopyOfTheCallersContextAndRunInExecutorDoesNot() {
        ContextVar<String> request = new ContextVar<>("request", "unset");
        Asyncio.run(() -> {
            request.set("main");
            assertThat(Asyncio.toThread(() -> request.get()).await()).isEqualTo("main");
            String[] seen = new String[1];
            Asyncio.toThread(() -> {
                seen[0] = request.get();
                request.set("changed on the thread");
            }).await();
            assertThat(seen[0]).isEqualTo("main");
            assertThat(request.get()).as("the thread changed a copy").isEqualTo("main");
            assertThat(Asyncio.getRunningLoop().runInExecutor(null, () -> request.get()).await())
                    .as("asyncio's run_in_executor propagates no context").isEqualTo("unset");
        });
    }

    @Test
    void runInExecutorUsesTheGivenExecutorAndPropagatesExceptions() {
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-pool"));
        try {
            Asyncio.run(() -> {
                EventLoop loop = Asyncio.getRunningLoop();
                assertThat(loop.runInExecutor(pool, () -> Thread.currentThread().getName()).await()).isEqualTo("custom-pool");
                Future<Object> failing = loop.runInExecutor(pool, () -> {
                    throw new java.io.IOException("io failed");
                });
                assertThatThrownBy(failing::await).isInstanceOf(java.io.IOException.class).hasMessage("io failed");
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workWithoutAResultRunsOnAThreadToo() {
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        Asyncio.run(() -> {
            Future<Void> done = Asyncio.toThread(() -> {
                ran.add(Thread.currentThread().getName());
            });
            assertThat(done.await()).isNull();
            Asyncio.getRunningLoop().runInExecutor(null, () -> {
                ran.add("runInExecutor");
            }).await();
        });
        assertThat(ran).hasSize(2);
        assertThat(ran.get(0)).startsWith("asyncio4j-executor-");
        assertThat(ran.get(1)).isEqualTo("runInExecutor");
    }

    @Test
    void aJobCancelledBeforeItStartsNeverRuns() throws Exception {
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            Asyncio.run(() -> {
                EventLoop loop = Asyncio.getRunningLoop();
                Future<Object> blocker = loop.runInExecutor(pool, () -> release.await(5, TimeUnit.SECONDS));
                Future<Object> queued = loop.runInExecutor(pool, () -> ran.add("queued job"));
                queued.cancel();
                Asyncio.sleep(0);
                release.countDown();
                blocker.await();
                loop.runInExecutor(pool, () -> null).await(); // everything before it has been taken
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(ran).isEmpty();
    }

    @Test
    void aVirtualThreadCanRunALoopOnlyInPortableMode() throws Exception {
        Object[] outcome = new Object[1];
        Thread.ofVirtual().start(() -> {
            try {
                outcome[0] = Asyncio.run(() -> "ran");
            } catch (RuntimeException e) {
                outcome[0] = e;
            }
        }).join();
        if (Carriers.isPortable()) {
            assertThat(outcome[0]).isEqualTo("ran"); // the loop runs in place: it carries no thread itself
        } else {
            assertThat(outcome[0]).isInstanceOf(IllegalStateException.class);
            assertThat(((Exception) outcome[0]).getMessage()).contains("must run on a platform thread");
        }
    }

    @Test
    void jdkBlockingCallsInTasksLetOtherTasksRun() throws Exception {
        if (Carriers.isPortable()) {
            // Portable mode: a blocking JDK call holds the loop until it returns, as in asyncio; the other task waits.
            List<String> order = new ArrayList<>();
            Asyncio.run(() -> {
                Task<Void> sleeper = Asyncio.createTask(() -> {
                    order.add("sleeping");
                    Thread.sleep(200);
                    order.add("woke");
                });
                Task<Void> other = Asyncio.createTask(() -> {
                    order.add("other ran");
                });
                sleeper.await();
                other.await();
            });
            assertThat(order).containsExactly("sleeping", "woke", "other ran");
            return;
        }
        long start = System.nanoTime();
        Object monitor = new Object();
        boolean[] flag = {false};
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread echo = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = server.accept()) {
                    Thread.sleep(400);
                    s.getOutputStream().write(s.getInputStream().read());
                } catch (Exception ignored) {
                    // the test fails on its own if the echo never comes
                }
            });
            CompletableFuture<String> external = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException ignored) {
                    return;
                }
                external.complete("joined");
            });
            List<String> results = Asyncio.run(() -> {
                Task<String> sleeper = Asyncio.createTask(() -> {
                    Thread.sleep(400);
                    return "slept";
                });
                Task<String> socket = Asyncio.createTask(() -> {
                    try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                        OutputStream out = s.getOutputStream();
                        InputStream in = s.getInputStream();
                        out.write(7);
                        return "echoed " + in.read();
                    }
                });
                Task<String> joiner = Asyncio.createTask(() -> external.join());
                Task<String> waiter = Asyncio.createTask(() -> {
                    synchronized (monitor) {
                        while (!flag[0]) {
                            monitor.wait();
                        }
                    }
                    return "notified";
                });
                Task<String> notifier = Asyncio.createTask(() -> {
                    Asyncio.sleep(0.4);
                    synchronized (monitor) {
                        flag[0] = true;
                        monitor.notifyAll();
                    }
                    return "notifier";
                });
                return List.of(sleeper.await(), socket.await(), joiner.await(), waiter.await(), notifier.await());
            });
            echo.join();
            assertThat(results).containsExactly("slept", "echoed 7", "joined", "notified", "notifier");
        }
        // four 400 ms waits overlapped: any two of them one after the other would already take 0.8 s
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.78);
    }

    @Test
    void virtualThreadsStartedInsideATaskRunOnTheLoopToo() {
        Asyncio.run(() -> {
            Thread child = Thread.ofVirtual().start(() -> { });
            child.join();
            // toThread must not inherit that scheduler: its work runs on platform threads
            assertThat(Asyncio.toThread(() -> Thread.currentThread().isVirtual()).await()).isFalse();
        });
    }
}
