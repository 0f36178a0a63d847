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
import org.asyncio4j.sync.Lock;

/**
 * {@code lock}: 10 tasks contend for one {@link Lock}, each acquiring it N/10 times and yielding
 * ({@code sleep(0)}) while holding it, so the other nine are always queued on it; nanoseconds per
 * acquisition (the peers: {@code asyncio.Lock} on asyncio and uvloop).
 */
public final class LockCase implements BenchCase {
    static final int TASKS = 10;

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 100_000, 500);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/acquisition"));
    }

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            Lock lock = new Lock();
            List<Task<Void>> tasks = new ArrayList<>(TASKS);
            for (int t = 0; t < TASKS; t++) {
                tasks.add(Asyncio.createTask(() -> {
                    for (int i = 0; i < n / TASKS; i++) {
                        try (var held = lock.acquire()) {
                            Asyncio.sleep(0);
                        }
                    }
                }));
            }
            Asyncio.gather(tasks).await();
        });
    }
}
