// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.sync.Lock;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "互斥锁" and "互斥锁和上下文管理器": a read-modify-write that
 * suspends in the middle loses updates unless a {@link Lock} makes it exclusive; shown with the
 * long form ({@code acquire()}/{@code release()}) and with try-with-resources ({@code async with lock}).
 */
public final class LockCounter {
    private static final int TASKS = 5;

    private LockCounter() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            int[] unguarded = {0};
            runAll(() -> {
                int seen = unguarded[0];
                Asyncio.sleep(0); // another task runs here and reads the same value
                unguarded[0] = seen + 1;
            });
            out.println("without a lock: " + unguarded[0] + " of " + TASKS + " increments kept");

            Lock lock = new Lock();
            int[] longForm = {0};
            runAll(() -> {
                lock.acquire();
                try {
                    int seen = longForm[0];
                    Asyncio.sleep(0);
                    longForm[0] = seen + 1;
                } finally {
                    lock.release();
                }
            });
            out.println("acquire/release: " + longForm[0] + " of " + TASKS + " increments kept");

            int[] withBlock = {0};
            runAll(() -> {
                try (var _ = lock.acquire()) {
                    int seen = withBlock[0];
                    Asyncio.sleep(0);
                    withBlock[0] = seen + 1;
                }
            });
            out.println("try-with-resources: " + withBlock[0] + " of " + TASKS + " increments kept");
            out.println("locked at the end? " + lock.isLocked());
        });
    }

    private interface Increment {
        void run() throws Exception;
    }

    private static void runAll(Increment increment) throws Exception {
        Task<?>[] tasks = new Task<?>[TASKS];
        for (int i = 0; i < TASKS; i++) {
            tasks[i] = Asyncio.createTask(increment::run);
        }
        for (Task<?> task : tasks) {
            task.await();
        }
    }
}
