package org.asyncio4j.bench.cases;

import org.asyncio4j.Asyncio;
import org.asyncio4j.AsyncRunnable;

/** Times a body run as the main task of a fresh event loop, as the peers time a fresh runBlocking / runner pass. */
final class Timing {
    private Timing() {
    }

    /**
     * Runs {@code body} under {@link Asyncio#run} and returns the nanoseconds it took inside the
     * loop (loop creation and shutdown excluded, as in the peers) divided by {@code operations}.
     */
    static double nanosPer(double operations, AsyncRunnable body) {
        long[] took = new long[1];
        Asyncio.run(() -> {
            long t0 = System.nanoTime();
            body.run();
            took[0] = System.nanoTime() - t0;
        });
        return took[0] / operations;
    }
}
