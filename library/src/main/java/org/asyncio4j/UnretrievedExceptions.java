// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.lang.ref.Cleaner;
import java.util.Map;

/**
 * Reports exceptions that were stored in a future and never looked at, once the future is garbage
 * collected ("Task exception was never retrieved"), so that no failure disappears silently.
 */
final class UnretrievedExceptions {
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon().name("asyncio4j-cleaner").factory());

    private UnretrievedExceptions() {
    }

    static Tracker track(Future<?> future, Throwable error) {
        Tracker tracker = new Tracker(future.loop, error, future instanceof Task<?> task ? "Task " + task.getName() : "Future");
        CLEANER.register(future, tracker);
        return tracker;
    }

    /** Holds what a report needs without holding the future, which must stay collectable. */
    static final class Tracker implements Runnable {
        private final EventLoop loop;
        private final Throwable error;
        private final String source;
        volatile boolean retrieved;

        Tracker(EventLoop loop, Throwable error, String source) {
            this.loop = loop;
            this.error = error;
            this.source = source;
        }

        @Override
        public void run() {
            if (retrieved) {
                return;
            }
            Map<String, Object> context = ExceptionHandler.context((source.startsWith("Task") ? "Task" : "Future") + " exception was never retrieved", error);
            context.put("source", source);
            if (!loop.callSoonThreadsafeQuietly(() -> loop.callExceptionHandler(context))) {
                loop.callExceptionHandler(context); // the loop is closed: report from here
            }
        }
    }
}
