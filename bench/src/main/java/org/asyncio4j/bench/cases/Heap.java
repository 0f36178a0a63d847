// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.lang.management.ManagementFactory;

/** Heap measurement for the memory cases, the same way the JVM peers measure (used heap after full GCs). */
final class Heap {
    private Heap() {
    }

    /**
     * Used heap bytes after three explicit collections (G1's {@code System.gc()} is a full,
     * stop-the-world collection). Called on the loop thread, so nothing on the loop runs meanwhile.
     */
    static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
