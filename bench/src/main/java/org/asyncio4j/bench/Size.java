// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

/**
 * How big a run is: the full benchmark, {@code --quick} (everything in well under two minutes),
 * or {@code tiny} (the smoke test that the normal build runs; figures meaningless, only sanity).
 *
 * <p>Full sizes are the peers' defaults ({@code aio_bench.py}), so per-operation figures are
 * directly comparable.
 */
public enum Size {
    FULL(new Passes(1, 5), 1.0),
    QUICK(new Passes(1, 3), 1.0),
    TINY(new Passes(1, 1), 0.02);

    private final Passes passes;
    private final double timerSpreadSeconds;

    Size(Passes passes, double timerSpreadSeconds) {
        this.passes = passes;
        this.timerSpreadSeconds = timerSpreadSeconds;
    }

    /** Warm-up and timed passes for this size. */
    public Passes passes() {
        return passes;
    }

    /** The longest timer delay of the timers case: 1 s as in the peers, shorter for the smoke test. */
    public double timerSpreadSeconds() {
        return timerSpreadSeconds;
    }

    /** Picks the size's value from the three given. */
    public int pick(int full, int quick, int tiny) {
        return switch (this) {
            case FULL -> full;
            case QUICK -> quick;
            case TINY -> tiny;
        };
    }
}
