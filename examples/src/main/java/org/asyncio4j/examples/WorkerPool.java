// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.queues.Queue;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "将工作单元标记为完成" and "等待所有单元完成": a pool of
 * workers takes jobs from a {@link Queue}, marks each done with {@code taskDone()}; the main task
 * waits for all of them with {@code join()}, then shuts the queue down, which ends each worker's
 * {@code for} loop over the queue (asyncio's {@code async for}-style consumption, Python 3.13
 * {@code shutdown()}).
 *
 * <p>A job "takes" as many loop iterations as its size, standing in for I/O, so the output order
 * is the loop's, not the clock's.
 */
public final class WorkerPool {
    private WorkerPool() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            Queue<Integer> jobs = new Queue<>();
            int[] sizes = {3, 1, 2, 1, 3, 2};
            for (int size : sizes) {
                jobs.putNowait(size);
            }
            List<Task<Integer>> workers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String name = "worker-" + i;
                workers.add(Asyncio.createTask(() -> {
                    int done = 0;
                    for (int size : jobs) {              // ends when shut down and drained
                        for (int step = 0; step < size; step++) {
                            Asyncio.sleep(0);
                        }
                        out.println(name + " finished a job of size " + size);
                        done++;
                        jobs.taskDone();
                    }
                    return done;
                }, name));
            }
            jobs.join();
            out.println("all " + sizes.length + " jobs done");
            jobs.shutdown();
            for (Task<Integer> worker : workers) {
                out.println(worker.getName() + " did " + worker.await() + " jobs");
            }
        });
    }
}
