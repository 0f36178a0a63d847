// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;

/**
 * The ten concurrent downloads again, this time collected with {@code Asyncio.gather}: the
 * higher-level tool, which also returns the results in order.
 *
 * <p>Port of the {@code asyncio.gather(*tasks)} variant in seed {@code 002_791aaf04ad4dc05a.txt}.
 */
public final class TenDownloadsWithGather {
    private TenDownloadsWithGather() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        run(out, 2.0);
    }

    static void run(PrintStream out, double downloadSeconds) {
        long start = System.nanoTime();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(loop.createTask(() -> TenDownloadsWithWait.getHtml(out, "http://www.imooc.com", downloadSeconds)));
            }
            loop.runUntilComplete(Asyncio.gather(tasks));
        }
        out.println(String.format("%.3f", (System.nanoTime() - start) / 1e9));
    }
}
