// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A smoke run of the subprocess benchmark: a few MiB through cat arrive whole. */
class SubprocessThroughputTest {

    @Test
    void fourMebibytesGoThroughCat() {
        assertThat(SubprocessThroughput.secondsThroughCat(4L << 20)).isPositive();
    }
}
