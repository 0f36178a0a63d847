// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.internal.signals.Sigint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class LoopGroupSigintTest {

    @Test
    void ctrlCCancelsEveryLoopsTasksWaitsForTheirCleanupThenThrowsKeyboardInterrupt() throws Exception {
        try (ChildJvm child = ChildJvm.start(GroupMain.class, true)) {
            child.awaitLine("both loops busy", 30);
            child.signal("INT");
            child.awaitLine("KeyboardInterrupt after the group closed: true", 30);
            assertThat(child.waitFor(20)).isZero();
            assertThat(child.output()).contains("main cleaned up", "worker cleaned up"); // in either order
        }
    }

    @Test
    void ctrlCAsSoonAsMainStartsIsAKeyboardInterruptEvenIfTheMainThreadIsSlowToGetThere() throws Exception {
        try (ChildJvm child = ChildJvm.start(EarlyCtrlCMain.class, true)) {
            child.awaitLine("main started", 30);
            child.signal("INT");
            child.awaitLine("KeyboardInterrupt", 30);
            assertThat(child.waitFor(20)).isZero();
        }
    }

    /**
     * Holds the lock the Ctrl+C relay is installed under ({@code Sigint}'s class lock) until main
     * has started and for 3 s more, or for 2 s if main does not start: the main thread reaches the
     * relay late, as on a loaded machine, and a Ctrl+C in that window must not end the JVM.
     */
    public static final class EarlyCtrlCMain {
        public static void main(String[] args) throws InterruptedException {
            CountDownLatch mainStarted = new CountDownLatch(1);
            CountDownLatch holding = new CountDownLatch(1);
            Thread.ofPlatform().daemon().start(() -> {
                synchronized (Sigint.class) {
                    holding.countDown();
                    try {
                        if (mainStarted.await(2, TimeUnit.SECONDS)) {
                            Thread.sleep(3000);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            holding.await();
            try {
                LoopGroup.run(1, group -> {
                    mainStarted.countDown();
                    System.out.println("main started");
                    return Asyncio.sleep(3600, null);
                });
            } catch (KeyboardInterrupt e) {
                System.out.println("KeyboardInterrupt");
            }
        }
    }

    /** Main on loop 0 and a worker on loop 1, both asleep until Ctrl+C. */
    public static final class GroupMain {
        public static void main(String[] args) {
            LoopGroup[] group = new LoopGroup[1];
            try {
                LoopGroup.run(2, g -> {
                    group[0] = g;
                    g.submit(g.loops().get(1), () -> {
                        try {
                            return Asyncio.sleep(3600, null);
                        } finally {
                            Asyncio.sleep(0.05);
                            System.out.println("worker cleaned up");
                        }
                    });
                    g.spawn(g.loops().get(1), () -> null).await(); // the worker has started
                    System.out.println("both loops busy");
                    try {
                        return Asyncio.sleep(3600, null);
                    } finally {
                        System.out.println("main cleaned up");
                    }
                });
            } catch (KeyboardInterrupt e) {
                System.out.println("KeyboardInterrupt after the group closed: " + group[0].isClosed());
            }
        }
    }
}
