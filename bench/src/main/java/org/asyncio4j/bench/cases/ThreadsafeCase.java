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

/**
 * {@code threadsafe}: a platform thread hands the loop N callbacks with
 * {@link EventLoop#callSoonThreadsafe}, as fast as it can; each counts itself and the last one
 * completes a future the main task awaits; nanoseconds per callback (the peers: uvloop's and
 * asyncio's {@code call_soon_threadsafe}). Both threads' CPU is in the process CPU figure.
 */
public final class ThreadsafeCase implements BenchCase {
    @Override
    public String name() {
        return "threadsafe";
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

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> done = loop.createFuture();
            int[] count = {0};
            Runnable callback = () -> {
                if (++count[0] == n) {
                    done.setResult(null);
                }
            };
            Thread sender = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < n; i++) {
                    loop.callSoonThreadsafe(callback);
                }
            });
            done.await();
            sender.join();
        });
    }
}
