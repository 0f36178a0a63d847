// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;
import org.asyncio4j.queues.Queue;

/**
 * {@code queue}: one producer task puts N boxed integers into a queue of capacity 128, one
 * consumer task takes them; nanoseconds per item. The consumer checks the sum, so a lost item
 * fails the case.
 * The queue is {@link Queue}, asyncio4j's {@code asyncio.Queue}.
 */
public final class QueueCase implements BenchCase {
    static final int MAXSIZE = 128;

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 100_000, 1_000);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/item"));
    }

    static double once(int n) {
        long[] sum = new long[1];
        double nanos = Timing.nanosPer(n, () -> {
            Queue<Integer> q = new Queue<>(MAXSIZE);
            var producer = Asyncio.createTask(() -> {
                for (int i = 0; i < n; i++) {
                    q.put(i);
                }
            });
            var consumer = Asyncio.createTask(() -> {
                long s = 0;
                for (int i = 0; i < n; i++) {
                    s += q.get();
                }
                sum[0] = s;
            });
            producer.await();
            consumer.await();
        });
        if (sum[0] != (long) n * (n - 1) / 2) {
            throw new AssertionError("the queue lost or duplicated items: sum " + sum[0]);
        }
        return nanos;
    }
}
