// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison drawn as an SVG bar chart: one panel per case, one horizontal bar per system,
 * on a logarithmic scale per panel (the systems differ by up to a hundredfold), each bar labelled
 * with its figure and asyncio4j's ratio to it. Hand-written SVG, no dependencies.
 *
 * {@snippet :
 * Files.writeString(Path.of("bench/target/results.svg"), SvgChart.render(results, missing));
 * }
 */
public final class SvgChart {
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 960;
    private static final int LABEL = 190;
    private static final int BAR_AREA = 560;
    private static final int BAR = 16;

    private SvgChart() {
    }

    public static String render(Results results, Map<String, String> missing) {
        List<String> systems = results.systems();
        StringBuilder body = new StringBuilder();
        int y = 60;
        for (Row row : results.rows()) {
            y = panel(body, row, systems, y);
        }
        int legendY = y + 10;
        for (int i = 0; i < systems.size(); i++) {
            int x = 20 + (i % 4) * 230;
            int ly = legendY + (i / 4) * 20;
            body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, ly, colour(i), x + 18, ly + 11, escape(systems.get(i))));
        }
        y = legendY + ((systems.size() + 3) / 4) * 20 + 10;
        for (var e : missing.entrySet()) {
            body.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\" fill=\"#a00\">missing peer %s: %s</text>%n",
                    y, escape(e.getKey()), escape(e.getValue())));
            y += 18;
        }
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"20\" y=\"28\" font-size=\"18\" font-weight=\"bold\">asyncio4j and its peers</text>%n"
                + "<text x=\"20\" y=\"46\" fill=\"#555\">bars on a log scale per case; lower is better except req/s;"
                + " label: figure (asyncio4j ÷ system)</text>%n%s</svg>%n", WIDTH, y + 10, body);
    }

    private static int panel(StringBuilder out, Row row, List<String> systems, int y) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (double v : row.values().values()) {
            if (v > 0) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        out.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\" font-weight=\"bold\">%s</text>"
                + "<text x=\"20\" y=\"%d\" fill=\"#555\">%s</text>%n", y + 14, escape(row.key()), y + 30, escape(row.unit())));
        Double mine = row.values().get("asyncio4j");
        int by = y;
        for (int i = 0; i < systems.size(); i++) {
            Double v = row.values().get(systems.get(i));
            if (v == null) {
                continue;
            }
            double floor = lo / 3; // the smallest figure still gets a visible bar
            double length = v > 0 && hi > floor ? BAR_AREA * Math.log(v / floor) / Math.log(hi / floor) : 1;
            String label = TextTable.format(v) + (mine != null && v > 0 && !"asyncio4j".equals(systems.get(i))
                    ? " (" + TextTable.ratio(mine / v) + ")" : "");
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s: %s %s</title></rect><text x=\"%.1f\" y=\"%d\">%s</text>%n", LABEL, by,
                    Math.max(1, length), BAR, colour(i), escape(systems.get(i)), TextTable.format(v), escape(row.unit()),
                    LABEL + Math.max(1, length) + 6, by + 12, escape(label)));
            by += BAR + 4;
        }
        out.append(String.format(Locale.ROOT, "<line x1=\"20\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                WIDTH - 20, Math.max(by, y + 36) + 6, Math.max(by, y + 36) + 6));
        return Math.max(by, y + 36) + 16;
    }

    private static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
