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
 * {@code pingpong}: two tasks hand a token back and forth through futures; nanoseconds per round
 * trip. As in {@code aio_bench.py}: before waking its peer, a side installs a fresh future as its
 * own next inbox, then completes the peer's; one round trip is 2 new futures, 2 completions and
 * 2 awaits.
 */
public final class PingPongCase implements BenchCase {
    @Override
    public String name() {
        return "pingpong";
    }

    @Override
    public int n(Size size) {
        return size.pick(100_000, 50_000, 500);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/roundtrip"));
    }

    /** The two inboxes: the future each side awaits next (only touched on the loop thread). */
    private static final class Inboxes {
        Future<Integer> a;
        Future<Integer> b;
    }

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Inboxes inbox = new Inboxes();
            inbox.a = loop.createFuture();
            inbox.b = loop.createFuture();
            var pong = Asyncio.createTask(() -> {
                for (int i = 0; i < n; i++) {
                    inbox.b.await();
                    inbox.b = loop.createFuture();
                    inbox.a.setResult(i);
                }
            });
            var ping = Asyncio.createTask(() -> {
                for (int i = 0; i < n; i++) {
                    inbox.a = loop.createFuture();
                    inbox.b.setResult(i);
                    inbox.a.await();
                }
            });
            pong.await();
            ping.await();
        });
    }
}
