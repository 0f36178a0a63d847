// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * {@code gather} groups work: two groups of downloads gathered separately, gathered again as a
 * whole, and one group cancelled as a unit while the other finishes.
 *
 * <p>Port of the "gather can group coroutines" fragments of seed
 * {@code 002_791aaf04ad4dc05a.txt} ({@code group1 = asyncio.gather(*group1)},
 * {@code asyncio.gather(group1, group2)}, {@code group2.cancel()}), made into one program.
 */
public final class GatherGroups {
    private GatherGroups() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        run(out, 2.0);
    }

    static void run(PrintStream out, double downloadSeconds) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Future<List<String>> group1 = Asyncio.gather(
                    loop.createTask(() -> getHtml(out, "http://projectsedu.com", downloadSeconds)),
                    loop.createTask(() -> getHtml(out, "http://projectsedu.com", downloadSeconds)));
            Future<List<String>> group2 = Asyncio.gather(
                    loop.createTask(() -> getHtml(out, "http://www.imooc.com", downloadSeconds)),
                    loop.createTask(() -> getHtml(out, "http://www.imooc.com", downloadSeconds)));
            out.println("both groups: " + loop.runUntilComplete(Asyncio.gather(group1, group2)));

            List<Task<String>> second = List.of(
                    loop.createTask(() -> getHtml(out, "http://projectsedu.com", downloadSeconds)),
                    loop.createTask(() -> getHtml(out, "http://www.imooc.com", downloadSeconds)));
            Future<List<String>> kept = Asyncio.gather(second.get(0));
            Future<List<String>> dropped = Asyncio.gather(second.get(1));
            dropped.cancel();
            try {
                loop.runUntilComplete(Asyncio.gather(kept, dropped));
            } catch (CancelledError e) {
                out.println("gather(group1, group2) raised CancelledError: group2 was cancelled");
            }
            out.println("group1 still finishes: " + loop.runUntilComplete(kept));
            // As in asyncio, the gather itself is not "cancelled": it ended with its child's CancelledError.
            out.println("group2's download cancelled: " + second.get(1).isCancelled());
        }
    }

    private static String getHtml(PrintStream out, String url, double seconds) {
        out.println("start get " + url);
        Asyncio.sleep(seconds);
        out.println("end get " + url);
        return url;
    }
}
