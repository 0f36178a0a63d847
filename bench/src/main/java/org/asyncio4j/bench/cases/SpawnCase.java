// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/**
 * {@code spawn}: create N tasks that each yield once ({@code sleep(0)}), then gather them, as the
 * peers do; nanoseconds per task.
 */
public final class SpawnCase implements BenchCase {
    @Override
    public String name() {
        return "spawn";
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 50_000, 500);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/task"));
    }

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Task<Void>[] tasks = new Task[n];
            for (int i = 0; i < n; i++) {
                tasks[i] = Asyncio.createTask(() -> Asyncio.sleep(0));
            }
            Asyncio.gather(tasks).await();
        });
    }
}
