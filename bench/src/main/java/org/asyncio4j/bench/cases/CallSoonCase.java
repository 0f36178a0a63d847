// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/** {@code callsoon}: a callback that schedules itself with {@code callSoon} N times in a chain; nanoseconds per callback. */
public final class CallSoonCase implements BenchCase {
    @Override
    public String name() {
        return "callsoon";
    }

    @Override
    public int n(Size size) {
        return size.pick(500_000, 200_000, 1_000);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/callback"));
    }

    /** The chained callback: counts itself and reschedules until it has run N times. */
    private static final class Chain implements Runnable {
        private final EventLoop loop;
        private final Future<Void> done;
        private final int n;
        private int count;

        Chain(EventLoop loop, Future<Void> done, int n) {
            this.loop = loop;
            this.done = done;
            this.n = n;
        }

        @Override
        public void run() {
            if (++count < n) {
                loop.callSoon(this);
            } else {
                done.setResult(null);
            }
        }
    }

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> done = loop.createFuture();
            loop.callSoon(new Chain(loop, done, n));
            done.await();
        });
    }
}
