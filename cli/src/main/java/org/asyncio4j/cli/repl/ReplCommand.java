// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
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
 * shell stops the loop, and closing the loop cancels the tasks that snippets left running.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = "A Java shell (JShell) where every snippet runs as a task on a running event loop: top-level await.")
public final class ReplCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        EventLoop loop = Asyncio.newEventLoop();
        Thread loopThread = Thread.ofPlatform().name("asyncio4j-repl-loop").daemon().start(() -> {
            try {
                loop.runForever();
            } finally {
                loop.close();
            }
        });
        try (Shell shell = new Shell(loop, System.out)) {
            Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
            shell.run(new BufferedReader(new InputStreamReader(System.in, charset)));
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join();
        }
        return 0;
    }
}
