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
                    var t = Asyncio.createTask(() -> { Asyncio.sleep(5); return 6 * 7; })
                    t.isDone()
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
                    System.out.println("sleeping"); Asyncio.sleep(60)
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
}
