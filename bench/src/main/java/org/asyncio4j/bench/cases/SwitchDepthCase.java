// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/**
 * {@code switch_depth10} and {@code switch_depth50}: {@code switch} with each task's yields made
 * DEPTH calls down (a task's stack is that deep at every switch; the peers' is an await chain
 * that deep); nanoseconds per switch (2N switches).
 */
public final class SwitchDepthCase implements BenchCase {
    private final int depth;

    public SwitchDepthCase(int depth) {
        this.depth = depth;
    }

    @Override
    public String name() {
        return "switch_depth" + depth;
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 100_000, 500);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n, depth)), "ns/switch"));
    }

    static double once(int n, int depth) {
        return Timing.nanosPer(2.0 * n, () -> {
            var a = Asyncio.createTask(() -> deep(depth, n));
            var b = Asyncio.createTask(() -> deep(depth, n));
            a.await();
            b.await();
        });
    }

    private static int deep(int depth, int n) {
        if (depth > 0) {
            return deep(depth - 1, n) + 1; // not a tail call: the frame stays on the stack
        }
        for (int i = 0; i < n; i++) {
            Asyncio.sleep(0);
        }
        return 0;
    }
}
