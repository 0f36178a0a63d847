// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code asyncio4j demo}: the tour's programs under their headings, with output and wall time. */
@Timeout(120)
class DemoCommandTest {

    @Test
    void launcherRunsTheChosenProgramsEachUnderItsHeadingWithItsWallTime() throws Exception {
        try (CliProcess demo = CliProcess.launcher("demo", "call-soon", "ten-downloads-gather", "echo")) {
            assertThat(demo.waitFor(90)).as(demo.text()).isZero();
            List<String> lines = demo.output().stream().filter(line -> !line.isBlank()).toList();
            assertThat(lines.getFirst()).isEqualTo("=== call-soon — call_soon, then stop the loop (seed 002) ===");
            assertThat(lines.get(1)).isEqualTo("success time 2");
            assertThat(lines.get(2)).matches("--- \\d+\\.\\d\\d s");

            int gather = lines.indexOf("=== ten-downloads-gather — the same ten downloads with gather (seed 002) ===");
            assertThat(gather).isPositive();
            assertThat(lines.subList(gather + 1, gather + 21)).filteredOn(line -> line.equals("start get url")).hasSize(10);
            double wall = Double.parseDouble(lines.get(gather + 22).replaceAll("--- (\\S+) s", "$1"));
            assertThat(wall).as("ten 2 s downloads run together").isBetween(2.0, 10.0);

            int echo = lines.indexOf("=== echo — an echo server and its client, both tasks of one loop (seed 004) ===");
            assertThat(echo).isGreaterThan(gather);
            assertThat(lines.get(echo + 1)).matches("echo server on /127\\.0\\.0\\.1:\\d+");
            assertThat(lines.subList(echo + 2, echo + 6)).containsExactly(
                    "echoed: hello", "echoed: echo", "server closed after 0 more bytes", "server closed");
            assertThat(lines.get(echo + 6)).matches("--- \\d+\\.\\d\\d s");
        }
    }

    @Test
    void theLoopGroupProgramShowsItsConnectionsOnBothLoopsUnderAHeadingBeyondAsyncio() throws Exception {
        try (CliProcess demo = CliProcess.jar("demo", "every-core")) {
            assertThat(demo.waitFor(60)).as(demo.text()).isZero();
            List<String> lines = demo.output().stream().filter(line -> !line.isBlank()).toList();
            assertThat(lines.subList(0, 6)).containsExactly(
                    "=== every-core — one echo server over a group of loops, its connections spread over them (beyond asyncio) ===",
                    "echo server on 2 loops, spread by HAND_OFF", "  client 1 echoed by loop 0", "  client 2 echoed by loop 1",
                    "  client 3 echoed by loop 0", "  client 4 echoed by loop 1");
            assertThat(lines.get(lines.size() - 2)).isEqualTo("every loop closed its connections");
            assertThat(lines.getLast()).matches("--- \\d+\\.\\d\\d s");
        }
    }

    @Test
    void listNamesEveryProgramAndAnUnknownNameIsRefusedWithTheChoices() throws Exception {
        try (CliProcess list = CliProcess.jar("demo", "--list")) {
            assertThat(list.waitFor(30)).isZero();
            assertThat(list.output()).anyMatch(line -> line.startsWith("factorial-gather "))
                    .anyMatch(line -> line.startsWith("echo "))
                    .anyMatch(line -> line.startsWith("every-core "))
                    .anyMatch(line -> line.startsWith("cancel-on-interrupt "));
        }
        try (CliProcess wrong = CliProcess.jar("demo", "no-such-demo")) {
            assertThat(wrong.waitFor(30)).isEqualTo(2);
            assertThat(wrong.text()).contains("unknown demo no-such-demo").contains("call-later").contains("--list");
        }
    }

    @Test
    void ctrlCDuringTheCancellationDemoCancelsThePendingTasks() throws Exception {
        try (CliProcess demo = CliProcess.jar("demo", "cancel-on-interrupt")) {
            demo.awaitLine("do_some_work(1) is still active", 30);
            demo.signal("INT");
            assertThat(demo.waitFor(30)).as(demo.text()).isZero();
            assertThat(demo.output()).contains("task do_some_work(2) was canceled", "task do_some_work(3) was canceled",
                    "task do_some_work(4) was canceled");
            assertThat(demo.output()).noneMatch(line -> line.equals("do_some_work(4) is still active"));
            assertThat(demo.output().getLast()).matches("--- \\d+\\.\\d\\d s");
        }
    }

    @Test
    void ctrlCDuringAnyOtherProgramEndsTheTourWithStatus130() throws Exception {
        try (CliProcess demo = CliProcess.jar("demo", "ten-downloads-gather", "echo")) {
            demo.awaitLine("start get url", 30); // printed by a task: the loop's Ctrl+C relay is in place
            demo.signal("INT");
            assertThat(demo.waitFor(30)).as(demo.text()).isEqualTo(130);
            assertThat(demo.output()).contains("asyncio4j demo: interrupted").doesNotContain("echoed: hello");
        }
    }
}
