// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed {@code 001_e2f497c25cce56da.txt}, "绑定回调": a done callback receives the finished task and
 * reads its result; a callback with an extra argument is a lambda (Python uses
 * {@code functools.partial}).
 */
public final class DoneCallback {
    private DoneCallback() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        long start = System.nanoTime();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Task<String> task = loop.createTask(() -> {
                out.println("Waiting:  2");
                return "Done after 2s";
            });
            task.addDoneCallback(future -> out.println("Callback:  " + future.result()));
            task.addDoneCallback(future -> callback(out, 2, future));
            loop.runUntilComplete(task);
        }
        out.printf("TIME:  %.6f%n", (System.nanoTime() - start) / 1e9);
    }

    private static void callback(PrintStream out, int t, Future<String> future) {
        out.println("Callback: " + t + " " + future.result());
    }
}
