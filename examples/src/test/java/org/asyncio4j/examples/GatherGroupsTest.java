// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatherGroupsTest {

    @Test
    void groupsAreGatheredAndOneIsCancelledAsAUnit() {
        assertThat(Output.of(out -> GatherGroups.run(out, 0.05))).containsExactly(
                "start get http://projectsedu.com",
                "start get http://projectsedu.com",
                "start get http://www.imooc.com",
                "start get http://www.imooc.com",
                "end get http://projectsedu.com",
                "end get http://projectsedu.com",
                "end get http://www.imooc.com",
                "end get http://www.imooc.com",
                "both groups: [[http://projectsedu.com, http://projectsedu.com], [http://www.imooc.com, http://www.imooc.com]]",
                "start get http://projectsedu.com",
                "gather(group1, group2) raised CancelledError: group2 was cancelled",
                "end get http://projectsedu.com",
                "group1 still finishes: [http://projectsedu.com]",
                "group2's download cancelled: true");
    }
}
