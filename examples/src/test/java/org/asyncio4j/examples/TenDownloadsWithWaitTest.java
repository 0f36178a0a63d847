// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenDownloadsWithWaitTest {

    @Test
    void tenTwoSecondDownloadsFinishInAboutTwoSeconds() {
        List<String> lines = Output.of(TenDownloadsWithWait::run);
        assertThat(lines).hasSize(21);
        assertThat(lines.subList(0, 10)).isEqualTo(Collections.nCopies(10, "start get url"));
        assertThat(lines.subList(10, 20)).isEqualTo(Collections.nCopies(10, "end get url"));
        assertThat(Double.parseDouble(lines.get(20))).isBetween(1.9, 3.5);
    }
}
