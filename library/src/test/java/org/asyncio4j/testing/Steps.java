// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.testing;

import org.asyncio4j.Asyncio;

/** Lets the other tasks of the loop run, like CPython's {@code test_utils.run_briefly}. */
public final class Steps {
    private Steps() {
    }

    /** Yields {@code n} loop iterations: every task ready now runs to its next suspension. */
    public static void yieldIterations(int n) {
        for (int i = 0; i < n; i++) {
            Asyncio.sleep(0);
        }
    }

    /** One loop iteration. */
    public static void yieldOnce() {
        Asyncio.sleep(0);
    }
}
