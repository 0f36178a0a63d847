// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.TaskGroup;

/**
 * Who awaits whom: a crawler gathers two downloads inside a task group, and a watcher prints the
 * call graph of one download, up through the crawler to the main task (Python 3.14's
 * {@code asyncio.print_call_graph}). Run it longer ({@code seconds}) to look at it from outside
 * with {@code ./asyncio4j ps PID} and {@code pstree PID}.
 */
public final class CallGraph {
    private CallGraph() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Double.parseDouble(args[0]) : 1.0);
    }

    static void run(PrintStream out, double seconds) {
        Asyncio.run(() -> {
            Asyncio.currentTask().setName("main");
            TaskGroup.run(tg -> {
                tg.createTask(() -> crawl(seconds), "crawler");
                tg.createTask(() -> watch(out, seconds), "watcher");
            });
        });
    }

    private static List<String> crawl(double seconds) throws Exception {
        return Asyncio.gather(
                Asyncio.createTask(() -> download("a.example", seconds), "download-a"),
                Asyncio.createTask(() -> download("b.example", seconds), "download-b")).await();
    }

    private static String download(String host, double seconds) throws Exception {
        Asyncio.sleep(seconds);
        return host;
    }

    private static void watch(PrintStream out, double seconds) throws Exception {
        Asyncio.sleep(seconds / 2);
        for (Task<?> task : Asyncio.allTasks()) {
            if (task.getName().equals("download-a")) {
                Asyncio.printCallGraph(task, out);
            }
        }
    }
}
