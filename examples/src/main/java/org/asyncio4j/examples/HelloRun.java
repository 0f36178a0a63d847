// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;

/**
 * Seed {@code 003_8e31b3b7053353f4.txt}, "运行Asyncio程序": {@code asyncio.run(main())} where main
 * sleeps one second and prints {@code hello}.
 */
public final class HelloRun {
    private HelloRun() {
    }

    public static void main(String[] args) {
        run(System.out, 1.0);
    }

    static void run(PrintStream out, double timeScale) {
        Asyncio.run(() -> {
            Asyncio.sleep(1 * timeScale);
            out.println("hello");
        });
    }
}
