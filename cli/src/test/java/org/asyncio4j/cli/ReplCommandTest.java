// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code asyncio4j repl}: snippets are tasks of a running loop, so await works at the top level. */
@Timeout(120)
class ReplCommandTest {

    @Test
    void scriptedSessionAwaitsASleepATaskAndAGather() throws Exception {
        try (CliProcess repl = CliProcess.jar("repl")) {
            repl.type("""
                    Asyncio.sleep(0.2)
                    var gate = Asyncio.getRunningLoop().<Integer>createFuture()
                    var t = Asyncio.createTask(() -> { gate.await(); return 6 * 7; })
                    t.isDone()
                    gate.setResult(0)
                    t.await()
                    Asyncio.gather(() -> Asyncio.sleep(0.2, "a"), () -> Asyncio.sleep(0.2, "b")).await()
                    String where() {
                        return Asyncio.currentTask().getName() + " on " + Thread.currentThread().isVirtual();
                    }
                    where()
                    nosuch(1)
                    throw new IllegalStateException("boom")
                    /exit
                    """);
            assertThat(repl.waitFor(60)).as(repl.text()).isZero();
            String text = repl.text();
            assertThat(text).containsPattern("t ==> <Task pending name='Task-\\d+'>")
                    .containsPattern("\\$\\d+ ==> false")
                    .containsPattern("\\$\\d+ ==> 42")
                    .containsPattern("\\$\\d+ ==> \\[a, b]")
                    .contains("|  created method where")
                    .containsPattern("\\$\\d+ ==> \"Task-\\d+ on true\"")
                    .contains("|  Error: cannot find symbol")
                    .contains("|  Exception java.lang.IllegalStateException: boom");
        }
    }

    @Test
    void ctrlCCancelsTheRunningSnippetButNotTheShellNorItsOtherTasks() throws Exception {
        try (CliProcess repl = CliProcess.jar("repl")) {
            repl.type("""
                    var bg = Asyncio.createTask(() -> { Asyncio.sleep(1); return "background done"; })
                    { System.out.println("sleeping"); Asyncio.sleep(60); }
                    """);
            repl.awaitLine("sleeping", 30);
            Thread.sleep(2000); // let the snippet reach its sleep (JShell compiles it after the println): a loaded machine needs time
            repl.signal("INT");
            repl.awaitLine("CancelledError", 20);
            repl.type("bg.await()\n1 + 1\n");
            repl.awaitLine("==> 2", 20);
            repl.endInput();
            assertThat(repl.waitFor(30)).as(repl.text()).isZero();
            assertThat(repl.text()).contains("|  Exception org.asyncio4j.CancelledError: the snippet was cancelled (Ctrl+C)")
                    .containsPattern("\\$\\d+ ==> \"background done\"");
        }
    }

    @Test
    void valuesAndExceptionMessagesAreEscapedAndCut() throws Exception {
        try (CliProcess repl = CliProcess.jar("repl")) {
            repl.type("""
                    java.util.List.of("\\033]0;owned\\007", "\\u202e")
                    java.util.List.of("y".repeat(5_000_000))
                    throw new IllegalStateException("\\033[2J cleared")
                    /exit
                    """);
            assertThat(repl.waitFor(60)).as(repl.text()).isZero();
            String text = repl.text();
            assertThat(text).contains("==> [\\x1b]0;owned\\x07, \\u202e]", "more characters)",
                    "|  Exception java.lang.IllegalStateException: \\x1b[2J cleared");
            assertThat(text).doesNotContain("\033", "\007", "\u202e");
            assertThat(repl.output()).allMatch(line -> line.length() < 10_000);
        }
    }

    @Test
    void ctrlCOnASnippetThatNeverSuspendsGivesAWorkingPromptOnAFreshLoop() throws Exception {
        try (CliProcess repl = CliProcess.jar("repl")) {
            repl.type("""
                    int kept = 41
                    { System.out.println("spinning"); while (true) {} }
                    """);
            repl.awaitLine("spinning", 30);
            long start = System.nanoTime();
            repl.signal("INT");
            repl.awaitLine("Snippets now run on a fresh event loop", 20);
            double seconds = (System.nanoTime() - start) / 1e9;
            repl.type("kept + 1\nAsyncio.sleep(0.1, \"the fresh loop runs tasks\")\n");
            repl.awaitLine("==> 42", 20);
            repl.awaitLine("==> \"the fresh loop runs tasks\"", 20);
            assertThat(seconds).as("about a second").isLessThan(10);
            assertThat(repl.text()).contains("Lost with the old loop");
            repl.type("/exit\n");
            assertThat(repl.waitFor(30)).as(repl.text()).isZero();
        }
    }

    @Test
    void exitLeavesWhileATaskThatNeverSuspendsHoldsTheLoop() throws Exception {
        try (CliProcess repl = CliProcess.jar("repl")) {
            repl.type("""
                    var spin = Asyncio.createTask(() -> { Asyncio.sleep(0.2); System.out.println("spinning"); while (true) {} })
                    """);
            repl.awaitLine("spinning", 30);
            repl.type("/exit\n");
            assertThat(repl.waitFor(30)).as(repl.text()).isZero();
        }
    }
}
