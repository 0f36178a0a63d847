// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/**
 * {@code idle_memory}: N tasks suspended on one future that is never completed (asyncio's peer
 * waits on an {@code Event}, Kotlin's on a {@code CompletableDeferred}); heap bytes per task,
 * from used heap after full GCs before and after, as the JVM peers measure. The tasks' stacks
 * live in the heap while they are suspended, so they are counted. CPython reports resident
 * memory instead, which includes its allocator's slack.
 */
public final class IdleMemoryCase implements BenchCase {
    @Override
    public String name() {
        return "idle_memory";
    }

    @Override
    public int n(Size size) {
        return size.pick(100_000, 20_000, 2_000);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "bytes/task"));
    }

    static double once(int n) {
        double[] perTask = new double[1];
        Asyncio.run(() -> {
            Future<Void> never = Asyncio.getRunningLoop().createFuture();
            @SuppressWarnings({"unchecked", "rawtypes"})
            Task<Void>[] tasks = new Task[n];
            long before = Heap.usedAfterGc();
            for (int i = 0; i < n; i++) {
                tasks[i] = Asyncio.createTask(never::await);
            }
            Asyncio.sleep(0); // FIFO: every task runs up to its await before this task resumes
            perTask[0] = (Heap.usedAfterGc() - before) / (double) n;
            cancelAll(tasks);
        });
        return perTask[0];
    }

    /** Cancels {@code tasks} and waits until all have finished (cleanup after a memory measurement). */
    static void cancelAll(Task<?>[] tasks) throws Exception {
        for (Task<?> task : tasks) {
            task.cancel();
        }
        for (Task<?> task : tasks) {
            try {
                task.await();
            } catch (CancelledError expected) {
                // the cleanup we asked for
            }
        }
    }
}
