// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.util.List;

/**
 * One benchmark case: the same work as the peers' case of the same name
 * ({@code ../shared/bench/peers}), measured on asyncio4j.
 *
 * {@snippet :
 * for (Figure f : new SwitchCase().run(Size.QUICK)) {
 *     System.out.println(f.toJson());
 * }
 * }
 */
public interface BenchCase {
    /** The system name every figure of this module carries. */
    String SYSTEM = "asyncio4j";

    /** The case's name, as the peers spell it ({@code spawn}, {@code switch}, ...). */
    String name();

    /** The problem size N at {@code size}; {@code bench/run} gives the peers the same N. */
    int n(Size size);

    /** Measures the case at {@code size} and returns its figures (most cases give one). */
    List<Figure> run(Size size) throws Exception;

    /** The usual single figure: best of the timed passes, with median and spread beside it. */
    default Figure figure(long n, Passes.Summary summary, String unit) {
        return new Figure(SYSTEM, Condition.current().caseName(name()), n, summary.best(), unit, summary.extra());
    }
}
