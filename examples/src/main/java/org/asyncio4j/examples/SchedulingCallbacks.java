// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;

/**
 * Seed {@code 002_791aaf04ad4dc05a.txt}, "asyncio中的其他函數": plain functions scheduled on the loop
 * with {@code call_soon}, {@code call_later}, {@code call_at} and {@code call_soon_threadsafe}.
 *
 * <p>The seed's {@code call_later} programs run forever after their last callback; here each
 * program stops the loop once its last callback has run.
 */
public final class SchedulingCallbacks {
    private SchedulingCallbacks() {
    }

    public static void main(String[] args) {
        callSoon(System.out);
        callLater(System.out, 1.0);
        callLaterAndCallSoon(System.out, 1.0);
        callAt(System.out, 1.0);
        callSoonThreadsafe(System.out);
    }

    private static void callback(PrintStream out, int sleepTimes) {
        out.println("success time " + sleepTimes);
    }

    /** call_soon runs the callback in the next iteration, then the stop callback ends the loop. */
    static void callSoon(PrintStream out) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.callSoon(() -> callback(out, 2));
            loop.callSoon(loop::stop);
            loop.runForever();
        }
    }

    /** call_later runs callbacks by their delay, not by the order they were scheduled in. */
    static void callLater(PrintStream out, double timeScale) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.callLater(2 * timeScale, () -> callback(out, 2));
            loop.callLater(1 * timeScale, () -> callback(out, 1));
            loop.callLater(3 * timeScale, () -> callback(out, 3));
            loop.callLater(3 * timeScale, loop::stop);
            loop.runForever();
        }
    }

    /** call_soon runs before every call_later, even one scheduled earlier. */
    static void callLaterAndCallSoon(PrintStream out, double timeScale) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.callLater(2 * timeScale, () -> callback(out, 2));
            loop.callLater(1 * timeScale, () -> callback(out, 1));
            loop.callLater(3 * timeScale, () -> callback(out, 3));
            loop.callSoon(() -> callback(out, 4));
            loop.callLater(3 * timeScale, loop::stop);
            loop.runForever();
        }
    }

    /** call_at takes a time on the loop's own clock, {@code loop.time()}. */
    static void callAt(PrintStream out, double timeScale) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            double now = loop.time();
            loop.callAt(now + 2 * timeScale, () -> callback(out, 2));
            loop.callAt(now + 1 * timeScale, () -> callback(out, 1));
            loop.callAt(now + 3 * timeScale, () -> callback(out, 3));
            loop.callSoon(() -> callback(out, 4));
            loop.callAt(now + 3 * timeScale, loop::stop);
            loop.runForever();
        }
    }

    /** call_soon_threadsafe: another thread hands callbacks to the loop, which runs them on its own thread. */
    static void callSoonThreadsafe(PrintStream out) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Thread worker = Thread.ofPlatform().name("worker").start(() -> {
                for (int i = 1; i <= 3; i++) {
                    int n = i;
                    loop.callSoonThreadsafe(() -> out.println("callback " + n + " from worker runs on "
                            + (Thread.currentThread().getName().equals("worker") ? "the worker" : "the loop thread")));
                }
                loop.callSoonThreadsafe(loop::stop);
            });
            loop.runForever();
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
