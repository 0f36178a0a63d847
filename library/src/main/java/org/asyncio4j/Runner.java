// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.asyncio4j.internal.signals.Sigint;

/**
 * Runs one or more coroutines, one after another, on the same event loop and in the same
 * {@link Context}, and cleans up once when closed: asyncio's {@code asyncio.Runner}.
 * {@link Asyncio#run} is a runner used for a single coroutine.
 *
 * {@snippet :
 * try (Runner runner = new Runner()) {
 *     runner.run(() -> { CONFIG.set(load()); });       // a context variable set here...
 *     String answer = runner.run(() -> ask(CONFIG.get())); // ...is seen here
 * }   // leftover tasks cancelled, async generators closed, the default executor shut down
 * }
 *
 * <p>The loop is made on first use (by {@link #run} or {@link #getLoop}) with the loop factory
 * given, {@link Asyncio#newEventLoop} by default. {@link #close} cancels the tasks the runs left
 * and awaits them, closes the async generators still open, shuts the default executor down and
 * closes the loop; closing twice does nothing. Tasks a run leaves behind keep going in the next
 * run, as in asyncio.
 *
 * <h2>Ctrl+C</h2>
 * On the JVM's main thread, Ctrl+C during {@link #run} cancels the coroutine; once it has ended
 * cancelled, {@link KeyboardInterrupt} is thrown (Python 3.11 behaviour). A second Ctrl+C, while
 * it has not ended, throws {@link KeyboardInterrupt} at once.
 *
 * <h2>Threads</h2>
 * Use a runner from one thread, and not from inside a running loop.
 */
public final class Runner implements AutoCloseable {
    private enum State { NEW, STARTED, CLOSED }

    private final Supplier<? extends EventLoop> loopFactory;
    private final Boolean debug;
    private State state = State.NEW;
    private EventLoop loop;
    private Context context;

    /** A runner whose loop comes from {@link Asyncio#newEventLoop}. */
    public Runner() {
        this(Asyncio::newEventLoop, null);
    }

    /**
     * A runner whose loop is in debug mode if {@code debug} is true.
     *
     * @param debug the debug mode to give the loop ({@link EventLoop#setDebug})
     */
    public Runner(boolean debug) {
        this(Asyncio::newEventLoop, debug);
    }

    /**
     * A runner whose loop comes from {@code loopFactory} (asyncio's {@code loop_factory}), its debug mode left as made.
     *
     * @param loopFactory called once, on first use, to make the loop
     * @throws NullPointerException if {@code loopFactory} is null
     */
    public Runner(Supplier<? extends EventLoop> loopFactory) {
        this(loopFactory, null);
    }

    private Runner(Supplier<? extends EventLoop> loopFactory, Boolean debug) {
        this.loopFactory = Objects.requireNonNull(loopFactory, "loopFactory");
        this.debug = debug;
    }

    /**
     * Runs {@code main} as a task of the runner's loop, in the runner's context, and returns its
     * result; its exception is rethrown unchanged (even a checked one).
     *
     * @param main the coroutine to run
     * @param <T> its result type
     * @return the result of {@code main}
     * @throws IllegalStateException if the runner is closed, or if called from a running loop
     */
    public <T> T run(Coroutine<T> main) {
        return run(main, null, false);
    }

    /**
     * {@link #run(Coroutine)} in {@code context} instead of the runner's own.
     *
     * @param main the coroutine to run
     * @param context the context to run it in
     * @param <T> its result type
     * @return the result of {@code main}
     * @throws IllegalStateException if the runner is closed, or if called from a running loop
     */
    public <T> T run(Coroutine<T> main, Context context) {
        return run(main, Objects.requireNonNull(context, "context"), false);
    }

    /**
     * {@link #run(Coroutine)} for a body without a result.
     *
     * @param main the body to run
     * @throws IllegalStateException if the runner is closed, or if called from a running loop
     */
    public void run(AsyncRunnable main) {
        run(Objects.requireNonNull(main, "main").asCoroutine(), null, false);
    }

    /**
     * {@link #run(Coroutine, Context)} for a body without a result.
     *
     * @param main the body to run
     * @param context the context to run it in
     * @throws IllegalStateException if the runner is closed, or if called from a running loop
     */
    public void run(AsyncRunnable main, Context context) {
        run(Objects.requireNonNull(main, "main").asCoroutine(), Objects.requireNonNull(context, "context"), false);
    }

    /**
     * {@link #run(Coroutine)}, then {@link #close()} while Ctrl+C is still routed to the loop, so
     * that a Ctrl+C during the cleanup interrupts it and a further one ends the JVM
     * ({@link Asyncio#run}).
     */
    <T> T runThenClose(Coroutine<T> main) {
        try {
            return run(main, null, true);
        } finally {
            close();
        }
    }

    private <T> T run(Coroutine<T> main, Context runContext, boolean closeAfter) {
        Objects.requireNonNull(main, "main");
        if (EventLoop.runningOrNull() != null) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop;"
                    + " inside a task, call the coroutine directly or use createTask");
        }
        EventLoop loop = getLoop();
        Task<T> task = loop.createTask(main, null, runContext != null ? runContext : context);
        // Python 3.11's Runner: the first Ctrl+C cancels main (or interrupts, if main is done and
        // the leftovers are being cleaned up); the second interrupts even if main swallowed the
        // cancellation; a third, while the cleanup still waits, ends the JVM.
        Runnable cancelMain = () -> loop.callSoonThreadsafeQuietly(() -> {
            if (task.isDone()) {
                throw new KeyboardInterrupt();
            }
            task.cancel();
        });
        try (Sigint sigint = Sigint.installOnMainThread(cancelMain, loop::interruptFromSigint)) {
            try {
                return loop.runUntilComplete(task);
            } catch (CancelledError e) {
                if (sigint != null && sigint.received() > 0 && task.uncancel() == 0) {
                    throw new KeyboardInterrupt();
                }
                throw e;
            } finally {
                if (closeAfter) {
                    close();
                }
            }
        }
    }

    /**
     * The runner's loop, made now if this is its first use.
     *
     * @return the loop the runner runs its coroutines on
     * @throws IllegalStateException if the runner is closed
     */
    public EventLoop getLoop() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("Runner is closed: make a new one");
        }
        if (state == State.NEW) {
            EventLoop made = Objects.requireNonNull(loopFactory.get(), "the loop factory returned null");
            if (debug != null) {
                made.setDebug(debug);
            }
            loop = made;
            context = Context.copyContext();
            state = State.STARTED;
        }
        return loop;
    }

    /**
     * Cancels and awaits the tasks left, closes the open async generators, shuts the default
     * executor down and closes the loop. Does nothing if the runner was never used or is
     * already closed.
     */
    @Override
    public void close() {
        if (state != State.STARTED) {
            return;
        }
        try {
            finish(loop);
        } finally {
            loop.close();
            loop = null;
            state = State.CLOSED;
        }
    }

    /**
     * What ends a loop's run, here and in each loop of a {@link LoopGroup}: cancels and awaits the
     * tasks left, closes the open async generators and shuts the default executor down.
     */
    static void finish(EventLoop loop) {
        List<Task<?>> leftovers = List.copyOf(loop.allTasks());
        if (!leftovers.isEmpty()) {
            loop.cancelAndFinish(leftovers);
        }
        loop.runUntilComplete(loop.shutdownAsyncGenerators());
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
    }
}
