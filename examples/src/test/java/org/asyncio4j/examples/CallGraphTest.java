// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallGraphTest {

    @Test
    void aDownloadIsAwaitedByTheCrawlerWhichIsAwaitedByMain() {
        List<String> lines = Output.of(out -> CallGraph.run(out, 0.2));
        assertThat(lines.stream().map(String::strip).filter(line -> line.startsWith("* ") || line.startsWith("+ "))
                .map(line -> line.replaceAll(", id=\\d+\\)", ")")))
                .containsExactly(
                        "* Task(name='download-a')",
                        "+ Call stack:",
                        "+ Awaited by:",
                        "* Task(name='crawler')",
                        "+ Call stack:",
                        "+ Awaited by:",
                        "* Task(name='main')",
                        "+ Call stack:");
        assertThat(lines).anyMatch(line -> line.contains("at org.asyncio4j.examples.CallGraph.download(CallGraph.java:"));
        assertThat(lines).anyMatch(line -> line.contains("at org.asyncio4j.examples.CallGraph.crawl(CallGraph.java:"));
    }
}
