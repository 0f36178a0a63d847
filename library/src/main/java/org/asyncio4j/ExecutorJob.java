// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** A function run on an executor thread whose outcome is handed back to a loop future. */
final class ExecutorJob<T> implements Runnable {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int CANCELLED = 2;

    private final EventLoop loop;
    private final Future<T> future;
    private final Callable<T> function;
    private final AtomicInteger state = new AtomicInteger(NEW);

    ExecutorJob(EventLoop loop, Future<T> future, Callable<T> function) {
        this.loop = loop;
        this.future = future;
        this.function = function;
    }

    /** Keeps the function from starting; a function already running finishes and its outcome is dropped. */
    void cancel() {
        state.compareAndSet(NEW, CANCELLED);
    }

    /** Hands the outcome back in a callback, which also releases the loop's clock hold (see {@code LoopCore.holdClock}). */
    @Override
    public void run() {
        if (!state.compareAndSet(NEW, RUNNING)) {
            loop.callSoonThreadsafeQuietly(() -> loop.core().releaseClock());
            return;
        }
        T value = null;
        Throwable failure = null;
        try {
            value = function.call();
        } catch (Throwable t) {
            failure = t;
        }
        T result = value;
        Throwable error = failure;
        loop.callSoonThreadsafeQuietly(() -> {
            loop.core().releaseClock();
            if (future.isDone()) {
                return;
            }
            if (error != null) {
                future.setException(error);
            } else {
                future.setResult(result);
            }
        });
    }
}
