// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.asyncio4j.internal.carrier.Carriers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ShutdownTest {
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void runCancelsLeftoverTasksAndLetsThemCleanUp() {
        List<Task<?>> leftovers = new ArrayList<>();
        String result = Asyncio.run(() -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                leftovers.add(Asyncio.createTask(() -> {
                    try {
                        Asyncio.sleep(60);
                    } finally {
                        Asyncio.sleep(0.01); // cleanup may itself await
                        log.add("cleaned " + n);
                    }
                }));
            }
            Asyncio.sleep(0);
            return "main done";
        });
        assertThat(result).isEqualTo("main done");
        assertThat(log).containsExactlyInAnyOrder("cleaned 0", "cleaned 1", "cleaned 2");
        assertThat(leftovers).allSatisfy(task -> {
            assertThat(task.isCancelled()).isTrue();
            assertThat(task.getThread().isAlive()).isFalse();
        });
    }

    @Test
    void runShutsTheDefaultExecutorDownAndWaitsForItsThreads() {
        Asyncio.run(() -> {
            Asyncio.toThread(() -> "warm the pool").await();
        });
        assertThat(liveThreadsNamed("asyncio4j-executor-")).isEmpty();
    }

    @Test
    void afterShutdownDefaultExecutorTheDefaultExecutorIsRefusedButAGivenOneWorks() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Asyncio.toThread(() -> "warm the pool").await();
            loop.shutdownDefaultExecutor().await();
            assertThatThrownBy(() -> Asyncio.toThread(() -> "late")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shutdownDefaultExecutor");
            loop.setDefaultExecutor(Runnable::run);
            assertThatThrownBy(() -> loop.runInExecutor(null, () -> "late")).isInstanceOf(IllegalStateException.class);
            assertThat(loop.runInExecutor(Runnable::run, () -> "given").await()).isEqualTo("given");
        });
    }

    @Test
    void shutdownDefaultExecutorWithATimeoutStopsWaitingForAJobThatDoesNotEnd() {
        CountDownLatch never = new CountDownLatch(1);
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> stuck = Asyncio.toThread(() -> {
                try {
                    never.await();
                    log.add("released");
                } catch (InterruptedException e) {
                    log.add("interrupted at the timeout");
                }
            });
            Asyncio.sleep(0.05); // the job is running
            loop.shutdownDefaultExecutor(Duration.ofMillis(100)).await();
            stuck.await();
        });
        assertThat(log).containsExactly("interrupted at the timeout");
    }

    @Test
    @SuppressWarnings("try") // closes the loop inside its own try-with-resources on purpose
    void closingARunningLoopFails() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            List<Throwable> errors = new ArrayList<>();
            loop.callSoon(() -> {
                try {
                    loop.close();
                } catch (IllegalStateException e) {
                    errors.add(e);
                }
                loop.stop();
            });
            loop.runForever();
            assertThat(errors).singleElement().extracting(Throwable::getMessage).asString()
                    .contains("Cannot close a running event loop");
        }
    }

    @Test
    void aClosedLoopRefusesWork() {
        EventLoop loop = Asyncio.newEventLoop();
        loop.close();
        loop.close(); // closing twice does nothing
        assertThat(loop.isClosed()).isTrue();
        assertThatThrownBy(() -> loop.callSoon(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> loop.callSoonThreadsafe(() -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> loop.callLater(1, () -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> loop.createTask(() -> 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(loop::createFuture).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(loop::runForever).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> loop.runInExecutor(null, () -> 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeCancelsPendingTasksAndLeavesNoThreadSelectorOrTask() throws Exception {
        EventLoop loop = Asyncio.newEventLoop();
        List<Task<?>> tasks = new ArrayList<>();
        loop.runUntilComplete(() -> {
            for (int i = 0; i < 5; i++) {
                tasks.add(Asyncio.createTask(() -> {
                    try {
                        Asyncio.sleep(60);
                    } finally {
                        log.add("finally");
                    }
                }));
            }
            if (!Carriers.isPortable()) { // in portable mode a task blocked in a JDK call holds the loop: close cannot meet one
                tasks.add(Asyncio.createTask(() -> Thread.sleep(60_000))); // blocked in a JDK call
            }
            Asyncio.toThread(() -> "start a pool thread").await();
            Asyncio.sleep(0.01);
            return null;
        });
        assertThat(loop.allTasks()).hasSize(tasks.size());
        loop.close();
        assertThat(log).hasSize(5);
        assertThat(loop.allTasks()).isEmpty();
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.isCancelled()).isTrue();
            task.getThread().join(5_000);
            assertThat(task.getThread().isAlive()).isFalse();
        });
        assertThat(loop.core().selector().isOpen()).isFalse();
        for (int i = 0; i < 100 && !liveThreadsNamed("asyncio4j-executor-").isEmpty(); i++) {
            Thread.sleep(50); // close() shuts the pool down without waiting; idle workers exit promptly
        }
        assertThat(liveThreadsNamed("asyncio4j-executor-")).isEmpty();
    }

    @Test
    void sigintCancelsTheMainTaskAndRunThrowsKeyboardInterrupt() throws Exception {
        try (ChildJvm child = ChildJvm.start(SigintMain.class, true)) {
            child.awaitLine("main is sleeping", 30);
            child.signal("INT");
            child.awaitLine("main cancelled, cleaning up", 10);
            child.awaitLine("leftover cancelled", 10);
            child.awaitLine("KeyboardInterrupt", 10);
            assertThat(child.waitFor(10)).isEqualTo(130);
        }
    }

    /** Child JVM: Asyncio.run with a main task that sleeps until Ctrl+C. */
    public static final class SigintMain {
        public static void main(String[] args) {
            try {
                Asyncio.run(() -> {
                    Asyncio.createTask(() -> {
                        try {
                            Asyncio.sleep(60);
                        } catch (CancelledError e) {
                            System.out.println("leftover cancelled");
                            throw e;
                        }
                    });
                    System.out.println("main is sleeping");
                    try {
                        Asyncio.sleep(60);
                    } catch (CancelledError e) {
                        System.out.println("main cancelled, cleaning up");
                        throw e;
                    }
                });
                System.out.println("run returned normally");
            } catch (KeyboardInterrupt e) {
                System.out.println("KeyboardInterrupt");
                System.exit(130);
            }
        }
    }

    @Test
    void aSecondSigintThrowsKeyboardInterruptAtOnceWhileMainSwallowsTheCancellation() throws Exception {
        try (ChildJvm child = ChildJvm.start(SwallowingMain.class, true)) {
            child.awaitLine("main is sleeping", 30);
            child.signal("INT");
            child.awaitLine("main swallowed the cancellation", 10);
            child.signal("INT");
            child.awaitLine("main cancelled again, cleaning up", 10); // run still cancels and awaits what is left
            child.awaitLine("KeyboardInterrupt", 10);
            assertThat(child.waitFor(10)).isEqualTo(130);
        }
    }

    @Test
    void aThirdSigintEndsTheJvmWhileTheCleanupWaitsForAMainThatSwallowsEveryCancellation() throws Exception {
        try (ChildJvm child = ChildJvm.start(SwallowingMain.class, true, "always")) {
            child.awaitLine("main is sleeping", 30);
            child.signal("INT");
            child.awaitLine("main swallowed the cancellation", 10);
            child.signal("INT");
            child.awaitLine("main cancelled again, swallowing that too", 10);
            child.signal("INT");
            assertThat(child.waitFor(10)).isEqualTo(130);
            assertThat(child.output()).doesNotContain("KeyboardInterrupt"); // the JVM's own handler ended it
        }
    }

    /** Child JVM: a main task that swallows the first cancellation, and every one if asked ("always"). */
    public static final class SwallowingMain {
        public static void main(String[] args) {
            boolean always = args.length > 0;
            try {
                Asyncio.run(() -> {
                    System.out.println("main is sleeping");
                    try {
                        Asyncio.sleep(60);
                    } catch (CancelledError e) {
                        System.out.println("main swallowed the cancellation");
                    }
                    while (true) {
                        try {
                            Asyncio.sleep(60);
                        } catch (CancelledError e) {
                            if (!always) {
                                System.out.println("main cancelled again, cleaning up");
                                throw e;
                            }
                            System.out.println("main cancelled again, swallowing that too");
                        }
                    }
                });
            } catch (KeyboardInterrupt e) {
                System.out.println("KeyboardInterrupt");
                System.exit(130);
            }
        }
    }

    @Test
    void sigintInAHandRunLoopThrowsKeyboardInterruptAndTheLoopCanFinishUp() throws Exception {
        try (ChildJvm child = ChildJvm.start(HandRunLoopMain.class, true)) {
            child.awaitLine("running", 30);
            child.signal("INT");
            child.awaitLine("KeyboardInterrupt caught", 10);
            child.awaitLine("cancel: true", 10);
            child.awaitLine("worker was cancelled", 10);
            assertThat(child.waitFor(10)).isZero();
        }
    }

    /** Child JVM: the seeds' pattern of catching KeyboardInterrupt around runUntilComplete. */
    public static final class HandRunLoopMain {
        public static void main(String[] args) {
            EventLoop loop = Asyncio.newEventLoop();
            Task<Void> worker = loop.createTask(() -> {
                try {
                    System.out.println("running");
                    Asyncio.sleep(60);
                } catch (CancelledError e) {
                    System.out.println("worker was cancelled");
                    throw e;
                }
            });
            try {
                loop.runUntilComplete(worker);
            } catch (KeyboardInterrupt e) {
                System.out.println("KeyboardInterrupt caught");
                for (Task<?> task : loop.allTasks()) {
                    System.out.println("cancel: " + task.cancel());
                }
                loop.stop();
                loop.runForever();
            } finally {
                loop.close();
            }
        }
    }

    @Test
    void jdkSocketPollersDoNotLiveOnALoop() throws Exception {
        try (ChildJvm child = ChildJvm.start(PollerMain.class, true)) {
            child.awaitLine("socket I/O after the loop closed works", 30);
            assertThat(child.waitFor(10)).isZero();
        }
    }

    /**
     * Child JVM: the first blocking socket call of the JVM happens inside a task. If the JDK's
     * pollers had inherited the loop as their scheduler, socket I/O would hang once it is closed.
     */
    public static final class PollerMain {
        public static void main(String[] args) throws Exception {
            try (var server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
                Thread.ofPlatform().daemon().start(() -> {
                    while (true) {
                        try (var s = server.accept()) {
                            Thread.sleep(50);
                            s.getOutputStream().write(1);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                Asyncio.run(() -> roundTrip(server.getLocalPort()));
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        roundTrip(server.getLocalPort());
                        System.out.println("socket I/O after the loop closed works");
                    } catch (Exception e) {
                        System.out.println("failed: " + e);
                    }
                });
                if (!reader.join(java.time.Duration.ofSeconds(10))) {
                    System.out.println("socket I/O hangs: the pollers lived on the closed loop");
                    System.exit(1);
                }
            }
        }

        static int roundTrip(int port) throws Exception {
            try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return socket.getInputStream().read();
            }
        }
    }

    static List<String> liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .toList();
    }
}
