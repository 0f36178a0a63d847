// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** split and subgroup as CPython 3.13's BaseExceptionGroup decides them (the twins print the same shapes). */
class ExceptionGroupTest {
    private final IllegalArgumentException one = new IllegalArgumentException("1");
    private final IllegalStateException two = new IllegalStateException("2");
    private final IllegalArgumentException three = new IllegalArgumentException("3");
    private final NoSuchElementException four = new NoSuchElementException("4");
    private final ExceptionGroup inner = new ExceptionGroup("inner", List.of(two, three));
    private final ExceptionGroup outer = new ExceptionGroup("outer", List.of(one, inner, four));

    /** Python's repr of a group, to compare shapes: outer[1, inner[3]]. */
    private static String shape(Throwable error) {
        if (error == null) {
            return "null";
        }
        if (error instanceof ExceptionGroup group) {
            return group.description() + group.exceptions().stream().map(ExceptionGroupTest::shape).toList();
        }
        return error.getMessage();
    }

    @Test
    void splitKeepsTheNestingOnBothSides() {
        ExceptionGroup.Split parts = outer.split(IllegalArgumentException.class);
        assertThat(shape(parts.match())).isEqualTo("outer[1, inner[3]]");
        assertThat(shape(parts.rest())).isEqualTo("outer[inner[2], 4]");
        assertThat(parts.match().exceptions().get(0)).isSameAs(one);
    }

    @Test
    void aConditionThatMatchesTheGroupItselfTakesItWhole() {
        ExceptionGroup.Split all = outer.split(RuntimeException.class);
        assertThat(all.match()).isSameAs(outer);
        assertThat(all.rest()).isNull();
        assertThat(outer.subgroup(ExceptionGroup.class)).isSameAs(outer);

        ExceptionGroup.Split byInner = outer.split(e -> e instanceof ExceptionGroup g && g.description().equals("inner"));
        assertThat(byInner.match().exceptions()).singleElement().isSameAs(inner);
        assertThat(shape(byInner.rest())).isEqualTo("outer[1, 4]");
    }

    @Test
    void anEmptySideIsNull() {
        ExceptionGroup.Split none = outer.split(IOException.class);
        assertThat(none.match()).isNull();
        assertThat(shape(none.rest())).isEqualTo("outer[1, inner[2, 3], 4]");
        assertThat(outer.subgroup(IOException.class)).isNull();
    }

    @Test
    void subgroupIsTheMatchingSideOfSplit() {
        assertThat(shape(outer.subgroup(e -> e instanceof IllegalStateException))).isEqualTo("outer[inner[2]]");
        assertThat(shape(outer.split(e -> e instanceof IllegalStateException).rest())).isEqualTo("outer[1, inner[3], 4]");
    }

    @Test
    void thePartsKeepTheCauseAndStackTraceOfTheOriginal() {
        IOException cause = new IOException("cause");
        ExceptionGroup group = new ExceptionGroup("with cause", List.of(one, two));
        group.initCause(cause);
        ExceptionGroup.Split parts = group.split(IllegalArgumentException.class);
        assertThat(parts.match().getCause()).isSameAs(cause);
        assertThat(parts.rest().getCause()).isSameAs(cause);
        assertThat(parts.match().getStackTrace()).isEqualTo(group.getStackTrace());
        assertThat(parts.match().getMessage()).isEqualTo("with cause (1 sub-exception)");
    }
}
