// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LoopGroupTest {

    /** Two plain loops on two platform threads, no group: the bridge lives in Future.await. */
    @Test
    void aTaskOfOneLoopAwaitsAFutureOfAnotherLoop() throws Exception {
        try (EventLoop a = Asyncio.newEventLoop(); EventLoop b = Asyncio.newEventLoop()) {
            Thread ta = Thread.ofPlatform().start(a::runForever);
            Thread tb = Thread.ofPlatform().start(b::runForever);
            try {
                CompletableFuture<Future<String>> made = new CompletableFuture<>();
                a.callSoonThreadsafe(() -> made.complete(a.createFuture()));
                Future<String> onA = made.get(10, TimeUnit.SECONDS);
                CompletableFuture<String> awaited = Asyncio.runCoroutineThreadsafe(() -> {
                    String value = onA.await();
                    return value + " seen by a task of loop b";
                }, b);
                a.callSoonThreadsafe(() -> a.callLater(0.05, () -> onA.setResult("set on loop a")));
                assertThat(awaited.get(10, TimeUnit.SECONDS)).isEqualTo("set on loop a seen by a task of loop b");
            } finally {
                a.stop();
                b.stop();
                ta.join();
                tb.join();
            }
        }
    }

    @Test
    void cancellingTheWaitingTaskCancelsTheFutureOnItsOwnLoop() throws Exception {
        try (LoopGroup group = new LoopGroup(2)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            Future<String> onA = group.submit(a, () -> a.<String>createFuture()).get(10, TimeUnit.SECONDS);
            CompletableFuture<String> waiter = group.submit(b, onA::await);
            group.submit(b, () -> Asyncio.sleep(0.05, null)).get(10, TimeUnit.SECONDS); // the waiter is parked by now
            waiter.cancel(false);
            assertThat(group.submit(a, () -> {
                while (!onA.isDone()) {
                    Asyncio.sleep(0.01);
                }
                return onA.isCancelled();
            }).get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theForeignFuturesExceptionAndCancellationReachTheWaiter() throws Exception {
        try (LoopGroup group = new LoopGroup(2)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            CompletableFuture<Object> failing = group.submit(b, () -> group.spawn(a, () -> {
                throw new java.io.IOException("failed on loop a");
            }).await());
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(java.io.IOException.class).hasMessage("failed on loop a");
            Future<String> onA = group.submit(a, () -> a.<String>createFuture()).get(10, TimeUnit.SECONDS);
            CompletableFuture<String> waiter = group.submit(b, () -> {
                try {
                    return onA.await();
                } catch (CancelledError e) {
                    return "cancelled on loop a";
                }
            });
            a.callSoonThreadsafe(() -> a.callLater(0.05, onA::cancel));
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled on loop a");
        }
    }

    @Test
    void submitSpreadsTasksRoundRobinOverLoopsThatRunAtTheSameTime() throws Exception {
        try (LoopGroup group = new LoopGroup(3)) {
            assertThat(group.size()).isEqualTo(3);
            List<CompletableFuture<EventLoop>> ranOn = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ranOn.add(group.submit(Asyncio::getRunningLoop));
            }
            Set<EventLoop> loops = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                assertThat(ranOn.get(i).get(10, TimeUnit.SECONDS)).isSameAs(ranOn.get(i % 3).get());
                loops.add(ranOn.get(i).get());
            }
            assertThat(loops).containsExactlyInAnyOrderElementsOf(group.loops());
            // callbacks that hold their loop threads until all three arrive: only loops running in parallel pass
            CyclicBarrier all = new CyclicBarrier(3);
            List<CompletableFuture<Integer>> arrived = new ArrayList<>();
            for (EventLoop loop : group.loops()) {
                CompletableFuture<Integer> arrival = new CompletableFuture<>();
                loop.callSoonThreadsafe(() -> {
                    try {
                        arrival.complete(all.await(10, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        arrival.completeExceptionally(e);
                    }
                });
                arrived.add(arrival);
            }
            for (CompletableFuture<Integer> arrival : arrived) {
                assertThat(arrival.get(20, TimeUnit.SECONDS)).isBetween(0, 2);
            }
        }
    }

    @Test
    void spawnOnTheSameLoopIsCreateTaskAndOnAnotherIsAFutureOfTheCaller() throws Exception {
        try (LoopGroup group = new LoopGroup(2)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            String seen = group.submit(a, () -> {
                Future<String> local = group.spawn(a, () -> "local");
                Future<EventLoop> remote = group.spawn(b, Asyncio::getRunningLoop);
                assertThat(local).isInstanceOf(Task.class);
                assertThat(remote.getLoop()).isSameAs(a);
                return local.await() + (remote.await() == b ? " and remote" : " and wrong loop");
            }).get(10, TimeUnit.SECONDS);
            assertThat(seen).isEqualTo("local and remote");
        }
    }

    @Test
    void closeCancelsEveryLoopsTasksWaitsForTheirCleanupAndLeavesNoThread() throws Exception {
        Set<String> cleaned = ConcurrentHashMap.newKeySet();
        LoopGroup group = new LoopGroup(2);
        List<CompletableFuture<Void>> sleepers = new ArrayList<>();
        for (EventLoop loop : group.loops()) {
            sleepers.add(group.submit(loop, () -> {
                try {
                    Asyncio.sleep(3600);
                } finally {
                    Asyncio.sleep(0.05); // cleanup that itself awaits
                    cleaned.add(Thread.currentThread().getName());
                }
                return null;
            }));
            group.submit(loop, () -> Asyncio.toThread(() -> 1).await()).get(10, TimeUnit.SECONDS); // a default executor to shut down
        }
        group.submit(() -> Asyncio.sleep(0.05, null)).get(10, TimeUnit.SECONDS);
        Set<Thread> loopThreads = new HashSet<>();
        for (EventLoop loop : group.loops()) {
            loopThreads.add(group.submit(loop, () -> Thread.currentThread()).get(10, TimeUnit.SECONDS));
        }
        group.close();
        assertThat(cleaned).hasSize(2);
        for (CompletableFuture<Void> sleeper : sleepers) {
            assertThat(sleeper).isCancelled();
        }
        assertThat(group.loops()).allMatch(EventLoop::isClosed);
        assertThat(loopThreads).noneMatch(Thread::isAlive);
        assertThatThrownBy(() -> group.submit(() -> 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        group.close(); // twice does nothing
    }

    @Test
    void aLoopThatFailsEndsAloneAndCloseRethrowsWhy() throws Exception {
        LoopGroup group = new LoopGroup(2);
        EventLoop dying = group.loops().get(0);
        EventLoop survivor = group.loops().get(1);
        CompletableFuture<Object> thrown = group.submit(dying, () -> {
            throw new IllegalArgumentException("a task's own failure");
        });
        assertThatThrownBy(() -> thrown.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalArgumentException.class);
        assertThat(group.submit(dying, () -> "the loop goes on").get(10, TimeUnit.SECONDS)).isEqualTo("the loop goes on");

        CompletableFuture<Object> stranded = group.submit(dying, () -> Asyncio.sleep(3600, null));
        CompletableFuture<String> going = group.submit(survivor, () -> Asyncio.sleep(0.3, "survived"));
        group.submit(dying, () -> Asyncio.sleep(0.05, null)).get(10, TimeUnit.SECONDS);
        dying.callSoonThreadsafe(() -> {
            throw new KeyboardInterrupt();
        });
        assertThatThrownBy(() -> stranded.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(going.get(10, TimeUnit.SECONDS)).isEqualTo("survived");
        for (int i = 0; i < 4; i++) {
            assertThat(group.next()).isSameAs(survivor);
        }
        waitUntil(dying::isClosed);
        assertThatThrownBy(() -> group.submit(dying, () -> 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(group::close).isInstanceOf(KeyboardInterrupt.class);
        assertThat(survivor.isClosed()).isTrue();
    }

    @Test
    void debugModeRefusesSchedulingOnAnotherLoopDirectly() throws Exception {
        try (LoopGroup group = new LoopGroup(2, true)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            CompletableFuture<Object> touched = group.submit(b, () -> a.callLater(0, () -> { }));
            assertThatThrownBy(() -> touched.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("callLater").hasMessageContaining("callSoonThreadsafe");
            assertThat(group.submit(b, () -> group.spawn(a, () -> "through the door").await()).get(10, TimeUnit.SECONDS))
                    .isEqualTo("through the door");
        }
    }

    @Test
    void bodiesWithoutAResultAreSubmittedAndSpawnedAsCreateTaskTakesThem() throws Exception {
        try (LoopGroup group = new LoopGroup(2)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Void> submitted = group.submit(a, () -> {
                ran.add("submitted to loop " + group.loops().indexOf(Asyncio.getRunningLoop()));
            });
            assertThat(submitted.get(10, TimeUnit.SECONDS)).isNull();
            group.submit(b, () -> {
                Future<Void> spawned = group.spawn(a, () -> {
                    ran.add("spawned on loop " + group.loops().indexOf(Asyncio.getRunningLoop()));
                });
                assertThat(spawned.getLoop()).isSameAs(b); // a future of the caller's loop
                spawned.await();
                group.spawn(() -> {
                    ran.add("spawned on the next loop");
                }).await();
            }).get(10, TimeUnit.SECONDS);
            group.submit(() -> {
                ran.add("submitted to the next loop");
            }).get(10, TimeUnit.SECONDS);
            assertThat(ran).containsExactly("submitted to loop 0", "spawned on loop 0", "spawned on the next loop",
                    "submitted to the next loop");
        }
    }

    /** waitFor's timer belongs to the waiting task's loop, not to the loop of the future it waits for. */
    @Test
    void waitForAFutureOfAnotherLoopTimesTheWaitOnTheWaitersOwnLoop() throws Exception {
        try (LoopGroup group = new LoopGroup(2, true)) { // debug mode: a timer set on loop a from loop b is refused
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            Future<String> soon = group.submit(a, () -> {
                Future<String> f = a.createFuture();
                a.callLater(0.05, () -> f.setResult("set on loop a"));
                return f;
            }).get(10, TimeUnit.SECONDS);
            assertThat(group.submit(b, () -> Asyncio.waitFor(soon, 10.0)).get(10, TimeUnit.SECONDS)).isEqualTo("set on loop a");
            Future<String> never = group.submit(a, () -> a.<String>createFuture()).get(10, TimeUnit.SECONDS);
            CompletableFuture<String> timedOut = group.submit(b, () -> Asyncio.waitFor(never, 0.05));
            assertThatThrownBy(() -> timedOut.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutError.class);
            assertThat(group.submit(a, () -> {
                while (!never.isDone()) {
                    Asyncio.sleep(0.01);
                }
                return never.isCancelled();
            }).get(10, TimeUnit.SECONDS)).as("the foreign future is cancelled on its own loop").isTrue();
        }
    }

    @Test
    void badArgumentsAndClosingFromInsideAreRefusedClearly() throws Exception {
        assertThatThrownBy(() -> new LoopGroup(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        try (LoopGroup group = new LoopGroup(1); EventLoop stranger = Asyncio.newEventLoop()) {
            assertThatThrownBy(() -> group.submit(stranger, () -> 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not one of this group's loops");
            CompletableFuture<Object> inside = group.submit(() -> {
                group.close();
                return null;
            });
            assertThatThrownBy(() -> inside.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be closed from one of its own loops");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void runReturnsMainsResultOrRethrowsItsExceptionAndClosesTheGroup() {
        LoopGroup[] seen = new LoopGroup[1];
        List<String> cleaned = new ArrayList<>();
        String result = LoopGroup.run(2, group -> {
            seen[0] = group;
            group.submit(group.loops().get(1), () -> {
                try {
                    return Asyncio.sleep(3600, "never");
                } finally {
                    synchronized (cleaned) {
                        cleaned.add("left over on loop 1");
                    }
                }
            });
            return group.spawn(group.loops().get(1), () -> "from loop 1").await();
        });
        assertThat(result).isEqualTo("from loop 1");
        assertThat(seen[0].isClosed()).isTrue();
        assertThat(seen[0].loops()).allMatch(EventLoop::isClosed);
        synchronized (cleaned) {
            assertThat(cleaned).containsExactly("left over on loop 1");
        }
        assertThatThrownBy(() -> LoopGroup.run(1, group -> {
            throw new java.io.IOException("main failed");
        })).isInstanceOf(java.io.IOException.class).hasMessage("main failed");
    }
}
