// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/** {@code switch}: two tasks that each yield ({@code sleep(0)}) N times; nanoseconds per switch (2N switches). */
public final class SwitchCase implements BenchCase {
    @Override
    public String name() {
        return "switch";
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 100_000, 500);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/switch"));
    }

    static double once(int n) {
        return Timing.nanosPer(2.0 * n, () -> {
            var a = Asyncio.createTask(() -> spin(n));
            var b = Asyncio.createTask(() -> spin(n));
            a.await();
            b.await();
        });
    }

    private static void spin(int n) {
        for (int i = 0; i < n; i++) {
            Asyncio.sleep(0);
        }
    }
}
