// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/**
 * {@code cancel}: N tasks are created, each runs until it waits on a future that never completes,
 * then all are cancelled and gathered (their outcomes, the cancellations); nanoseconds per task
 * for the whole create, park, cancel and finish (the peers: asyncio's and uvloop's tasks).
 */
public final class CancelCase implements BenchCase {
    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 100_000, 500);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/task"));
    }

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            EventLoop loop = Asyncio.getRunningLoop();
            var never = loop.<Void>createFuture();
            List<Task<Void>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tasks.add(Asyncio.createTask(() -> {
                    never.await();
                }));
            }
            Asyncio.sleep(0); // every task runs up to its wait
            for (Task<Void> t : tasks) {
                t.cancel();
            }
            Asyncio.gatherOutcomes(tasks).await();
        });
    }
}
