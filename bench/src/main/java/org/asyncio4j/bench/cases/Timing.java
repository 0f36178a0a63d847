// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import org.asyncio4j.Asyncio;
import org.asyncio4j.AsyncRunnable;
import org.asyncio4j.bench.Condition;
import org.asyncio4j.bench.ProcessCpu;

/** Times a body run as the main task of a fresh event loop, as the peers time a fresh runBlocking / runner pass. */
final class Timing {
    private Timing() {
    }

    /**
     * Runs {@code body} under {@link Asyncio#run}, in the {@linkplain Condition#current() current
     * condition}, and returns the nanoseconds it took inside the loop (loop creation, the
     * condition's set-up and shutdown excluded, as in the peers) divided by {@code operations};
     * records the process's CPU time per operation with {@link ProcessCpu}.
     */
    static double nanosPer(double operations, AsyncRunnable body) {
        long[] took = new long[1];
        Asyncio.run(() -> {
            try (AutoCloseable watched = Condition.current().open()) {
                long cpu0 = ProcessCpu.now();
                long t0 = System.nanoTime();
                body.run();
                took[0] = System.nanoTime() - t0;
                ProcessCpu.record(cpu0, ProcessCpu.now(), operations);
            }
        });
        return took[0] / operations;
    }
}
