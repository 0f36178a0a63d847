// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.testing;

import org.asyncio4j.AsyncRunnable;
import org.asyncio4j.Coroutine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.loop.KitAccess;
import org.asyncio4j.internal.loop.VirtualClock;

/**
 * {@code Asyncio.run} on virtual time, for the library's tests of logic rather than of the real
 * clock: sleeps and timeouts take no real time and happen exactly when due (the test kit's
 * {@code TestLoop}, which the library's tests cannot depend on, uses the same clock).
 */
public final class VirtualTime {
    private VirtualTime() {
    }

    /** A new loop on a virtual clock at 0 that jumps to the next timer whenever the loop would wait. */
    public static EventLoop newLoop() {
        return (EventLoop) KitAccess.loops().newLoop(new VirtualClock());
    }

    /** Runs {@code main} as the main task of a new virtual-time loop and closes it. */
    public static <T> T run(Coroutine<T> main) {
        try (EventLoop loop = newLoop()) {
            return loop.runUntilComplete(main);
        }
    }

    /** {@link #run(Coroutine)} for a body without a result. */
    public static void run(AsyncRunnable main) {
        try (EventLoop loop = newLoop()) {
            loop.runUntilComplete(loop.createTask(main));
        }
    }
}
