// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.asyncio4j.cli.Text;
import picocli.CommandLine.Command;

/**
 * {@code asyncio4j repl}: a Java shell in which every snippet runs as a task of a running event
 * loop, so {@code Asyncio.sleep(1)}, {@code task.await()} and {@code Asyncio.createTask(...)}
 * work at the top level, as in {@code python -m asyncio}. Ctrl+C cancels the running snippet,
 * not the shell; {@code /exit} or Ctrl+D leaves.
 *
 * {@snippet lang=text :
 * asyncio4j> var t = Asyncio.createTask(() -> { Asyncio.sleep(1); return 42; })
 * t ==> <Task pending name='Task-2'>
 * asyncio4j> t.await()
 * $2 ==> 42
 * }
 *
 * <h2>Threads</h2>
 * The loop runs forever on its own platform thread; the shell reads and compiles on the main
 * thread and waits while a snippet's task runs (see {@link LoopExecutionControl}). Closing the
 * shell stops the loop, and closing the loop cancels the tasks that snippets left running. A
 * loop held by code that never suspends is replaced by a fresh one on Ctrl+C, and left running
 * on its daemon thread until the JVM exits: {@code /exit} always leaves.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = "A Java shell (JShell) where every snippet runs as a task on a running event loop: top-level await.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:left with /exit or Ctrl+D (Ctrl+C cancels the running snippet, never the shell)",
                "1:the shell could not start", "2:a usage error: an unknown option"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j repl", "  echo 'Asyncio.sleep(1, \"slept\")' | asyncio4j repl    # a script"})
public final class ReplCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        try (Shell shell = new Shell(System.out)) {
            Charset charset = Text.terminalCharset(System.console() != null ? System.console().charset() : Charset.defaultCharset());
            shell.run(new BufferedReader(new InputStreamReader(System.in, charset)));
        }
        return 0;
    }
}
