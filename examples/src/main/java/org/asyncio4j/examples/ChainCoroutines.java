// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;

/**
 * Seed {@code 002_791aaf04ad4dc05a.txt}, "如何在協程中插入子協程" (chain coroutines):
 * {@code print_sum} awaits {@code compute}, which sleeps one second. In Java, calling the inner
 * coroutine is a plain method call; the task's virtual thread suspends inside it.
 */
public final class ChainCoroutines {
    private ChainCoroutines() {
    }

    public static void main(String[] args) {
        run(System.out, 1.0);
    }

    static void run(PrintStream out, double timeScale) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.runUntilComplete(() -> {
                printSum(out, 1, 2, timeScale);
                return null;
            });
        }
    }

    private static int compute(PrintStream out, int x, int y, double timeScale) {
        out.println("Compute " + x + " + " + y + " ...");
        Asyncio.sleep(1.0 * timeScale);
        return x + y;
    }

    private static void printSum(PrintStream out, int x, int y, double timeScale) {
        int result = compute(out, x, y, timeScale);
        out.println(x + " + " + y + " = " + result);
    }
}
