// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.KeyboardInterrupt;
import org.asyncio4j.Task;

/**
 * Seed {@code 000_6b0290d618e7e636.txt}, "停止协程": five tasks sleep 0 to 4 seconds; press Ctrl+C
 * before they finish and every pending task is cancelled, then the loop runs once more so they
 * can print that they were cancelled.
 *
 * <p>Differences from the seed: tasks are shown by name instead of {@code id()}, main awaits the
 * tasks one after the other instead of through {@code gather} (same output), and only pending
 * tasks are listed (Python 3.7+ {@code all_tasks} lists only those too). Without Ctrl+C it runs to
 * the end and prints every result.
 */
public final class CancelOnInterrupt {
    private CancelOnInterrupt() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        out.println("start...");
        long start = System.nanoTime();
        EventLoop loop = Asyncio.newEventLoop();
        try {
            List<String> results = loop.runUntilComplete(() -> {
                List<Task<String>> tasks = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    int x = i;
                    tasks.add(loop.createTask(() -> doSomeWork(out, x)));
                }
                List<String> done = new ArrayList<>();
                for (Task<String> task : tasks) {
                    done.add(task.await());
                }
                return done;
            });
            for (String result : results) {
                out.println("task result: " + result);
            }
        } catch (KeyboardInterrupt e) {
            for (Task<?> task : loop.allTasks()) {
                out.println("cancelling the task " + task.getName() + ": " + task.cancel());
            }
            loop.stop();
            loop.runForever(); // restart the loop so the cancelled tasks can finish
        } finally {
            loop.close();
        }
        out.printf("total run time:  %.3f%n", (System.nanoTime() - start) / 1e9);
    }

    private static String doSomeWork(PrintStream out, int x) {
        out.println("Hello do_some_work: " + x);
        try {
            Asyncio.sleep(x);
        } catch (CancelledError e) {
            out.println("task do_some_work(" + x + ") was canceled");
            throw e; // without rethrowing, the task would go on as if nothing happened
        }
        out.println("do_some_work(" + x + ") is still active");
        return "work is done for " + x;
    }
}
