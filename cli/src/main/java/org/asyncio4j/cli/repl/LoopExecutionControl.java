// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;

/**
 * A JShell execution engine that runs every snippet as a task of a running event loop, in this
 * JVM: the REPL's equivalent of {@code python -m asyncio}, where top-level {@code await} works.
 * Inside the snippet's task, {@code Asyncio.sleep(1)}, {@code future.await()} and
 * {@code Asyncio.createTask(...)} work as they do in any task, and tasks a snippet creates keep
 * running on the loop between snippets.
 *
 * {@snippet :
 * LoopExecutionControl.Provider provider = new LoopExecutionControl.Provider();   // starts a loop
 * JShell shell = JShell.builder().executionEngine(provider, Map.of()).build();
 * shell.eval("Asyncio.sleep(0.5)");   // runs as a task of the loop; JShell's thread waits for it
 * }
 *
 * <p>Snippets must run in-process (JShell's default engine runs them in a second JVM, where no
 * loop of ours runs), so this extends JShell's direct engine: JShell loads the snippet's class
 * here, and {@link #invoke(Method)} hands the call to the loop with
 * {@link Asyncio#runCoroutineThreadsafe} and waits for it.
 *
 * <h2>Cancellation</h2>
 * {@link #stop()} (JShell's stop, which the REPL calls on Ctrl+C) cancels the running snippet's
 * task; the snippet ends with a {@link CancelledError} it may catch, and the tasks it created go
 * on. As in asyncio, cancellation arrives where the task suspends or blocks. A snippet that
 * computes without ever suspending ({@code while (true) {}}), or a task of an earlier snippet
 * that does, holds the loop's thread, and nothing in Java can take it back. So when the loop has
 * not answered within {@link #GRACE} of the Ctrl+C, the engine leaves that loop behind, starts a
 * fresh one for the snippets to come, and ends the snippet with a {@link LoopAbandoned} that
 * says what was lost: the stuck code (it keeps a CPU busy until the shell ends), and the tasks
 * and futures of the old loop, which do not run again (if the stuck code ever ends, the old loop
 * stops and closes, cancelling them). JShell's state (variables, methods,
 * classes, imports) stays. CPython's {@code python -m asyncio} gets a working prompt back from
 * the same snippet by raising {@code KeyboardInterrupt} in it, which Java cannot do.
 *
 * <h2>Threads</h2>
 * JShell calls this engine on its own thread, which waits while the snippet's task runs on the
 * loop's thread. A snippet's value is rendered on the loop too, so its {@code toString} sees the
 * loop's state as a task would.
 */
final class LoopExecutionControl extends DirectExecutionControl {
    /** How long after a Ctrl+C the loop has to answer before it counts as stuck. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final Provider provider;
    private volatile CompletableFuture<String> running;
    private volatile boolean stopRequested;

    private LoopExecutionControl(Provider provider) {
        this.provider = provider;
    }

    /**
     * Makes the engine for a JShell built with {@code executionEngine(provider, Map.of())}, and
     * owns the loop its snippets run on: one started with the provider, replaced when stuck.
     */
    static final class Provider extends LocalExecutionControlProvider implements AutoCloseable {
        private final AtomicInteger loops = new AtomicInteger();
        private volatile LoopThread loop = LoopThread.start(loops.incrementAndGet());
        private volatile LoopExecutionControl control;

        @Override
        public String name() {
            return "asyncio4j-loop";
        }

        @Override
        public ExecutionControl createExecutionControl(ExecutionEnv env, Map<String, String> parameters) {
            control = new LoopExecutionControl(this);
            return control;
        }

        /** Cancels the snippet running in the engine made last, if one runs; returns whether one did. */
        boolean cancelRunning() {
            LoopExecutionControl current = control;
            return current != null && current.cancelRunning();
        }

        /** Leaves a stuck loop behind (it stops and closes if the code holding it ever ends) and starts another. */
        private void replace(LoopThread stuck) throws InterruptedException {
            loop = LoopThread.start(loops.incrementAndGet());
            stuck.stop(Duration.ZERO);
        }

        /** Stops the current loop, waiting a little for it; a stuck one is left to the JVM's exit (its thread is a daemon). */
        @Override
        public void close() throws InterruptedException {
            loop.stop(Duration.ofSeconds(2));
        }
    }

    /** Ends a snippet whose loop was held by code that never suspends; the message says what was lost. */
    static final class LoopAbandoned extends RuntimeException {
        LoopAbandoned(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        stopRequested = false;
        LoopThread loop = provider.loop;
        CompletableFuture<String> call = Asyncio.runCoroutineThreadsafe(() -> valueString(callSnippet(doitMethod)), loop.loop());
        running = call;
        try {
            return call.get();
        } catch (CancellationException e) {
            if (stopRequested && !loop.responds(GRACE)) {
                provider.replace(loop);
                throw new InvocationTargetException(new LoopAbandoned(String.join("\n",
                        "Ctrl+C could not cancel the snippet: the loop is held by code that never suspends",
                        "(a busy loop in this snippet or in a task). Snippets now run on a fresh event loop.",
                        "Lost with the old loop: the stuck code, which keeps a CPU busy until you leave, and",
                        "its tasks and futures, which do not run again (should the stuck code ever end, the old",
                        "loop closes and cancels them). Variables, methods and classes stay.")));
            }
            throw new InvocationTargetException(new CancelledError(
                    stopRequested ? "the snippet was cancelled (Ctrl+C)" : "the snippet's task was cancelled"));
        } catch (ExecutionException e) {
            throw new InvocationTargetException(e.getCause());
        } finally {
            running = null;
        }
    }

    /** Cancels the running snippet's task, if a snippet is running; returns whether one was. */
    boolean cancelRunning() {
        CompletableFuture<String> call = running;
        if (call == null) {
            return false;
        }
        stopRequested = true;
        call.cancel(false);
        return true;
    }

    @Override
    public void stop() {
        cancelRunning();
    }

    /**
     * Calls the snippet in the current task, rethrowing what it throws as itself, so a snippet
     * that ends with {@code CancelledError} leaves its task cancelled, as in asyncio.
     */
    private static Object callSnippet(Method doitMethod) throws Exception {
        try {
            return doitMethod.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
