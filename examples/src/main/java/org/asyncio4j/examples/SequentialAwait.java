// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;

/**
 * Seed {@code 000_6b0290d618e7e636.txt}, "执行协程", mechanism 1 and 2: {@code asyncio.run(main())}
 * where main awaits {@code do_some_work(i)} five times in a row. Awaiting a coroutine is a plain
 * call in Java.
 */
public final class SequentialAwait {
    private SequentialAwait() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            for (int i = 0; i < 5; i++) {
                String result = doSomeWork(out, i);
                out.println(result);
            }
        });
    }

    static String doSomeWork(PrintStream out, int x) {
        out.println("Hello: " + x);
        return "work is done for " + x;
    }
}
