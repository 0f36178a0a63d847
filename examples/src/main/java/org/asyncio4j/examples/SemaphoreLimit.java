// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.sync.Semaphore;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "信号量,设置 num 个位置" and "信号量, 上下文管理": a
 * {@link Semaphore} caps how many downloads run at once, taken once with the long form
 * ({@code acquire()}/{@code release()}) and then with try-with-resources ({@code async with}).
 *
 * <p>The downloads stand in for I/O by yielding to the loop a few times, so the output order is
 * the loop's, not the clock's.
 */
public final class SemaphoreLimit {
    private static final int SLOTS = 2;

    private SemaphoreLimit() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            Semaphore semaphore = new Semaphore(SLOTS);
            int[] running = {0};

            // semaphore = asyncio.Semaphore(10); await semaphore.acquire(); ...; semaphore.release()
            semaphore.acquire();
            try {
                out.println("long form: holding one of " + SLOTS + " slots, locked=" + semaphore.isLocked());
            } finally {
                semaphore.release();
            }

            // async with semaphore:
            Task<?>[] downloads = new Task<?>[5];
            for (int i = 0; i < downloads.length; i++) {
                int id = i;
                downloads[i] = Asyncio.createTask(() -> {
                    try (var _ = semaphore.acquire()) {
                        running[0]++;
                        out.println("download " + id + " started (" + running[0] + " running)");
                        pretendToDownload(id + 1);
                        running[0]--;
                        out.println("download " + id + " finished");
                    }
                });
            }
            for (Task<?> download : downloads) {
                download.await();
            }
            out.println("all downloads done, locked=" + semaphore.isLocked());
        });
    }

    /** Stands in for network I/O: yields to the loop {@code steps} times. */
    private static void pretendToDownload(int steps) {
        for (int i = 0; i < steps; i++) {
            Asyncio.sleep(0);
        }
    }
}
