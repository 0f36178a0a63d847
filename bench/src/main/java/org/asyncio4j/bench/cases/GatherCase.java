// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/**
 * {@code gather}: N tasks (1,000,000 in the full run) that each return a number at once, created
 * in one go and gathered into one list; nanoseconds per task (the peers: {@code asyncio.gather}).
 */
public final class GatherCase implements BenchCase {
    @Override
    public String name() {
        return "gather";
    }

    @Override
    public int n(Size size) {
        return size.pick(1_000_000, 200_000, 1_000);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/task"));
    }

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            List<Task<Integer>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int value = i;
                tasks.add(Asyncio.createTask(() -> value));
            }
            List<Integer> values = Asyncio.gather(tasks).await();
            if (values.size() != n) {
                throw new IllegalStateException("gather returned " + values.size() + " of " + n + " results");
            }
        });
    }
}
