// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measured figure, printed as one JSON line in the peers' format:
 * {@code {"system":…,"case":…,"n":…,"value":…,"unit":…}} plus optional extra numeric fields.
 *
 * {@snippet :
 * System.out.println(new Figure("asyncio4j", "switch", 200_000, 151.2, "ns/switch").toJson());
 * }
 *
 * @param system who was measured ({@code asyncio4j} for this module)
 * @param kase the case name, as the peers' scripts spell it
 * @param n the problem size
 * @param value the figure (lower is better for every case here)
 * @param unit the unit, as the peers' scripts spell it
 * @param extra further numeric fields, in order (median, spread, ...)
 */
public record Figure(String system, String kase, long n, double value, String unit, Map<String, Double> extra) {

    public Figure(String system, String kase, long n, double value, String unit) {
        this(system, kase, n, value, unit, Map.of());
    }

    public Figure {
        extra = new LinkedHashMap<>(extra);
    }

    /** The figure as one JSON object on one line. */
    public String toJson() {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"system\":\"").append(system).append("\",\"case\":\"").append(kase)
                .append("\",\"n\":").append(n).append(",\"value\":").append(number(value))
                .append(",\"unit\":\"").append(unit).append('"');
        extra.forEach((key, v) -> json.append(",\"").append(key).append("\":").append(number(v)));
        return json.append('}').toString();
    }

    /** A JSON number with one decimal; non-finite values (which JSON cannot hold) become null. */
    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "null";
    }
}
