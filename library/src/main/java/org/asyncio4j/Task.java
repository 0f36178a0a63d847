// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.asyncio4j.internal.loop.LoopCore;
import org.asyncio4j.internal.loop.LoopEvents;

/**
 * A coroutine running concurrently with others on an event loop; a {@link Future} of its result.
 * asyncio's {@code asyncio.Task}.
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Task<String> task = Asyncio.createTask(() -> {
 *         Asyncio.sleep(0.5);
 *         return "done";
 *     }, "worker");
 *     System.out.println(task.getName() + " -> " + task.await()); // worker -> done
 * });
 * }
 *
 * <h2>How it runs</h2>
 * Each task is a virtual thread whose scheduler is its loop: the task runs only on the loop
 * thread, one task or callback at a time, and suspends wherever it waits — in
 * {@link Future#await()}, {@link Asyncio#sleep}, or a blocking JDK call such as
 * {@code Thread.sleep} or socket I/O. Thread dumps, JFR and debuggers show one thread per task,
 * named after the task.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel(String)} asks the task to stop. If it is awaiting a future, that future is
 * cancelled and the task sees {@link CancelledError} from {@code await()}; if it is blocked in a
 * JDK call, its thread is interrupted and the resulting {@code InterruptedException} ends it as
 * cancelled; otherwise the error is thrown at its next suspension. A task that catches the error
 * and returns normally is not cancelled; {@link #cancelling()} and {@link #uncancel()} count the
 * pending requests, as in Python 3.11+.
 *
 * @param <T> the result type
 */
public final class Task<T> extends Future<T> {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Coroutine<T> coroutine;
    private String name;
    private Thread thread;
    /** The future the task is parked on in {@code await}, or null. */
    private Future<?> waitingOn;
    /** True while the task is suspended by the library (await or yield), false while running or in a JDK call. */
    private boolean suspended;
    private boolean started;
    private boolean mustCancel;
    private String cancelRequestMessage;
    private int cancelRequests;
    Runnable continuation;
    /** The context the task runs in: a copy of its creator's; {@link Context#run} swaps it. */
    Context context;
    /** Runs an async generator's body: not listed by allTasks(), finalised by shutdownAsyncGenerators(). */
    boolean generatorBody;

    Task(EventLoop loop, Coroutine<T> coroutine, String name) {
        super(loop);
        this.coroutine = Objects.requireNonNull(coroutine, "coroutine");
        this.name = name != null ? name : "Task-" + COUNTER.incrementAndGet();
        this.context = new Context(Context.currentVars());
    }

    /** Links of the loop's {@link TaskList} of unfinished tasks. */
    Task<?> previousTask;
    Task<?> nextTask;

    /**
     * The task running on the current thread, or null if the current thread is not a task. A
     * task's thread carries its {@link TaskThread} as its uncaught-exception handler, so finding
     * it is two field reads, with no thread-local map per task.
     */
    static Task<?> current() {
        Thread thread = Thread.currentThread();
        return thread.isVirtual() && thread.getUncaughtExceptionHandler() instanceof TaskThread body ? body.task : null;
    }

    private Thread newThread(Thread.Builder.OfVirtual builder) {
        LoopEvents.TaskCreated created = new LoopEvents.TaskCreated();
        if (created.isEnabled()) {
            created.task = name;
            created.loop = loop.label();
            created.commit();
        }
        TaskThread body = new TaskThread(this);
        return builder.name(name).uncaughtExceptionHandler(body).unstarted(body);
    }

    void start(Thread.Builder.OfVirtual builder) {
        thread = newThread(builder);
        continuation = loop.core().start(thread);
    }

    /** Starts the task so that its first step runs right after the current callback or task step. */
    void startNext(Thread.Builder.OfVirtual builder) {
        thread = newThread(builder);
        continuation = loop.core().start(thread, false);
        loop.core().runNext(continuation);
    }

    /**
     * Runs the task's first step now, before the caller continues (asyncio's eager start). The
     * caller is on the loop thread: a plain callback runs the step directly; a task cannot (a
     * virtual thread cannot carry another), so it hands the loop over: this task's step, then
     * the creator, run before anything else that is ready.
     */
    void startEagerly(Thread.Builder.OfVirtual builder) {
        thread = newThread(builder);
        continuation = loop.core().start(thread, false);
        Task<?> creator = Task.current();
        if (creator == null) {
            continuation.run();
        } else {
            creator.handOffTo(continuation);
        }
    }

    /** Lets {@code target} run one step now; this task resumes right after it, before anything else. */
    private void handOffTo(Runnable target) {
        LoopCore core = loop.core();
        suspended = true; // a cancel() meanwhile must not interrupt us: it takes effect at the next suspension
        try {
            core.handOff(target);
            Thread.yield();
        } finally {
            suspended = false;
        }
        Runnable missed = core.cancelHandOff();
        if (missed != null) {
            core.runNext(missed); // could not yield (pinned by a native frame): run it right after this step
        }
    }

    public String getName() {
        return name;
    }

    /** The coroutine this task runs; asyncio's {@code get_coro()}. */
    public Coroutine<T> getCoro() {
        return coroutine;
    }

    /** Renames the task (and its thread, as thread dumps show it). */
    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
        if (thread != null) {
            thread.setName(name);
        }
    }

    /**
     * Requests cancellation; see the class documentation.
     *
     * @return false if the task is already done, true otherwise (even if it later swallows the request)
     */
    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        cancelRequests++;
        Future<?> waited = waitingOn;
        if (waited != null && waited.cancel(message)) {
            return true;
        }
        mustCancel = true;
        cancelRequestMessage = message;
        if (started && !suspended && waited == null && Thread.currentThread() != thread) {
            thread.interrupt(); // blocked in a JDK call: interruption is how it learns
        }
        return true;
    }

    /** How many cancellation requests are pending: cancel() calls minus uncancel() calls. */
    public int cancelling() {
        return cancelRequests;
    }

    /**
     * Withdraws one cancellation request, for code that handled a cancellation it caused itself
     * (timeouts, task groups).
     *
     * @return the number of requests still pending
     */
    public int uncancel() {
        if (cancelRequests > 0) {
            cancelRequests--;
            if (cancelRequests == 0) {
                mustCancel = false;
            }
        }
        return cancelRequests;
    }

    /** A task's result is its coroutine's return value: it cannot be set from outside. */
    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("Task does not support setResult(): its result is what its coroutine returns");
    }

    /** A task's exception is what its coroutine throws: it cannot be set from outside. */
    @Override
    public void setException(Throwable error) {
        throw new UnsupportedOperationException("Task does not support setException(): its exception is what its coroutine throws");
    }

    /** The frames of the task's thread, innermost first: where it is suspended or running. Empty once done. */
    public List<StackTraceElement> getStack() {
        Thread t = thread;
        return t == null || isDone() ? List.of() : List.of(t.getStackTrace());
    }

    /** Prints the task and its stack, like a thread dump entry. */
    public void printStack(PrintStream out) {
        out.println("Stack for " + this + " (most recent call first):");
        for (StackTraceElement frame : getStack()) {
            out.println("\tat " + frame);
        }
    }

    public void printStack() {
        printStack(System.err);
    }

    /** The virtual thread the task runs on (for diagnostics). */
    public Thread getThread() {
        return thread;
    }

    @Override
    public String toString() {
        return "<Task" + describeState() + " name='" + name + "'>";
    }

    void wake() {
        LockSupport.unpark(thread);
    }

    void beginWait(Future<?> future) {
        checkInterrupt();
        waitingOn = future;
        suspended = true;
        if (mustCancel && future.cancel(cancelRequestMessage)) {
            mustCancel = false;
        }
    }

    void endWait() {
        waitingOn = null;
        suspended = false;
        throwIfCancelRequested();
    }

    /** An interrupt that did not come from cancel() is taken as a cancellation request. */
    void checkInterrupt() {
        if (Thread.interrupted() && !mustCancel) {
            cancel(null);
        }
    }

    /** Suspends for exactly one loop iteration (asyncio's bare {@code yield}, {@code sleep(0)}). */
    void yieldOnce() {
        checkInterrupt();
        suspended = true;
        try {
            Thread.yield();
        } finally {
            suspended = false;
        }
        checkInterrupt();
        throwIfCancelRequested();
    }

    private void throwIfCancelRequested() {
        if (mustCancel) {
            mustCancel = false;
            throw new CancelledError(cancelRequestMessage);
        }
    }

    private void body() {
        started = true;
        LoopEvents.TaskRun run = new LoopEvents.TaskRun();
        if (run.isEnabled()) {
            run.begin();
        }
        T value = null;
        Throwable failure = null;
        try {
            throwIfCancelRequested(); // cancelled before its first step
            value = coroutine.call();
        } catch (Throwable t) {
            failure = t;
        }
        Thread.interrupted();
        if (failure == null) {
            if (mustCancel) {
                finishCancelled(cancelRequestMessage);
            } else {
                finishWithResult(value);
            }
        } else if (failure instanceof CancelledError cancelled) {
            finishCancelled(cancelled.getMessage());
        } else if (cancelRequests > 0 && isInterruption(failure)) {
            finishCancelled(cancelRequestMessage);
        } else {
            finishWithException(failure);
        }
        if (run.isEnabled()) {
            run.end();
            run.task = name;
            run.loop = loop.label();
            boolean failed = !isCancelled() && failure != null;
            run.outcome = isCancelled() ? "cancelled" : failed ? "exception" : "result";
            run.exception = failed ? failure.getClass().getName() : null;
            run.commit();
        }
        loop.taskDone(this);
    }

    /**
     * Whether {@code error} is how a cancellation surfaces: a {@link CancelledError}, or the
     * interruption a cancel() causes in a task blocked in a JDK call.
     */
    static boolean isCancellation(Throwable error) {
        return error instanceof CancelledError || isInterruption(error);
    }

    private static boolean isInterruption(Throwable failure) {
        return failure instanceof InterruptedException || failure instanceof ClosedByInterruptException
                || failure instanceof InterruptedIOException;
    }

    /** What a task's virtual thread runs, and its uncaught-exception handler: the thread's link to its task. */
    private static final class TaskThread implements Runnable, Thread.UncaughtExceptionHandler {
        final Task<?> task;

        TaskThread(Task<?> task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.body();
        }

        /** Only an error while finishing the task can get here: report it rather than print it. */
        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            Map<String, Object> context = ExceptionHandler.context("Unexpected error while finishing " + task, error);
            context.put("task", task);
            task.loop.callExceptionHandler(context);
        }
    }
}
