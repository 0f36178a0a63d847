// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.internal.loop.SafeLog;

/** The pool behind {@code runInExecutor(null, ...)} and {@code Asyncio.toThread}. */
final class DefaultExecutor {
    /** asyncio's default: enough threads for I/O-bound work without flooding small machines. */
    static final int MAX_THREADS = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    /** How long {@code asyncio.run} lets the pool's threads finish (asyncio's {@code THREAD_JOIN_TIMEOUT}). */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(300);

    private DefaultExecutor() {
    }

    /**
     * Platform threads on purpose: a virtual thread created from inside a task would inherit the
     * loop as its scheduler and run the "blocking" job on the loop itself.
     */
    static ExecutorService create() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("asyncio4j-executor-", 1).factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Waits, off the loop, for a shut-down pool's threads to finish; gives up loudly after {@code timeout}. */
    static void awaitTermination(ExecutorService pool, Duration timeout) {
        try {
            if (!pool.awaitTermination(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS)) { // saturates
                SafeLog.log(Level.WARNING, () -> "The default executor did not finish within "
                        + timeout.toMillis() / 1000.0 + " seconds; interrupting its threads", null);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
