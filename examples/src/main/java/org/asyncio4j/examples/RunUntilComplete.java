// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;

/**
 * Seed {@code 000_6b0290d618e7e636.txt}, "执行协程", mechanism 3: a new event loop and
 * {@code loop.run_until_complete(main())}, with the same output as {@link SequentialAwait}.
 */
public final class RunUntilComplete {
    private RunUntilComplete() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.runUntilComplete(() -> {
                for (int i = 0; i < 5; i++) {
                    out.println(SequentialAwait.doSomeWork(out, i));
                }
                return null;
            });
        }
    }
}
