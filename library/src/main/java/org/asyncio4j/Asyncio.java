package org.asyncio4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.asyncio4j.internal.signals.Sigint;

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
    private Asyncio() {
    }

    // ---------------------------------------------------------------- running a program

    /**
     * Runs {@code main} as a task on a new event loop and returns its result: asyncio's
     * {@code asyncio.run}. When {@code main} finishes, the tasks it left are cancelled and awaited,
     * the default executor is shut down and the loop is closed. Its exception is rethrown
     * unchanged (even a checked one).
     *
     * <p>On the JVM's main thread, Ctrl+C cancels {@code main}; once it has finished cancelled,
     * {@link KeyboardInterrupt} is thrown (Python 3.11 behaviour).
     *
     * @throws IllegalStateException if called while a loop is running on this thread
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, false);
    }

    /** {@link #run(Coroutine)} with the loop in debug mode if {@code debug} is true. */
    public static <T> T run(Coroutine<T> main, boolean debug) {
        Objects.requireNonNull(main, "main");
        if (EventLoop.runningOrNull() != null) {
            throw new IllegalStateException("Asyncio.run() cannot be called from a running event loop;"
                    + " inside a task, call the coroutine directly or use createTask");
        }
        EventLoop loop = newEventLoop();
        try {
            loop.setDebug(debug);
            Task<T> task = loop.createTask(main);
            try (Sigint sigint = Sigint.installOnMainThread(() -> loop.callSoonThreadsafeQuietly(task::cancel))) {
                try {
                    return loop.runUntilComplete(task);
                } catch (CancelledError e) {
                    if (sigint != null && sigint.received() > 0 && task.uncancel() == 0) {
                        throw new KeyboardInterrupt();
                    }
                    throw e;
                }
            } finally {
                finish(loop);
            }
        } finally {
            loop.close();
        }
    }

    /** {@link #run(Coroutine)} for a body without a result. */
    public static void run(AsyncRunnable main) {
        run(Objects.requireNonNull(main, "main").asCoroutine(), false);
    }

    public static void run(AsyncRunnable main, boolean debug) {
        run(Objects.requireNonNull(main, "main").asCoroutine(), debug);
    }

    private static void finish(EventLoop loop) {
        List<Task<?>> leftovers = List.copyOf(loop.allTasks());
        if (!leftovers.isEmpty()) {
            loop.cancelAndFinish(leftovers);
        }
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
    }

    /** A new event loop, not running; close it when done (it is {@link AutoCloseable}). */
    public static EventLoop newEventLoop() {
        return new EventLoop();
    }

    /**
     * The loop running the current task or callback.
     *
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

    // ---------------------------------------------------------------- tasks

    /** Schedules {@code coroutine} as a task on the running loop. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return getRunningLoop().createTask(coroutine);
    }

    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return getRunningLoop().createTask(coroutine, name);
    }

    public static Task<Void> createTask(AsyncRunnable body) {
        return getRunningLoop().createTask(body);
    }

    public static Task<Void> createTask(AsyncRunnable body, String name) {
        return getRunningLoop().createTask(body, name);
    }

    /** The task running on the current thread, or {@code null} (e.g. in a plain callback). */
    public static Task<?> currentTask() {
        return Task.current();
    }

    /** The running loop's tasks that are not done yet. */
    public static Set<Task<?>> allTasks() {
        return getRunningLoop().allTasks();
    }

    // ---------------------------------------------------------------- sleeping

    /**
     * Suspends the current task for {@code seconds}; {@code sleep(0)} (or a negative delay) yields
     * for exactly one loop iteration, letting every other ready task and callback run.
     * A cancellation of the task arrives here as {@link CancelledError}.
     *
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
        TimerHandle timer = loop.callLater(seconds, () -> wakeup.setResult(null));
        try {
            wakeup.suspend(task);
        } finally {
            timer.cancel();
        }
        if (wakeup.isCancelled()) {
            throw new CancelledError(wakeup.cancelMessage());
        }
    }

    /** {@link #sleep(double)} with a {@link Duration}. */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        sleep(duration.toNanos() / 1e9);
    }

    /** Sleeps like {@link #sleep(double)}, then returns {@code value} (asyncio's {@code sleep(delay, result)}). */
    public static <T> T sleep(double seconds, T value) {
        sleep(seconds);
        return value;
    }

    // ---------------------------------------------------------------- threads and other worlds

    /**
     * Runs {@code function} on the running loop's default executor (platform threads) and returns
     * a future of its result: asyncio's {@code asyncio.to_thread}.
     */
    public static <T> Future<T> toThread(Callable<T> function) {
        return getRunningLoop().runInExecutor(null, function);
    }

    /**
     * Submits {@code coroutine} to {@code loop} from any other thread and returns a
     * {@code CompletableFuture} of its result: asyncio's {@code run_coroutine_threadsafe}.
     * Cancelling the returned future cancels the task.
     *
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
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        EventLoop loop = getRunningLoop();
        Future<T> future = loop.createFuture();
        CompletableFuture<T> source = stage.toCompletableFuture();
        source.whenComplete((value, error) -> loop.callSoonThreadsafeQuietly(() -> {
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
