// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The entry points of asyncio4j, named after asyncio's module-level functions.
 *
 * {@snippet :
 * import org.asyncio4j.Asyncio;
 *
 * public class Hello {
 *     public static void main(String[] args) {
 *         String result = Asyncio.run(() -> {
 *             var a = Asyncio.createTask(() -> { Asyncio.sleep(1); return "a"; });
 *             var b = Asyncio.createTask(() -> { Asyncio.sleep(1); return "b"; });
 *             return a.await() + b.await();   // both sleeps overlap: about one second in all
 *         });
 *         System.out.println(result);          // ab
 *     }
 * }
 * }
 *
 * <p>Methods that act on "the running loop" ({@link #createTask}, {@link #sleep},
 * {@link #toThread}, ...) must be called from a task or a callback of a running loop; they throw
 * {@link IllegalStateException} elsewhere.
 */
public final class Asyncio {
    /** Each thread's current loop for {@link #getEventLoop()} when none is running. */
    private static final ThreadLocal<EventLoop> THREAD_LOOP = new ThreadLocal<>();

    private Asyncio() {
    }

    // ---------------------------------------------------------------- running a program

    /**
     * Runs {@code main} as a task on a new event loop and returns its result: asyncio's
     * {@code asyncio.run}. When {@code main} finishes, the tasks it left are cancelled and awaited,
     * the async generators still open are closed, the default executor is shut down and the loop
     * is closed: a {@link Runner} used once. Its exception is rethrown unchanged (even a
     * checked one).
     *
     * <p>On the JVM's main thread, Ctrl+C cancels {@code main}; once it has finished cancelled,
     * {@link KeyboardInterrupt} is thrown (Python 3.11 behaviour). A second Ctrl+C, while
     * {@code main} has not finished (it swallowed the cancellation, or its cleanup is slow),
     * throws {@link KeyboardInterrupt} at once; the tasks left, {@code main} included, are then
     * cancelled and awaited as usual, and a third Ctrl+C while they still run ends the JVM.
     *
     * @param main the program's main coroutine
     * @param <T> the result type
     * @return the result of {@code main}
     * @throws IllegalStateException if called while a loop is running on this thread
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, false);
    }

    /**
     * {@link #run(Coroutine)} with the loop in debug mode if {@code debug} is true.
     *
     * @param main the program's main coroutine
     * @param debug whether the loop runs in debug mode
     * @param <T> the result type
     * @return the result of {@code main}
     */
    public static <T> T run(Coroutine<T> main, boolean debug) {
        return run(main, () -> {
            EventLoop loop = newEventLoop();
            loop.setDebug(debug);
            return loop;
        });
    }

    /**
     * {@link #run(Coroutine)} on a loop that {@code loopFactory} makes, configured as the
     * program wants it (debug mode, eager tasks, an exception handler, a default executor);
     * asyncio's {@code run(main, loop_factory=...)} (Python 3.12). The loop is closed at the end.
     *
     * {@snippet :
     * Asyncio.run(() -> serve(), () -> {
     *     EventLoop loop = Asyncio.newEventLoop();
     *     loop.setEagerTasks(true);
     *     return loop;
     * });
     * }
     *
     * @param main the program's main coroutine
     * @param loopFactory makes the loop, once
     * @param <T> the result type
     * @return the result of {@code main}
     * @throws IllegalArgumentException if the factory returns null or a loop that is closed or running
     */
    public static <T> T run(Coroutine<T> main, Supplier<EventLoop> loopFactory) {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(loopFactory, "loopFactory");
        if (EventLoop.runningOrNull() != null) {
            throw new IllegalStateException("Asyncio.run() cannot be called from a running event loop;"
                    + " inside a task, call the coroutine directly or use createTask");
        }
        return new Runner(() -> {
            EventLoop loop = loopFactory.get();
            if (loop == null || loop.isClosed() || loop.isRunning()) {
                throw new IllegalArgumentException("Asyncio.run(): the loop factory must return a new event loop"
                        + " (Asyncio.newEventLoop()), not " + (loop == null ? "null" : loop));
            }
            return loop;
        }).runThenClose(main);
    }

    /**
     * {@link #run(Coroutine)} for a body without a result.
     *
     * @param main the program's main body
     */
    public static void run(AsyncRunnable main) {
        run(Objects.requireNonNull(main, "main").asCoroutine(), false);
    }

    /**
     * {@link #run(Coroutine, boolean)} for a body without a result.
     *
     * @param main the program's main body
     * @param debug whether the loop runs in debug mode
     */
    public static void run(AsyncRunnable main, boolean debug) {
        run(Objects.requireNonNull(main, "main").asCoroutine(), debug);
    }

    /**
     * {@link #run(Coroutine, Supplier)} for a body without a result.
     *
     * @param main the body to run as the main task
     * @param loopFactory makes the loop to run it on
     */
    public static void run(AsyncRunnable main, Supplier<EventLoop> loopFactory) {
        run(Objects.requireNonNull(main, "main").asCoroutine(), loopFactory);
    }

    /**
     * A new event loop, not running; close it when done (it is {@link AutoCloseable}).
     *
     * @return a new loop
     */
    public static EventLoop newEventLoop() {
        return new EventLoop();
    }

    /**
     * The loop running the current task or callback.
     *
     * @return the loop running on this thread
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = EventLoop.runningOrNull();
        if (loop == null) {
            throw new IllegalStateException("no running event loop: call this from a task or a loop callback"
                    + " (start one with Asyncio.run)");
        }
        return loop;
    }

    /**
     * The running loop if there is one; otherwise this thread's current loop, set by
     * {@link #setEventLoop} or created here on first use (a closed one is replaced). asyncio's
     * {@code get_event_loop()}, for code written in the older style the seeds use
     * ({@code loop = asyncio.get_event_loop(); loop.run_until_complete(...)}); new code should
     * prefer {@link #run} or {@link #newEventLoop}. A loop created here is the caller's to close.
     *
     * @return the running loop, or this thread's current one
     */
    public static EventLoop getEventLoop() {
        EventLoop running = EventLoop.runningOrNull();
        if (running != null) {
            return running;
        }
        EventLoop current = THREAD_LOOP.get();
        if (current == null || current.isClosed()) {
            current = newEventLoop();
            THREAD_LOOP.set(current);
        }
        return current;
    }

    /**
     * Makes {@code loop} this thread's current loop for {@link #getEventLoop()}; {@code null} clears it.
     *
     * @param loop the loop, or {@code null}
     */
    public static void setEventLoop(EventLoop loop) {
        if (loop == null) {
            THREAD_LOOP.remove();
        } else {
            THREAD_LOOP.set(loop);
        }
    }

    // ---------------------------------------------------------------- tasks

    /**
     * A coroutine becomes a task of the running loop; asyncio's {@code ensure_future(coro)}.
     * Prefer {@link #createTask}, as asyncio's documentation does.
     *
     * @param coroutine the task's body
     * @param <T> the result type
     * @return the new task
     */
    public static <T> Task<T> ensureFuture(Coroutine<T> coroutine) {
        return createTask(coroutine);
    }

    /**
     * A future is returned as it is; asyncio's {@code ensure_future(future)}.
     *
     * @param future a future or task
     * @param <T> the result type
     * @return {@code future} itself
     */
    public static <T> Future<T> ensureFuture(Future<T> future) {
        return Objects.requireNonNull(future, "future");
    }

    /**
     * Schedules {@code coroutine} as a task on the running loop.
     *
     * @param coroutine the task's body
     * @param <T> the result type
     * @return the new task
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return getRunningLoop().createTask(coroutine);
    }

    /**
     * {@link #createTask(Coroutine)} with a name.
     *
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param <T> the result type
     * @return the new task
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return getRunningLoop().createTask(coroutine, name);
    }

    /**
     * {@link #createTask(Coroutine)} for a body without a result.
     *
     * @param body the task's body
     * @return the new task
     */
    public static Task<Void> createTask(AsyncRunnable body) {
        return getRunningLoop().createTask(body);
    }

    /**
     * {@link #createTask(Coroutine, String)} for a body without a result.
     *
     * @param body the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @return the new task
     */
    public static Task<Void> createTask(AsyncRunnable body, String name) {
        return getRunningLoop().createTask(body, name);
    }

    /**
     * Schedules {@code coroutine} as a task of the running loop that runs in {@code context}
     * itself: asyncio's {@code create_task(coro, name=..., context=...)}. See
     * {@link EventLoop#createTask(Coroutine, String, Context)}.
     *
     * {@snippet :
     * Context context = Context.copyContext();
     * Asyncio.createTask(() -> { REQUEST_ID.set("child"); }, null, context).await();
     * System.out.println(context.get(REQUEST_ID)); // child
     * }
     *
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param context the context the task runs in, or {@code null} for a copy of the current one
     * @param <T> the result type
     * @return the new task
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
        return getRunningLoop().createTask(coroutine, name, context);
    }

    /**
     * {@link #createTask(Coroutine, String, Context)} for a body without a result.
     *
     * @param body the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param context the context the task runs in, or {@code null} for a copy of the current one
     * @return the new task
     */
    public static Task<Void> createTask(AsyncRunnable body, String name, Context context) {
        return getRunningLoop().createTask(body, name, context);
    }

    /**
     * The task running on the current thread, or {@code null} (e.g. in a plain callback).
     *
     * @return the current task, or {@code null}
     */
    public static Task<?> currentTask() {
        return Task.current();
    }

    /**
     * The running loop's tasks that are not done yet.
     *
     * @return the pending tasks, as a new set
     */
    public static Set<Task<?>> allTasks() {
        return getRunningLoop().allTasks();
    }

    /**
     * Who awaits {@code future}, up to the outermost awaiter, with each task's own frames;
     * asyncio's {@code capture_call_graph(future)} (Python 3.14). Call it on the future's loop (or while that loop is not running).
     *
     * {@snippet :
     * Task<Void> child = Asyncio.createTask(() -> Asyncio.sleep(1), "child");
     * Asyncio.sleep(0);                  // let the child start
     * FutureCallGraph graph = Asyncio.captureCallGraph(child);
     * graph.awaitedBy();                 // empty: nobody awaits the child yet
     * }
     *
     * @param future the future or task to start from
     * @return the graph of {@code future} and of everything that waits for it
     * @throws IllegalStateException if called from another thread while the future's loop runs
     */
    public static FutureCallGraph captureCallGraph(Future<?> future) {
        return FutureCallGraph.capture(future);
    }

    /** {@return the call graph of the current task, or {@code null} outside a task} Its stack starts at the caller. */
    public static FutureCallGraph captureCallGraph() {
        Task<?> task = Task.current();
        return task == null ? null : FutureCallGraph.capture(task);
    }

    /**
     * {@link #captureCallGraph(Future)} as text; asyncio's {@code format_call_graph} (see
     * {@link FutureCallGraph#format(int)}).
     *
     * @param future the future or task to start from
     * @return the graph with every frame, one line each
     * @throws IllegalStateException if called from another thread while the future's loop runs
     */
    public static String formatCallGraph(Future<?> future) {
        return captureCallGraph(future).format();
    }

    /** {@return the current task's call graph as text, or the empty string outside a task} */
    public static String formatCallGraph() {
        FutureCallGraph graph = captureCallGraph();
        return graph == null ? "" : graph.format();
    }

    /**
     * Prints {@link #formatCallGraph(Future)} to {@code out}; asyncio's
     * {@code print_call_graph(future, file=out)}.
     *
     * @param future the future or task to start from
     * @param out where to print the graph
     * @throws IllegalStateException if called from another thread while the future's loop runs
     */
    public static void printCallGraph(Future<?> future, PrintStream out) {
        Objects.requireNonNull(out, "out");
        out.println(captureCallGraph(future).format());
    }

    /**
     * Prints {@link #formatCallGraph(Future)} to standard output.
     *
     * @param future the future or task to start from
     * @throws IllegalStateException if called from another thread while the future's loop runs
     */
    public static void printCallGraph(Future<?> future) {
        printCallGraph(future, System.out);
    }

    /** Prints the current task's call graph to standard output; prints nothing outside a task. */
    public static void printCallGraph() {
        FutureCallGraph graph = captureCallGraph();
        if (graph != null) {
            System.out.println(graph.format());
        }
    }

    // ---------------------------------------------------------------- sleeping

    /**
     * Suspends the current task for {@code seconds}; {@code sleep(0)} (or a negative delay) yields
     * for exactly one loop iteration, letting every other ready task and callback run.
     * A cancellation of the task arrives here as {@link CancelledError}.
     *
     * @param seconds how long to sleep (0 or less: just yield to the loop)
     * @throws IllegalStateException if called outside a task
     */
    public static void sleep(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("sleep needs a number of seconds, not NaN");
        }
        Task<?> task = requireTask("sleep");
        if (seconds <= 0) {
            task.yieldOnce();
            return;
        }
        EventLoop loop = task.loop;
        Future<Void> wakeup = new Future<>(loop);
        // The task may be cancelled in the iteration the timer fires, ahead of it (asyncio's
        // _set_result_unless_cancelled): the timer must then leave the cancelled wake-up alone.
        TimerHandle timer = loop.callLater(seconds, () -> {
            if (!wakeup.isDone()) {
                wakeup.setResult(null);
            }
        });
        try {
            wakeup.suspend(task);
        } finally {
            timer.cancel();
        }
        if (wakeup.isCancelled()) {
            throw new CancelledError(wakeup.cancelMessage()); // cancel() cancelled the wakeup instead of flagging the task
        }
    }

    /**
     * {@link #sleep(double)} with a {@link Duration}.
     *
     * @param duration how long to sleep
     */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        sleep(duration.toNanos() / 1e9);
    }

    /**
     * Sleeps like {@link #sleep(double)}, then returns {@code value} (asyncio's {@code sleep(delay, result)}).
     *
     * @param seconds how long to sleep
     * @param value what to return
     * @param <T> the result type
     * @return {@code value}
     */
    public static <T> T sleep(double seconds, T value) {
        sleep(seconds);
        return value;
    }

    // ---------------------------------------------------------------- running tasks together

    /**
     * A future of all the results of {@code futures}, in their order: asyncio's
     * {@code gather(*aws)}. The first exception (or a child's cancellation, as a
     * {@link CancelledError}) finishes it at once, while the other children keep running.
     * Cancelling it cancels every child that is not done; it then ends, as asyncio's does, not
     * cancelled but with a {@link CancelledError} as its exception: the one a child ended with
     * (which may carry a message of its own), or one without a message if the children
     * swallowed the cancellation. Cancelling it after it finished does nothing. If every child
     * is already done (futures completed earlier, eager tasks that never suspended), it is done
     * when this returns; an empty list gives a future already done with an empty list. It can
     * be awaited, cancelled, or passed to {@link EventLoop#runUntilComplete}.
     *
     * {@snippet :
     * List<Integer> sums = Asyncio.gather(
     *         Asyncio.createTask(() -> add(1, 2)),
     *         Asyncio.createTask(() -> add(3, 4))).await();   // [3, 7]
     * }
     *
     * @param futures the futures or tasks, all of one loop
     * @param <T> the result type
     * @return a future of the results, in the order of {@code futures}
     * @throws IllegalArgumentException if the futures belong to different loops
     */
    public static <T> Future<List<T>> gather(List<? extends Future<? extends T>> futures) {
        return Gather.results(futures);
    }

    /**
     * {@link #gather(List)} of nothing: a future of the running loop already done with an empty
     * list (without this overload, {@code gather()} would be ambiguous between the varargs forms).
     *
     * @param <T> the result type
     * @return a done future of an empty list
     */
    public static <T> Future<List<T>> gather() {
        return Gather.results(List.of());
    }

    /**
     * {@link #gather(List)} of futures or tasks given as arguments.
     *
     * @param futures the futures or tasks, all of one loop
     * @param <T> the result type
     * @return a future of the results, in the order of the arguments
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
    public static <T> Future<List<T>> gather(Future<? extends T>... futures) {
        Objects.requireNonNull(futures, "futures");
        return Gather.results(Arrays.asList(futures));
    }

    /**
     * {@link #gather(List)} of coroutines, each scheduled as a task of the running loop in argument order.
     *
     * @param coroutines the bodies of the tasks
     * @param <T> the result type
     * @return a future of the results, in the order of the arguments
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
    public static <T> Future<List<T>> gather(Coroutine<? extends T>... coroutines) {
        return Gather.results(Gather.tasksOf(coroutines));
    }

    /**
     * Like {@link #gather(List)}, but waits for every child and reports how each ended instead of
     * failing: asyncio's {@code gather(*aws, return_exceptions=True)}, with a type-safe
     * {@link Outcome} per child. Cancelled, it still waits for every child, then ends with a
     * {@link CancelledError}: the last child's if that one was cancelled, else one without a
     * message (asyncio's rule).
     *
     * @param futures the futures or tasks, all of one loop
     * @param <T> the result type
     * @return a future of the outcomes, in the order of {@code futures}
     */
    public static <T> Future<List<Outcome<T>>> gatherOutcomes(List<? extends Future<? extends T>> futures) {
        return Gather.outcomes(futures);
    }

    /**
     * {@link #gatherOutcomes(List)} of nothing: a future already done with an empty list.
     *
     * @param <T> the result type
     * @return a done future of an empty list
     */
    public static <T> Future<List<Outcome<T>>> gatherOutcomes() {
        return Gather.outcomes(List.of());
    }

    /**
     * {@link #gatherOutcomes(List)} of futures or tasks given as arguments.
     *
     * @param futures the futures or tasks, all of one loop
     * @param <T> the result type
     * @return a future of the outcomes, in the order of the arguments
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
    public static <T> Future<List<Outcome<T>>> gatherOutcomes(Future<? extends T>... futures) {
        Objects.requireNonNull(futures, "futures");
        return Gather.outcomes(Arrays.asList(futures));
    }

    /**
     * {@link #gatherOutcomes(List)} of coroutines, each scheduled as a task of the running loop.
     *
     * @param coroutines the bodies of the tasks
     * @param <T> the result type
     * @return a future of the outcomes, in the order of the arguments
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
    public static <T> Future<List<Outcome<T>>> gatherOutcomes(Coroutine<? extends T>... coroutines) {
        return Gather.outcomes(Gather.tasksOf(coroutines));
    }

    /**
     * Parks the current task until every one of {@code futures} is done and returns them as done
     * (all) and pending (none): asyncio's {@code wait(fs)}. The futures are never cancelled.
     *
     * <p>Call it qualified, {@code Asyncio.wait(...)}: a static import of a method named
     * {@code wait} is shadowed by {@code Object.wait} inside any class.
     *
     * @param futures the futures or tasks, all of one loop
     * @param <F> the type of the futures
     * @return the futures done and those still pending
     * @throws IllegalArgumentException if {@code futures} is empty or mixes loops
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> futures) {
        return wait(futures, (Duration) null, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * {@link #wait(Collection)} that returns as soon as {@code returnWhen} holds.
     *
     * @param futures the futures or tasks, all of one loop
     * @param returnWhen when to return
     * @param <F> the type of the futures
     * @return the futures done and those still pending
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> futures, ReturnWhen returnWhen) {
        return wait(futures, (Duration) null, returnWhen);
    }

    /**
     * {@link #wait(Collection)} that returns after {@code timeout} at the latest ({@code null}: no limit); it never throws {@link TimeoutError}.
     *
     * @param futures the futures or tasks, all of one loop
     * @param timeout the time limit, or {@code null} for none
     * @param <F> the type of the futures
     * @return the futures done and those still pending
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> futures, Duration timeout) {
        return wait(futures, timeout, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * {@link #wait(Collection, Duration)} with the timeout in seconds.
     *
     * @param futures the futures or tasks, all of one loop
     * @param timeoutSeconds the time limit in seconds
     * @param <F> the type of the futures
     * @return the futures done and those still pending
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> futures, double timeoutSeconds) {
        return wait(futures, timeoutSeconds, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * Parks the current task until {@code returnWhen} holds for {@code futures} or {@code timeout}
     * passes ({@code null}: no limit), and returns which futures are done and which are pending:
     * asyncio's {@code wait(fs, timeout=..., return_when=...)}. Running out of time is not an
     * error: the pending set says what did not finish.
     *
     * @param futures the futures or tasks, all of one loop
     * @param timeout the time limit, or {@code null} for none
     * @param returnWhen when to return
     * @param <F> the type of the futures
     * @return the futures done and those still pending
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> futures, Duration timeout, ReturnWhen returnWhen) {
        return waitSeconds(futures, timeout == null ? null : seconds(timeout), returnWhen);
    }

    /**
     * {@link #wait(Collection, Duration, ReturnWhen)} with the timeout in seconds.
     *
     * @param futures the futures or tasks, all of one loop
     * @param timeoutSeconds the time limit in seconds
     * @param returnWhen when to return
     * @param <F> the type of the futures
     * @return the futures done and those still pending
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> futures, double timeoutSeconds, ReturnWhen returnWhen) {
        return waitSeconds(futures, checkSeconds(timeoutSeconds), returnWhen);
    }

    /**
     * Awaits {@code future} for at most {@code timeout} ({@code null}: forever): asyncio's
     * {@code wait_for}. When time runs out, the future is cancelled, the call waits until it has
     * finished (a task may clean up first), then throws {@link TimeoutError}. Cancelling the
     * waiting task cancels the future too.
     *
     * {@snippet :
     * try {
     *     String page = Asyncio.waitFor(fetchTask, Duration.ofSeconds(1));
     * } catch (TimeoutError e) {
     *     System.out.println("too slow");   // fetchTask is cancelled and finished by now
     * }
     * }
     *
     * @param future the future or task to wait for
     * @param timeout the time limit, or {@code null} for none
     * @param <T> the result type
     * @return the result of the future, if it finished in time
     * @throws Exception the future's own exception, rethrown unchanged
     */
    public static <T> T waitFor(Future<T> future, Duration timeout) throws Exception {
        return Waiting.waitFor(future, timeout == null ? null : seconds(timeout));
    }

    /**
     * {@link #waitFor(Future, Duration)} with the timeout in seconds.
     *
     * @param future the future or task to wait for
     * @param timeoutSeconds the time limit in seconds
     * @param <T> the result type
     * @return the result of the future, if it finished in time
     * @throws Exception the future's own exception, rethrown unchanged
     */
    public static <T> T waitFor(Future<T> future, double timeoutSeconds) throws Exception {
        return Waiting.waitFor(future, checkSeconds(timeoutSeconds));
    }

    /**
     * Runs {@code coroutine} with at most {@code timeout} to finish ({@code null}: forever), as
     * asyncio's {@code wait_for(coro, timeout)} does since Python 3.12: with a positive or null
     * timeout it runs inside the calling task, under {@link #timeout(Duration, Coroutine)}, so
     * {@link #currentTask()} is the caller's, context changes stay visible to the caller, and no
     * task or loop iteration comes in between. When time runs out, the calling task is cancelled
     * inside the coroutine, which may clean up, and this throws {@link TimeoutError}. With a
     * timeout of zero or less, the coroutine becomes a task that is cancelled before its first
     * step (it never runs) unless it is already done, which only an eager task that never
     * suspended can be (see {@link EventLoop#setEagerTasks}).
     *
     * @param coroutine the body of the task to wait for
     * @param timeout the time limit, or {@code null} for none
     * @param <T> the result type
     * @return the coroutine's result, if it finished in time
     * @throws Exception the coroutine's own exception, rethrown unchanged
     * @throws IllegalStateException outside a task
     */
    public static <T> T waitFor(Coroutine<T> coroutine, Duration timeout) throws Exception {
        return Waiting.waitFor(coroutine, timeout == null ? null : seconds(timeout));
    }

    /**
     * {@link #waitFor(Coroutine, Duration)} with the timeout in seconds.
     *
     * @param coroutine the body of the task to wait for
     * @param timeoutSeconds the time limit in seconds
     * @param <T> the result type
     * @return the coroutine's result, if it finished in time
     * @throws Exception the coroutine's own exception, rethrown unchanged
     */
    public static <T> T waitFor(Coroutine<T> coroutine, double timeoutSeconds) throws Exception {
        return Waiting.waitFor(coroutine, checkSeconds(timeoutSeconds));
    }

    /**
     * Runs {@code body} in the current task with a deadline {@code delay} from now ({@code null}:
     * none yet); if the deadline passes, the task is cancelled and this throws
     * {@link TimeoutError}: asyncio's {@code async with asyncio.timeout(delay)}. The body receives
     * the {@link Timeout}, to move the deadline or ask whether it expired.
     *
     * {@snippet :
     * String reply = Asyncio.timeout(Duration.ofSeconds(2), t -> {
     *     send(request);
     *     return receive();
     * });
     * }
     *
     * @param delay how long the body may take, or {@code null} for no limit
     * @param body the block, given the {@link Timeout}
     * @param <T> the result type
     * @return the body's result
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     * @throws IllegalStateException outside a task
     */
    public static <T> T timeout(Duration delay, Timeout.Body<T> body) throws Exception {
        return timeoutAt(delay == null ? null : getRunningLoop().time() + seconds(delay), body);
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} for a body that does not need the {@link Timeout}.
     *
     * @param delay how long the body may take, or {@code null} for no limit
     * @param body the block
     * @param <T> the result type
     * @return the body's result
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static <T> T timeout(Duration delay, Coroutine<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        return timeout(delay, t -> body.call());
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} for a body without a result.
     *
     * @param delay how long the body may take, or {@code null} for no limit
     * @param body the block
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static void timeout(Duration delay, AsyncRunnable body) throws Exception {
        Objects.requireNonNull(body, "body");
        timeout(delay, body.asCoroutine());
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} with the delay in seconds.
     *
     * @param delaySeconds how long the body may take, in seconds
     * @param body the block, given the {@link Timeout}
     * @param <T> the result type
     * @return the body's result
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static <T> T timeout(double delaySeconds, Timeout.Body<T> body) throws Exception {
        return timeoutAt(getRunningLoop().time() + checkSeconds(delaySeconds), body);
    }

    /**
     * {@link #timeout(Duration, Coroutine)} with the delay in seconds.
     *
     * @param delaySeconds how long the body may take, in seconds
     * @param body the block
     * @param <T> the result type
     * @return the body's result
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static <T> T timeout(double delaySeconds, Coroutine<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        return timeout(delaySeconds, t -> body.call());
    }

    /**
     * {@link #timeout(Duration, AsyncRunnable)} with the delay in seconds.
     *
     * @param delaySeconds how long the body may take, in seconds
     * @param body the block
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static void timeout(double delaySeconds, AsyncRunnable body) throws Exception {
        Objects.requireNonNull(body, "body");
        timeout(delaySeconds, body.asCoroutine());
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} with the deadline as a loop time
     * ({@link EventLoop#time()}), or {@code null} for none: asyncio's {@code timeout_at(when)}.
     *
     * @param when the deadline in loop time, or {@code null} for none
     * @param body the block, given the {@link Timeout}
     * @param <T> the result type
     * @return the body's result
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static <T> T timeoutAt(Double when, Timeout.Body<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        return new Timeout(getRunningLoop(), when).run(body);
    }

    /**
     * {@link #timeoutAt(Double, Timeout.Body)} for a body that does not need the {@link Timeout}.
     *
     * @param when the deadline in loop time, or {@code null} for none
     * @param body the block
     * @param <T> the result type
     * @return the body's result
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static <T> T timeoutAt(Double when, Coroutine<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        return timeoutAt(when, t -> body.call());
    }

    /**
     * {@link #timeoutAt(Double, Timeout.Body)} for a body without a result.
     *
     * @param when the deadline in loop time, or {@code null} for none
     * @param body the block
     * @throws Exception whatever the body throws (a {@link TimeoutError} if the deadline passed)
     */
    public static void timeoutAt(Double when, AsyncRunnable body) throws Exception {
        Objects.requireNonNull(body, "body");
        timeoutAt(when, body.asCoroutine());
    }

    /**
     * The futures, each returned as soon as it is done: asyncio's {@code as_completed}. Iterate it
     * in a task; each step parks until the next future is done and returns it (done, so
     * {@code result()} answers at once). It can be iterated once.
     *
     * {@snippet :
     * for (Task<String> done : Asyncio.asCompleted(tasks)) {
     *     System.out.println(done.result());   // fastest first
     * }
     * }
     *
     * @param futures the futures or tasks, all of one loop
     * @param <F> the type of the futures
     * @return the futures in the order they finish (a one-use iterable; iterate it in a task)
     */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<F> futures) {
        return new AsCompleted<>(futures, null);
    }

    /**
     * {@link #asCompleted(Collection)} with a time limit for the whole iteration ({@code null}:
     * none): once it passes, each remaining step throws {@link TimeoutError}. The futures are not
     * cancelled.
     *
     * @param futures the futures or tasks, all of one loop
     * @param timeout the time limit, or {@code null} for none
     * @param <F> the type of the futures
     * @return the futures in the order they finish (a one-use iterable; iterate it in a task)
     */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<F> futures, Duration timeout) {
        return new AsCompleted<>(futures, timeout == null ? null : seconds(timeout));
    }

    /**
     * {@link #asCompleted(Collection, Duration)} with the timeout in seconds.
     *
     * @param futures the futures or tasks, all of one loop
     * @param timeoutSeconds the time limit in seconds
     * @param <F> the type of the futures
     * @return the futures in the order they finish (a one-use iterable; iterate it in a task)
     */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<F> futures, double timeoutSeconds) {
        return new AsCompleted<>(futures, checkSeconds(timeoutSeconds));
    }

    /**
     * A future that follows {@code inner} but whose cancellation leaves {@code inner} running:
     * asyncio's {@code shield}. If {@code inner} is already done, it is returned itself.
     *
     * {@snippet :
     * Task<Void> save = Asyncio.createTask(() -> store(record));
     * Asyncio.shield(save).await();   // cancelling this task does not cancel the save
     * }
     *
     * @param inner the future or task to protect
     * @param <T> the result type
     * @return a future that follows {@code inner}; cancelling it leaves {@code inner} running
     */
    public static <T> Future<T> shield(Future<T> inner) {
        return Waiting.shield(inner);
    }

    /**
     * {@link #shield(Future)} of a coroutine, scheduled as a task of the running loop.
     *
     * @param coroutine the body of the task to protect
     * @param <T> the result type
     * @return a future that follows the task; cancelling it leaves the task running
     */
    public static <T> Future<T> shield(Coroutine<T> coroutine) {
        return Waiting.shield(createTask(coroutine));
    }

    // ---------------------------------------------------------------- threads and other worlds

    /**
     * Runs {@code function} on the running loop's default executor (platform threads) and returns
     * a future of its result: asyncio's {@code asyncio.to_thread}. The function runs in a copy of
     * the caller's {@link Context}, so it sees the caller's {@link ContextVar} values and what it
     * sets stays on its side ({@link EventLoop#runInExecutor} passes no context, as in asyncio).
     *
     * @param function the blocking work to run
     * @param <T> the result type
     * @return a future of the function's result
     */
    public static <T> Future<T> toThread(Callable<T> function) {
        Objects.requireNonNull(function, "function");
        Context context = Context.copyContext();
        return getRunningLoop().runInExecutor(null, () -> context.run(function));
    }

    /**
     * {@link #toThread(Callable)} for work without a result; the future's result is {@code null}.
     *
     * @param work the blocking work to run
     * @return a future completed once the work is done
     */
    public static Future<Void> toThread(Runnable work) {
        Objects.requireNonNull(work, "work");
        Context context = Context.copyContext();
        return getRunningLoop().runInExecutor(null, () -> context.run(work));
    }

    /**
     * Submits {@code coroutine} to {@code loop} from any other thread and returns a
     * {@code CompletableFuture} of its result: asyncio's {@code run_coroutine_threadsafe}.
     * Cancelling the returned future cancels the task.
     *
     * @param coroutine the body of the task to run
     * @param loop the loop to run it on
     * @param <T> the result type
     * @return a future of the coroutine's result, usable from any thread
     * @throws IllegalStateException if the loop is closed
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine, EventLoop loop) {
        Objects.requireNonNull(coroutine, "coroutine");
        Objects.requireNonNull(loop, "loop");
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            if (result.isDone()) {
                return; // cancelled before it started
            }
            Task<T> task;
            try {
                task = loop.createTask(coroutine);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
            task.addDoneCallback(t -> {
                if (t.isCancelled()) {
                    result.cancel(false);
                } else if (t.exception() != null) {
                    result.completeExceptionally(t.exception());
                } else {
                    result.complete(t.result());
                }
            });
            result.whenComplete((value, error) -> {
                if (result.isCancelled()) {
                    loop.callSoonThreadsafeQuietly(task::cancel);
                }
            });
        });
        return result;
    }

    /**
     * A loop future that completes with {@code stage}'s outcome: asyncio's {@code wrap_future}.
     * Cancelling the loop future cancels the stage (if it is a {@code CompletableFuture}).
     *
     * @param stage the stage to follow
     * @param <T> the result type
     * @return a future of the running loop that completes with the stage's outcome
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        EventLoop loop = getRunningLoop();
        Future<T> future = loop.createFuture();
        CompletableFuture<T> source = stage.toCompletableFuture();
        loop.core().holdClock(); // a virtual clock does not move past a stage another thread completes
        source.whenComplete((value, error) -> loop.callSoonThreadsafeQuietly(() -> {
            loop.core().releaseClock();
            if (future.isDone()) {
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CancellationException) {
                future.cancel();
            } else if (cause != null) {
                future.setException(cause);
            } else {
                future.setResult(value);
            }
        }));
        future.addDoneCallback(f -> {
            if (f.isCancelled()) {
                source.cancel(false);
            }
        });
        return future;
    }

    // ---------------------------------------------------------------- internals

    private static <F extends Future<?>> DoneAndPending<F> waitSeconds(Collection<F> futures, Double timeoutSeconds,
            ReturnWhen returnWhen) {
        try {
            return Waiting.wait(futures, timeoutSeconds, returnWhen);
        } catch (Exception e) {
            throw sneakyThrow(e);
        }
    }

    /** A duration in seconds, without the overflow of {@code toNanos()} for huge durations. */
    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private static Double checkSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("the timeout must be a number of seconds, not NaN");
        }
        return seconds;
    }

    private static Task<?> requireTask(String operation) {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException(operation + "() must be called from inside a task (Asyncio.run, createTask);"
                    + " in a callback schedule with callLater instead");
        }
        return task;
    }

    /** Throws {@code error} unchanged, even a checked exception, without declaring it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable error) throws E {
        throw (E) error;
    }
}
