// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;

/**
 * A JShell execution engine that runs every snippet as a task of a running event loop, in this
 * JVM: the REPL's equivalent of {@code python -m asyncio}, where top-level {@code await} works.
 * Inside the snippet's task, {@code Asyncio.sleep(1)}, {@code future.await()} and
 * {@code Asyncio.createTask(...)} work as they do in any task, and tasks a snippet creates keep
 * running on the loop between snippets.
 *
 * {@snippet :
 * JShell shell = JShell.builder().executionEngine(new LoopExecutionControl.Provider(loop), Map.of()).build();
 * shell.eval("Asyncio.sleep(0.5)");   // runs as a task of loop; JShell's thread waits for it
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
 * on. As in asyncio, cancellation arrives where the task suspends or blocks: a snippet that
 * computes without ever suspending (a busy loop) cannot be cancelled, and holds the loop (so
 * every other task) until it ends.
 *
 * <h2>Threads</h2>
 * JShell calls this engine on its own thread, which waits while the snippet's task runs on the
 * loop's thread. A snippet's value is rendered on the loop too, so its {@code toString} sees the
 * loop's state as a task would.
 */
final class LoopExecutionControl extends DirectExecutionControl {
    private final EventLoop loop;
    private volatile CompletableFuture<String> running;
    private volatile boolean stopRequested;

    private LoopExecutionControl(EventLoop loop) {
        this.loop = loop;
    }

    /** Makes the engine for a JShell built with {@code executionEngine(provider, Map.of())}. */
    static final class Provider extends LocalExecutionControlProvider {
        private final EventLoop loop;
        private volatile LoopExecutionControl control;

        Provider(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public String name() {
            return "asyncio4j-loop";
        }

        @Override
        public ExecutionControl createExecutionControl(ExecutionEnv env, Map<String, String> parameters) {
            control = new LoopExecutionControl(loop);
            return control;
        }

        /** Cancels the snippet running in the engine made last, if one runs; returns whether one did. */
        boolean cancelRunning() {
            LoopExecutionControl current = control;
            return current != null && current.cancelRunning();
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        stopRequested = false;
        CompletableFuture<String> call = Asyncio.runCoroutineThreadsafe(() -> valueString(callSnippet(doitMethod)), loop);
        running = call;
        try {
            return call.get();
        } catch (CancellationException e) {
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
