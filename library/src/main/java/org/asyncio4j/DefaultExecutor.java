// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.internal.loop.SafeLog;

/** The pool behind {@code runInExecutor(null, ...)} and {@code Asyncio.toThread}. */
final class DefaultExecutor {
    /** asyncio's default: enough threads for I/O-bound work without flooding small machines. */
    static final int MAX_THREADS = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 300;

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

    /** Waits, off the loop, for a shut-down pool's threads to finish; gives up loudly after five minutes. */
    static void awaitTermination(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                SafeLog.log(Level.WARNING, () -> "The default executor did not finish within "
                        + SHUTDOWN_TIMEOUT_SECONDS + " seconds; interrupting its threads", null);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
