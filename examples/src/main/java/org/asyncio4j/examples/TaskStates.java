// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;

/**
 * Seed {@code 001_e2f497c25cce56da.txt}, "协程的定义": a task is pending when created and finished
 * after {@code run_until_complete}; printing it shows its state.
 */
public final class TaskStates {
    private TaskStates() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        long start = System.nanoTime();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Task<Void> task = loop.createTask(() -> {
                out.println("Waiting:  2");
            });
            out.println(task);
            loop.runUntilComplete(task);
            out.println(task);
        }
        out.printf("TIME:  %.6f%n", (System.nanoTime() - start) / 1e9);
    }
}
