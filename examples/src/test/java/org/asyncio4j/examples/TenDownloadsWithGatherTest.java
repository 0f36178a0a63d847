// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenDownloadsWithGatherTest {

    @Test
    void tenDownloadsOverlap() {
        List<String> lines = Output.of(out -> TenDownloadsWithGather.run(out, 0.2));
        assertThat(lines.subList(0, 10)).isEqualTo(Collections.nCopies(10, "start get url"));
        assertThat(lines.subList(10, 20)).isEqualTo(Collections.nCopies(10, "end get url"));
        assertThat(Double.parseDouble(lines.get(20))).isLessThan(1.0); // ten 0.2 s downloads, not 2 s
    }
}
