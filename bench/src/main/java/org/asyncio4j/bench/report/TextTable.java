// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as a plain-text table: one row per case, asyncio4j's figure, then each peer's
 * figure with asyncio4j's ratio to it ({@code asyncio4j ÷ peer}: below 1 means asyncio4j costs
 * less, for rates above 1 means it does more).
 *
 * {@snippet :
 * System.out.print(TextTable.render(results, Map.of("uvloop", "python3-uvloop not installed")));
 * }
 */
public final class TextTable {
    private TextTable() {
    }

    /** The table, with a "missing" column for each peer that could not run (reason printed below). */
    public static String render(Results results, Map<String, String> missing) {
        List<String> systems = new ArrayList<>(results.systems());
        for (String s : missing.keySet()) {
            if (!systems.contains(s)) {
                systems.add(s);
            }
        }
        systems.remove("asyncio4j");
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("case", "unit", "asyncio4j"));
        for (String s : systems) {
            header.add(s + " (a4j/peer)");
        }
        cells.add(header);
        for (Row row : results.rows()) {
            List<String> line = new ArrayList<>(List.of(row.key(), row.unit()));
            Double mine = row.values().get("asyncio4j");
            line.add(mine == null ? "-" : format(mine));
            for (String s : systems) {
                Double theirs = row.values().get(s);
                if (missing.containsKey(s)) {
                    line.add("missing");
                } else if (theirs == null) {
                    line.add("-");
                } else if (mine == null || theirs <= 0) {
                    line.add(format(theirs));
                } else {
                    line.add(format(theirs) + " (" + ratio(mine / theirs) + ")");
                }
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        appendAligned(out, cells);
        out.append("a4j/peer = asyncio4j's figure divided by the peer's: below 1 asyncio4j is cheaper "
                + "(for rates such as req/s and MB/s, above 1 asyncio4j is faster).\n");
        missing.forEach((s, why) -> out.append("missing peer ").append(s).append(": ").append(why).append('\n'));
        return out.toString();
    }

    static String format(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String ratio(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0fx", r) : r >= 0.1 ? String.format(Locale.ROOT, "%.2fx", r)
                : String.format(Locale.ROOT, "%.3fx", r);
    }

    private static void appendAligned(StringBuilder out, List<List<String>> cells) {
        int columns = cells.get(0).size();
        int[] width = new int[columns];
        for (List<String> line : cells) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], line.get(c).length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            for (int c = 0; c < columns; c++) {
                String cell = line.get(c);
                boolean left = c < 2;
                String pad = " ".repeat(width[c] - cell.length());
                out.append(left ? cell + pad : pad + cell).append(c + 1 < columns ? "  " : "\n");
            }
            if (r == 0) {
                for (int c = 0; c < columns; c++) {
                    out.append("-".repeat(width[c])).append(c + 1 < columns ? "  " : "\n");
                }
            }
        }
    }
}
