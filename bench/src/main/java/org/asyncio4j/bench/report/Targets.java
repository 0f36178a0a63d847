package org.asyncio4j.bench.report;

import java.util.Locale;

/**
 * The targets of the benchmark issue, checked against one run's figures: each line says the
 * target, the measured ratio, and whether it was met (or which figure was missing).
 *
 * {@snippet :
 * System.out.print(Targets.render(results));
 * }
 */
public final class Targets {
    private Targets() {
    }

    /** One line per target. */
    public static String render(Results results) {
        StringBuilder out = new StringBuilder("targets (asyncio4j ÷ reference; met when at or below the limit):\n");
        for (String kase : new String[] {"spawn", "pingpong", "queue", "callsoon"}) {
            check(out, results, kase + " >= 10x faster than uvloop", kase, "asyncio4j", kase, "uvloop", 0.1);
        }
        check(out, results, "switch within 1.3x of the bare loop-carried vthread yield", "switch", "asyncio4j",
                "floor_vthread", "asyncio4j", 1.3);
        check(out, results, "switch vs a raw Continuation yield (information)", "switch", "asyncio4j",
                "floor_continuation", "asyncio4j", 1.3);
        check(out, results, "pingpong vs the bare vthread park/unpark round trip (information)", "pingpong",
                "asyncio4j", "floor_pingpong", "asyncio4j", 1.3);
        check(out, results, "spawn within 2x of Kotlin coroutines", "spawn", "asyncio4j", "spawn", "kotlin-coroutines", 2);
        check(out, results, "pingpong within 2x of Kotlin coroutines", "pingpong", "asyncio4j", "pingpong",
                "kotlin-coroutines", 2);
        check(out, results, "idle task memory below CPython asyncio's", "idle_memory", "asyncio4j", "idle_memory",
                "asyncio", 1);
        check(out, results, "timer overhead below CPython asyncio's", "timers_overhead", "asyncio4j",
                "timers_overhead", "asyncio", 1);
        return out.toString();
    }

    private static void check(StringBuilder out, Results results, String target, String rowA, String systemA,
            String rowB, String systemB, double limit) {
        Double a = results.value(rowA, systemA);
        Double b = results.value(rowB, systemB);
        out.append("  ").append(target).append(": ");
        if (a == null || b == null || b <= 0) {
            out.append("not measured (").append(a == null ? systemA + " " + rowA : systemB + " " + rowB).append(" missing)\n");
            return;
        }
        double ratio = a / b;
        out.append(String.format(Locale.ROOT, "%s / %s = %s -> %s%n", TextTable.format(a), TextTable.format(b),
                TextTable.ratio(ratio), ratio <= limit ? "met" : "MISSED"));
    }
}
