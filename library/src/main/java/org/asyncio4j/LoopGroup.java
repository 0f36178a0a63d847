// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.asyncio4j.internal.loop.SafeLog;
import org.asyncio4j.internal.signals.Sigint;

/**
 * N event loops on N platform threads, started and closed together: one loop per core, for
 * servers and pipelines that asyncio would spread over N processes. Beyond asyncio (Netty's
 * {@code EventLoopGroup}, Vert.x's event loops).
 *
 * {@snippet :
 * try (LoopGroup group = new LoopGroup()) {           // one loop per available processor
 *     CompletableFuture<String> a = group.submit(() -> { Asyncio.sleep(0.1); return "a"; });
 *     CompletableFuture<String> b = group.submit(() -> { Asyncio.sleep(0.1); return "b"; });
 *     System.out.println(a.join() + b.join());         // ab: the two ran on two loops at once
 * }
 * }
 *
 * <h2>Inside each loop, asyncio</h2>
 * Every loop is an ordinary {@link EventLoop}: its tasks and callbacks run one at a time on its
 * thread, in asyncio's order. Nothing is shared between loops except through the thread-safe
 * doors: {@link #submit} (and {@link Asyncio#runCoroutineThreadsafe}),
 * {@link EventLoop#callSoonThreadsafe}, {@link Asyncio#wrapFuture}, and
 * {@link Future#await()}, which a task may call on a future of another loop (the outcome crosses
 * through both loops' thread-safe queues). Anything else (completing another loop's future,
 * adding a callback to it, scheduling on it with {@code callSoon}) is a data race; debug mode
 * ({@link #LoopGroup(int, boolean)}) makes the loop's checked operations refuse it with
 * {@link IllegalStateException}.
 *
 * <h2>Lifecycle</h2>
 * The loops start running when the group is made. {@link #close()} cancels every loop's tasks
 * and waits for them to finish, closes the async generators still open, shuts each default
 * executor down and closes the loops, as {@link Asyncio#run} does for one loop; when it returns,
 * none of the group's threads is left. A {@link EventLoop#stop()} on a loop of the group does not
 * end it: the group runs it again.
 *
 * <h2>A loop that fails</h2>
 * An exception thrown by a task is that task's outcome: it completes the future {@link #submit}
 * returned, and the loop goes on. An exception that ends a loop itself (a
 * {@link KeyboardInterrupt} thrown by a callback, the only kind that escapes a loop) ends only
 * that loop: its tasks are cancelled and awaited, it is closed, and the error is logged; the other
 * loops go on, {@link #next()} skips it and {@link #submit} to it fails. {@link #close()} rethrows
 * the first such error once everything is closed, so that it is not lost.
 *
 * <h2>Threads</h2>
 * Thread-safe: every method may be called from any thread, except that {@link #close()} refuses
 * to run on one of the group's own loops (it would wait for itself).
 */
public final class LoopGroup implements AutoCloseable {
    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final List<EventLoop> loops;
    private final List<Thread> threads;
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Set<EventLoop> failed = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /** A group of one loop per available processor ({@code Runtime.availableProcessors()}), running from now on. */
    public LoopGroup() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A group of {@code size} loops, running from now on.
     *
     * @param size how many loops (and platform threads) the group has
     * @throws IllegalArgumentException if {@code size} is less than one
     */
    public LoopGroup(int size) {
        this(size, false);
    }

    /**
     * {@link #LoopGroup(int)} with every loop in debug mode if {@code debug} is true.
     *
     * @param size how many loops (and platform threads) the group has
     * @param debug whether every loop runs in debug mode (see {@link EventLoop#setDebug}), which
     *     also makes a loop refuse the checked calls that come from another loop's thread
     * @throws IllegalArgumentException if {@code size} is less than one
     */
    public LoopGroup(int size, boolean debug) {
        if (size < 1) {
            throw new IllegalArgumentException("A loop group needs at least one loop, not " + size);
        }
        int group = GROUPS.incrementAndGet();
        List<EventLoop> made = new ArrayList<>(size);
        List<Thread> started = new ArrayList<>(size);
        Phaser running = new Phaser(size);
        for (int i = 0; i < size; i++) {
            EventLoop loop = Asyncio.newEventLoop();
            loop.setDebug(debug);
            made.add(loop);
            started.add(Thread.ofPlatform().name("asyncio4j-group" + group + "-loop" + i).unstarted(() -> drive(loop, running)));
        }
        this.loops = List.copyOf(made);
        this.threads = List.copyOf(started);
        threads.forEach(Thread::start);
        // Once the constructor returns every loop runs, so that debug mode's thread checks (active
        // only while a loop runs) see a stray call from the start.
        running.awaitAdvance(0);
    }

    /**
     * The body of {@link #run(int, Main)}: a program's main coroutine, given the group it runs in.
     *
     * @param <T> the program's result type
     */
    @FunctionalInterface
    public interface Main<T> {
        /**
         * Runs the program as a task of the group's first loop.
         *
         * @param group the group the program runs in, to {@link LoopGroup#submit} or {@link LoopGroup#spawn} work
         *     to its other loops
         * @return the program's result, which {@link LoopGroup#run(int, Main)} returns
         * @throws Exception any failure, which {@link LoopGroup#run(int, Main)} rethrows unchanged
         */
        T run(LoopGroup group) throws Exception;
    }

    /**
     * {@link #run(int, Main)} with one loop per available processor.
     *
     * @param main the program, run as a task of the first loop
     * @param <T> the program's result type
     * @return what {@code main} returned
     */
    public static <T> T run(Main<T> main) {
        return run(Runtime.getRuntime().availableProcessors(), main);
    }

    /**
     * The entry point of a program that uses every core, {@link Asyncio#run}'s twin: makes a group
     * of {@code size} loops, runs {@code main} as a task of the first, and when it ends closes the
     * group (every loop's tasks cancelled and awaited) and returns its result or rethrows its
     * exception unchanged.
     *
     * <p>On the JVM's main thread, Ctrl+C cancels {@code main}; the group is then closed as usual
     * (everything cancelled, cleanups awaited) and {@link KeyboardInterrupt} is thrown. A second
     * Ctrl+C while the cleanups still run ends the JVM.
     *
     * @param size how many loops the group has
     * @param main the program, run as a task of the first loop
     * @param <T> the program's result type
     * @return what {@code main} returned
     * @throws IllegalArgumentException if {@code size} is less than one
     * @throws IllegalStateException if called from a running event loop
     * @throws KeyboardInterrupt if Ctrl+C cancelled {@code main}
     * @throws CancelledError if {@code main} was cancelled otherwise
     */
    public static <T> T run(int size, Main<T> main) {
        Objects.requireNonNull(main, "main");
        if (EventLoop.runningOrNull() != null) {
            throw new IllegalStateException("LoopGroup.run() cannot be called from a running event loop;"
                    + " inside a task, use an existing group's submit or spawn");
        }
        try (LoopGroup group = new LoopGroup(size)) {
            // Ctrl+C is caught before main is submitted: the loops run already, so main may be
            // under way (and the user may press Ctrl+C) before submit returns.
            CompletableFuture<Void> ctrlC = new CompletableFuture<>();
            try (Sigint sigint = Sigint.installOnMainThread(() -> ctrlC.complete(null))) {
                CompletableFuture<T> task = group.submit(group.loops().getFirst(), () -> main.run(group));
                ctrlC.thenRun(() -> task.cancel(false));
                try {
                    return awaitUninterruptibly(task);
                } catch (CancellationException e) {
                    if (sigint != null && sigint.received() > 0) {
                        throw new KeyboardInterrupt();
                    }
                    throw new CancelledError();
                } catch (ExecutionException e) {
                    throw Asyncio.sneakyThrow(e.getCause());
                }
            }
        }
    }

    private static <T> T awaitUninterruptibly(CompletableFuture<T> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@return the group's loops, in a fixed order; a loop that failed is still listed (closed)} */
    public List<EventLoop> loops() {
        return loops;
    }

    /** {@return how many loops the group has} */
    public int size() {
        return loops.size();
    }

    /**
     * The next loop in round-robin order, skipping loops that failed.
     *
     * @return a loop of the group that is still open
     * @throws IllegalStateException if the group is closed or every loop has failed
     */
    public EventLoop next() {
        checkOpen();
        int start = nextIndex.getAndIncrement();
        for (int i = 0; i < loops.size(); i++) {
            EventLoop loop = loops.get(Math.floorMod(start + i, loops.size()));
            if (!failed.contains(loop) && !loop.isClosed()) {
                return loop;
            }
        }
        throw new IllegalStateException("Every loop of the group has failed; close the group (close() rethrows why)");
    }

    /**
     * Runs {@code coroutine} as a task of {@code loop} and returns a {@code CompletableFuture} of
     * its result, for any thread: {@link Asyncio#runCoroutineThreadsafe}. Cancelling it cancels the
     * task.
     *
     * @param loop one of {@link #loops()}
     * @param coroutine the work to run there
     * @param <T> the result type
     * @return a future of the task's outcome, usable from any thread
     * @throws IllegalArgumentException if {@code loop} is not one of this group's loops
     * @throws IllegalStateException if the group or that loop is closed
     */
    public <T> CompletableFuture<T> submit(EventLoop loop, Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkOpen();
        return Asyncio.runCoroutineThreadsafe(coroutine, member(loop));
    }

    /**
     * {@link #submit(EventLoop, Coroutine)} on the {@link #next()} loop.
     *
     * @param coroutine the work to run
     * @param <T> the result type
     * @return a future of the task's outcome, usable from any thread
     * @throws IllegalStateException if the group is closed or every loop has failed
     */
    public <T> CompletableFuture<T> submit(Coroutine<T> coroutine) {
        return submit(next(), coroutine);
    }

    /**
     * {@link #submit(EventLoop, Coroutine)} for a body without a result.
     *
     * @param loop one of {@link #loops()}
     * @param body the work to run there
     * @return a future completed with {@code null} once the body has run, usable from any thread
     */
    public CompletableFuture<Void> submit(EventLoop loop, AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        return submit(loop, body.asCoroutine());
    }

    /**
     * {@link #submit(Coroutine)} for a body without a result, on the {@link #next()} loop.
     *
     * @param body the work to run
     * @return a future completed with {@code null} once the body has run, usable from any thread
     */
    public CompletableFuture<Void> submit(AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        return submit(body.asCoroutine());
    }

    /**
     * From a task or callback of any loop: runs {@code coroutine} as a task of {@code loop} and
     * returns a future of the <em>calling</em> loop for its outcome, to await or to combine with
     * {@link Asyncio#gather} there. Cancelling it cancels the task. On the calling loop itself it is
     * simply {@link EventLoop#createTask}.
     *
     * @param loop one of {@link #loops()}
     * @param coroutine the work to run there
     * @param <T> the result type
     * @return a future of the calling loop, done once the task on {@code loop} is
     * @throws IllegalArgumentException if {@code loop} is not one of this group's loops
     * @throws IllegalStateException if no loop is running on this thread, or the group or that loop is closed
     */
    public <T> Future<T> spawn(EventLoop loop, Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        EventLoop here = Asyncio.getRunningLoop();
        if (member(loop) == here) {
            checkOpen();
            return here.createTask(coroutine);
        }
        return Asyncio.wrapFuture(submit(loop, coroutine));
    }

    /**
     * {@link #spawn(EventLoop, Coroutine)} on the {@link #next()} loop.
     *
     * @param coroutine the work to run
     * @param <T> the result type
     * @return a future of the calling loop, done once the task is
     * @throws IllegalStateException if no loop is running on this thread, or the group is closed
     *     or every loop has failed
     */
    public <T> Future<T> spawn(Coroutine<T> coroutine) {
        return spawn(next(), coroutine);
    }

    /**
     * {@link #spawn(EventLoop, Coroutine)} for a body without a result.
     *
     * @param loop one of {@link #loops()}
     * @param body the work to run there
     * @return a future of the calling loop, done once the body has run on {@code loop}
     */
    public Future<Void> spawn(EventLoop loop, AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        return spawn(loop, body.asCoroutine());
    }

    /**
     * {@link #spawn(Coroutine)} for a body without a result, on the {@link #next()} loop.
     *
     * @param body the work to run
     * @return a future of the calling loop, done once the body has run
     */
    public Future<Void> spawn(AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        return spawn(body.asCoroutine());
    }

    /** {@return whether {@link #close()} has been called} */
    public boolean isClosed() {
        return closing;
    }

    /**
     * Cancels every loop's tasks, waits for them to finish, shuts the loops down and waits for
     * their threads to end. Closing twice does nothing.
     *
     * @throws IllegalStateException if called from a task or callback of one of the group's loops
     * @throws RuntimeException the first error that ended a loop of the group, if one did
     */
    @Override
    public void close() {
        EventLoop running = EventLoop.runningOrNull();
        if (running != null && loops.contains(running)) {
            throw new IllegalStateException("A loop group cannot be closed from one of its own loops (it would wait for"
                    + " itself); close it from the thread that made it, or stop the work and return from main");
        }
        closing = true;
        for (EventLoop loop : loops) {
            loop.stop();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable error = failure.get();
        if (error != null) {
            throw Asyncio.sneakyThrow(error);
        }
    }

    @Override
    public String toString() {
        long open = loops.stream().filter(loop -> !loop.isClosed()).count();
        return "<LoopGroup size=" + loops.size() + " open=" + open + " closed=" + closing + ">";
    }

    /** The body of each loop's thread: run until the group closes (or the loop fails), then shut down as Asyncio.run does. */
    private void drive(EventLoop loop, Phaser running) {
        loop.callSoon(running::arrive);
        try {
            while (!closing) {
                loop.runForever();
            }
        } catch (Throwable error) {
            fail(loop, error, "failed; the others go on");
        } finally {
            try {
                Runner.finish(loop);
            } catch (Throwable error) { // a second KeyboardInterrupt, from a callback of the clean-up
                fail(loop, error, "failed while shutting down");
            } finally {
                loop.close();
            }
        }
    }

    private void fail(EventLoop loop, Throwable error, String what) {
        failed.add(loop);
        failure.compareAndSet(null, error);
        SafeLog.log(Level.ERROR, () -> "A loop of " + this + " " + what, error);
    }

    private EventLoop member(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        if (!loops.contains(loop)) {
            throw new IllegalArgumentException("The loop " + loop + " is not one of this group's loops;"
                    + " pick one from loops() or next()");
        }
        return loop;
    }

    private void checkOpen() {
        if (closing) {
            throw new IllegalStateException("The loop group is closed: it accepts no more work");
        }
    }
}
