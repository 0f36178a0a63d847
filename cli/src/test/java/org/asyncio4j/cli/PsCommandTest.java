// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code asyncio4j ps PID} and {@code pstree PID} against other processes: an asyncio4j program, and ones they cannot read. */
@Timeout(180)
class PsCommandTest {
    @TempDir
    Path dir;

    /** Runs {@code ps}/{@code pstree} until its output mentions {@code text} (the program may still be starting). */
    private static List<String> until(String text, String command, long pid) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (CliProcess ps = CliProcess.jar(command, Long.toString(pid))) {
                int status = ps.waitFor(60);
                if (status == 0 && ps.text().contains(text) || System.nanoTime() > deadline) {
                    assertThat(status).as(ps.text()).isZero();
                    return ps.output();
                }
            }
            Thread.sleep(300);
        }
    }

    @Test
    void psAndPstreeShowEveryTaskAndWhoAwaitsWhomWithoutTheProgramDoingAnything() throws Exception {
        try (CliProcess program = CliProcess.program("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", CliProcess.jar().toString(), "org.asyncio4j.examples.CallGraph", "120")) {
            List<String> table = until("download-b", "ps", program.pid());
            assertThat(table.get(0)).startsWith("tid").contains("task id", "task name", "coroutine stack", "awaiter chain", "awaiter name", "awaiter id");
            assertThat(table.get(1)).matches("-{180}");
            assertThat(table).anyMatch(line -> line.matches("\\d+ +\\d+ +main .* 0"));
            assertThat(table).anyMatch(line -> line.matches("\\d+ +\\d+ +crawler +CallGraph\\.crawl -> .* main +\\d+"));
            assertThat(table).anyMatch(line -> line.matches("\\d+ +\\d+ +download-a +CallGraph\\.download -> .*CallGraph\\.crawl -> .* crawler +\\d+"));
            assertThat(table).anyMatch(line -> line.matches("\\d+ +\\d+ +watcher +CallGraph\\.watch -> .* main +\\d+"));

            List<String> tree = until("download-b", "pstree", program.pid());
            assertThat(tree.getFirst()).isEqualTo("└── (T) main");
            assertThat(tree).containsSubsequence(
                    "    └──  CallGraph.lambda$run$0 CallGraph.java:29",     // main, waiting in TaskGroup.run
                    "        ├── (T) crawler",
                    "        │       └──  CallGraph.crawl CallGraph.java:39",  // where the crawler gathers
                    "        │           ├── (T) download-a",
                    "        │           │       └──  CallGraph.download CallGraph.java:43",
                    "        │           └── (T) download-b",
                    "        └── (T) watcher",
                    "                └──  CallGraph.watch CallGraph.java:48");
        }
    }

    @Test
    void eachProcessItCannotReadGetsOneLineSayingWhy() throws Exception {
        Path sleeper = dir.resolve("Sleeper.java");
        Files.writeString(sleeper, """
                class Sleeper {
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        Thread.sleep(120_000);
                    }
                }
                """);
        try (CliProcess notJava = CliProcess.program("sleep", "120");
                CliProcess noLibrary = CliProcess.program("java", sleeper.toString());
                CliProcess noLoop = CliProcess.program("java", "-cp", CliProcess.jar().toString(), sleeper.toString())) {
            noLibrary.awaitLine("ready", 60);
            noLoop.awaitLine("ready", 60);
            assertFails("ps", notJava.pid(), "asyncio4j ps: cannot attach to process " + notJava.pid());
            assertFails("pstree", noLibrary.pid(), "has no asyncio4j on its class path");
            assertFails("ps", noLoop.pid(), "runs asyncio4j but has no event loop");
        }
        assertFails("ps", Long.MAX_VALUE, "asyncio4j ps: no process with PID " + Long.MAX_VALUE);
    }

    private static void assertFails(String command, long pid, String message) throws Exception {
        try (CliProcess ps = CliProcess.jar(command, Long.toString(pid))) {
            assertThat(ps.waitFor(60)).as(ps.text()).isEqualTo(1);
            assertThat(ps.output()).as(ps.text()).hasSize(1);
            assertThat(ps.output().getFirst()).contains(message);
        }
    }
}
