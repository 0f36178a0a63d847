// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports exceptions that were stored in a future and never looked at, once the future is garbage
 * collected ("Task exception was never retrieved"), so that no failure disappears silently; or
 * earlier, when {@link #reportNow} is asked to (the test kit does at the end of each test, so that
 * the report does not depend on when the collector runs).
 */
final class UnretrievedExceptions {
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon().name("asyncio4j-cleaner").factory());

    private UnretrievedExceptions() {
    }

    static Tracker track(Future<?> future, Throwable error) {
        Tracker tracker = new Tracker(future.loop, error, future instanceof Task<?> task ? "Task " + task.getName() : "Future");
        future.loop.unretrievedExceptions.add(tracker);
        CLEANER.register(future, tracker);
        return tracker;
    }

    /**
     * Reports at once, to {@code loop}'s exception handler and on the calling thread, every
     * exception of a future of {@code loop} that was never retrieved and is not reported yet; a
     * future reported here is not reported again when it is collected. Returns how many.
     */
    static int reportNow(EventLoop loop) {
        int reported = 0;
        for (Tracker tracker : List.copyOf(loop.unretrievedExceptions)) {
            loop.unretrievedExceptions.remove(tracker);
            if (tracker.settled.compareAndSet(false, true)) {
                loop.callExceptionHandler(tracker.context());
                reported++;
            }
        }
        return reported;
    }

    /** Holds what a report needs without holding the future, which must stay collectable. */
    static final class Tracker implements Runnable {
        private final EventLoop loop;
        private final Throwable error;
        private final String source;
        /** Set once: when the exception is retrieved or when it is reported, whichever comes first. */
        private final AtomicBoolean settled = new AtomicBoolean();

        Tracker(EventLoop loop, Throwable error, String source) {
            this.loop = loop;
            this.error = error;
            this.source = source;
        }

        void retrieved() {
            settled.set(true);
            loop.unretrievedExceptions.remove(this);
        }

        /** The future was collected. */
        @Override
        public void run() {
            loop.unretrievedExceptions.remove(this);
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            Map<String, Object> context = context();
            if (!loop.callSoonThreadsafeQuietly(() -> loop.callExceptionHandler(context))) {
                loop.callExceptionHandler(context); // the loop is closed: report from here
            }
        }

        private Map<String, Object> context() {
            Map<String, Object> context = ExceptionHandler.context((source.startsWith("Task") ? "Task" : "Future") + " exception was never retrieved", error);
            context.put("source", source);
            return context;
        }
    }

    /** The trackers of one loop's futures whose exceptions are neither retrieved nor reported. */
    static Set<Tracker> newRegistry() {
        return ConcurrentHashMap.newKeySet();
    }
}
