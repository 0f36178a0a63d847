// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.asyncio4j.EventLoop;

/**
 * Makes a cancellation and a completion land in one loop iteration. Blocking the loop thread
 * lets timers fall due and I/O become ready meanwhile; a callback scheduled at the end of the
 * block then runs in the next iteration ahead of them (due timers and ready I/O queue behind the
 * callbacks already ready), which is the moment asyncio's "unless cancelled" rule is for.
 */
public final class SameIteration {
    private SameIteration() {
    }

    /**
     * In a callback of the next iteration: blocks the loop until loop time {@code when} (give the
     * timers that must fall due meanwhile a deadline well after the block begins), then schedules
     * {@code then}.
     */
    public static void stallUntil(EventLoop loop, double when, Runnable then) {
        loop.callSoon(() -> {
            block(Math.max(0, (long) Math.ceil((when - loop.time()) * 1000)));
            loop.callSoon(then);
        });
    }

    /**
     * Runs one short stall from a task, so that the code involved is loaded and a first real stall
     * starts on time (class loading can hold the loop for hundreds of milliseconds on a busy machine).
     */
    public static void warmUp(EventLoop loop) {
        stallUntil(loop, loop.time(), () -> { });
        Steps.yieldIterations(2);
    }

    /** Blocks the calling thread (the loop, from a callback) for {@code millis}. */
    public static void block(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Installs an exception handler on {@code loop} that records every context it is given. */
    public static List<Map<String, Object>> recordReports(EventLoop loop) {
        List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
        loop.setExceptionHandler((l, context) -> reports.add(context));
        return reports;
    }
}
