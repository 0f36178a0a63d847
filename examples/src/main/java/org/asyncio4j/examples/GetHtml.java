// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;

/**
 * Seed {@code 002_791aaf04ad4dc05a.txt}, "asyncio的簡單使用" and "如何獲得協程的返回值": a coroutine that
 * "downloads" a page by sleeping two seconds, run with {@code run_until_complete}; then the same
 * coroutine as a task whose result is read after it finishes, and a done callback with an extra
 * argument.
 */
public final class GetHtml {
    private static final String URL = "http://www.imooc.com";

    private GetHtml() {
    }

    public static void main(String[] args) {
        run(System.out, 1.0);
    }

    static void run(PrintStream out, double timeScale) {
        long start = System.nanoTime();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.runUntilComplete(() -> {
                out.println("start get url");
                Asyncio.sleep(2 * timeScale);
                out.println("end get url");
                return null;
            });
            out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);

            Task<String> task = loop.createTask(() -> getHtml(out, URL, timeScale));
            loop.runUntilComplete(task);
            out.println(task.result());

            Task<String> withCallback = loop.createTask(() -> getHtml(out, URL, timeScale));
            withCallback.addDoneCallback(future -> callback(out, URL));
            loop.runUntilComplete(withCallback);
            out.println(withCallback.result());
        }
    }

    static String getHtml(PrintStream out, String url, double timeScale) {
        out.println("start get url");
        Asyncio.sleep(2 * timeScale);
        return "红烧肉";
    }

    private static void callback(PrintStream out, String url) {
        out.println(url);
        out.println("send email to 红烧肉");
    }
}
