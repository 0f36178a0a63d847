// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.testing;

import java.util.function.LongConsumer;

/**
 * A minimal property-test driver: runs a check once per seed, and on failure names the seed so
 * the exact schedule can be replayed with {@code -Dasyncio4j.seed=N}. Schedules are deterministic
 * for a seed because everything runs on one loop thread and no timer is involved.
 *
 * <p>The base seed is random per run unless {@code asyncio4j.seed} is set, so successive builds
 * explore different schedules.
 */
public final class Seeds {
    private Seeds() {
    }

    /** Runs {@code check} for {@code tries} consecutive seeds, or only for {@code -Dasyncio4j.seed}. */
    public static void forEachSeed(int tries, LongConsumer check) {
        String replay = System.getProperty("asyncio4j.seed");
        if (replay != null) {
            runOne(Long.parseLong(replay), check);
            return;
        }
        long base = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            runOne(base + i, check);
        }
    }

    private static void runOne(long seed, LongConsumer check) {
        try {
            check.accept(seed);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("property failed for seed " + seed + " (replay with -Dasyncio4j.seed=" + seed + "): "
                    + failure.getMessage(), failure);
        }
    }
}
