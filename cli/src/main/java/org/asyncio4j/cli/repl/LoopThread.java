// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;

/**
 * An event loop running forever on a platform thread of its own: the loop the REPL's snippets
 * run on. When the loop stops, the thread closes it (which cancels the tasks left on it).
 *
 * {@snippet :
 * LoopThread loop = LoopThread.start(1);
 * Asyncio.runCoroutineThreadsafe(() -> Asyncio.sleep(0.1, "done"), loop.loop()).get();
 * loop.stop(Duration.ofSeconds(2));
 * }
 *
 * <h2>A loop that does not answer</h2>
 * Code that computes without ever suspending holds the loop's thread, and nothing in Java can
 * take it back: a virtual thread mounted on its carrier is not preempted, and
 * {@code Thread.stop} is gone. {@link #responds} tells such a loop apart from a busy but
 * healthy one, and the REPL then leaves it behind (the thread is a daemon, so it does not keep
 * the JVM alive) and starts another.
 */
final class LoopThread {
    private final EventLoop loop;
    private final Thread thread;

    private LoopThread(EventLoop loop, Thread thread) {
        this.loop = loop;
        this.thread = thread;
    }

    /** Creates a loop and runs it on a new daemon thread; {@code number} names the thread. */
    static LoopThread start(int number) {
        EventLoop loop = Asyncio.newEventLoop();
        Thread thread = Thread.ofPlatform().name("asyncio4j-repl-loop-" + number).daemon().start(() -> {
            try {
                loop.runForever();
            } finally {
                loop.close();
            }
        });
        return new LoopThread(loop, thread);
    }

    EventLoop loop() {
        return loop;
    }

    /** Whether a callback posted from this thread runs within {@code wait}: false when something holds the loop. */
    boolean responds(Duration wait) throws InterruptedException {
        CompletableFuture<Void> probe = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> probe.complete(null));
            probe.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Asks the loop to stop as soon as it gets to it (then it closes) and waits up to
     * {@code wait} for its thread to end; returns whether it did. A loop held by code that never
     * suspends stops, if ever, when that code ends.
     */
    boolean stop(Duration wait) throws InterruptedException {
        if (thread.isAlive()) {
            try {
                loop.callSoonThreadsafe(loop::stop);
            } catch (IllegalStateException closed) {
                // closed already: the thread is about to end
            }
        }
        return thread.join(wait);
    }
}
