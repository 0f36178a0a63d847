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
 * Ten simulated page downloads of two seconds each, run concurrently and awaited with
 * {@code Asyncio.wait}: they take about two seconds in all, not twenty.
 *
 * <p>Port of the {@code asyncio.wait(tasks)} program of seed
 * {@code 002_791aaf04ad4dc05a.txt} ({@code loop.run_until_complete(asyncio.wait(tasks))}). Python
 * 3.11+ no longer accepts bare coroutines in {@code wait}, so the coroutines become tasks first.
 */
public final class TenDownloadsWithWait {
    private TenDownloadsWithWait() {
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
                tasks.add(loop.createTask(() -> getHtml(out, "http://www.imooc.com", downloadSeconds)));
            }
            loop.runUntilComplete(() -> Asyncio.wait(tasks));
        }
        out.println(String.format("%.3f", (System.nanoTime() - start) / 1e9));
    }

    static void getHtml(PrintStream out, String url, double seconds) {
        out.println("start get url");
        Asyncio.sleep(seconds);
        out.println("end get url");
    }
}
