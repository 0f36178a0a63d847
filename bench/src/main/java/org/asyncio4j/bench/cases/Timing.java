// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import org.asyncio4j.Asyncio;
import org.asyncio4j.AsyncRunnable;
import org.asyncio4j.bench.LoopCpu;

/** Times a body run as the main task of a fresh event loop, as the peers time a fresh runBlocking / runner pass. */
final class Timing {
    private Timing() {
    }

    /**
     * Runs {@code body} under {@link Asyncio#run} and returns the nanoseconds it took inside the
     * loop (loop creation and shutdown excluded, as in the peers) divided by {@code operations};
     * records the loop thread's CPU time per operation with {@link LoopCpu}.
     */
    static double nanosPer(double operations, AsyncRunnable body) {
        long loopThread = Thread.currentThread().threadId(); // Asyncio.run makes the calling thread the loop thread
        long[] took = new long[1];
        Asyncio.run(() -> {
            long cpu0 = LoopCpu.now(loopThread);
            long t0 = System.nanoTime();
            body.run();
            took[0] = System.nanoTime() - t0;
            LoopCpu.record(cpu0, LoopCpu.now(loopThread), operations);
        });
        return took[0] / operations;
    }
}
