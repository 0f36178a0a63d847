// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs asyncio4j's cases and prints one JSON line per figure on stdout (progress on stderr).
 * Usually started by {@code bench/run}, which also runs the peers and draws the table.
 *
 * {@snippet lang=shell :
 * java --add-opens java.base/java.lang=ALL-UNNAMED --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
 *      -cp ... org.asyncio4j.bench.Main --quick --cases spawn,switch
 * }
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Size size = Size.FULL;
        boolean printSizes = false;
        int repeat = 1;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> size = Size.QUICK;
                case "--tiny" -> size = Size.TINY;
                case "--sizes" -> printSizes = true;
                case "--loaded" -> Condition.set(Condition.LOADED);
                case "--repeat" -> { // run each case several times: a long steady run to profile (JFR)
                    if (i + 1 == args.length) {
                        usage("--repeat needs a count");
                    }
                    repeat = Integer.parseInt(args[++i]);
                }
                case "--cases" -> {
                    if (i + 1 == args.length) {
                        usage("--cases needs a comma-separated list, e.g. --cases spawn,switch");
                    }
                    names.addAll(Arrays.stream(args[++i].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
                }
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        List<BenchCase> cases;
        try {
            cases = Cases.select(names);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        if (printSizes) { // "case n" lines, for bench/run to give the peers the same N
            for (BenchCase c : cases) {
                System.out.println(c.name() + " " + c.n(size));
            }
            return;
        }
        for (String name : names) {
            if (Cases.ELSEWHERE.containsKey(name)) {
                System.err.println("# " + name + ": not run here: " + Cases.ELSEWHERE.get(name));
            }
        }
        for (BenchCase c : cases) {
            System.err.println("# asyncio4j " + c.name() + " (" + size.name().toLowerCase() + ")");
            for (int r = 0; r < repeat; r++) {
                for (Figure figure : c.run(size)) {
                    System.out.println(figure.toJson());
                    System.out.flush();
                }
            }
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Main [--quick|--tiny] [--loaded] [--sizes] [--repeat K] [--cases " + String.join(",", Cases.names()) + "]");
        System.exit(2);
    }
}
