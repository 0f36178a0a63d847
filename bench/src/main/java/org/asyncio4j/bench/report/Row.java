// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.report;

import java.util.Map;

/**
 * One row of the comparison: a case, its unit, and each system's figure in that unit (the peers
 * spell some cases and units differently; {@link Results} maps them onto rows).
 *
 * @param key the row's name ({@code spawn}, {@code timers_overhead}, ...)
 * @param unit the unit every figure of the row is in
 * @param higherIsBetter true for rates (echo requests/s), false for costs (ns, bytes)
 * @param values figure per system name
 */
public record Row(String key, String unit, boolean higherIsBetter, Map<String, Double> values) {
}
