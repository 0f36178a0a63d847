// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one run's {@code results.jsonl} into the printed table, the target check and the SVG
 * chart. Started by {@code bench/run}.
 *
 * {@snippet lang=shell :
 * java -cp ... org.asyncio4j.bench.report.ReportMain target/results.jsonl target/missing.tsv target/results.svg
 * }
 */
public final class ReportMain {
    private ReportMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ReportMain RESULTS.jsonl MISSING.tsv OUT.svg "
                    + "(MISSING.tsv: 'system<TAB>reason' lines; it may be absent)");
            System.exit(2);
        }
        Results results = Results.read(Path.of(args[0]));
        Map<String, String> missing = readMissing(Path.of(args[1]));
        System.out.print(TextTable.render(results, missing));
        System.out.println();
        System.out.print(Targets.render(results));
        Files.writeString(Path.of(args[2]), SvgChart.render(results, missing));
        System.out.println();
        System.out.println("figures: " + args[0] + "\nchart:   " + args[2]);
    }

    /** The peers that could not run, and why; an absent file means none. */
    static Map<String, String> readMissing(Path tsv) throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        if (Files.exists(tsv)) {
            for (String line : Files.readAllLines(tsv)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    missing.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return missing;
    }
}
