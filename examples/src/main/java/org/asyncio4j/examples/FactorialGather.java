// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;

/**
 * Three factorials computed concurrently, one multiplication per second each, gathered by
 * {@code main}.
 *
 * <p>Port of the {@code asyncio.gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))}
 * program of seed {@code 003_8e31b3b7053353f4.txt}; it prints exactly the seed's expected output.
 */
public final class FactorialGather {
    private FactorialGather() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        run(out, 1.0);
    }

    static void run(PrintStream out, double stepSeconds) {
        Asyncio.run(() -> {
            Asyncio.gather(
                    () -> factorial(out, "A", 2, stepSeconds),
                    () -> factorial(out, "B", 3, stepSeconds),
                    () -> factorial(out, "C", 4, stepSeconds)).await();
        });
    }

    private static long factorial(PrintStream out, String name, int number, double stepSeconds) {
        long f = 1;
        for (int i = 2; i <= number; i++) {
            out.println("Task " + name + ": Compute factorial(" + i + ")...");
            Asyncio.sleep(stepSeconds);
            f *= i;
        }
        out.println("Task " + name + ": factorial(" + number + ") = " + f);
        return f;
    }
}
