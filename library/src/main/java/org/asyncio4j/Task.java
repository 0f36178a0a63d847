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
import org.asyncio4j.internal.carrier.Carrier;
import org.asyncio4j.internal.carrier.Carrier.CarriedThread;
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
 * named after the task. In portable mode (a JVM without the flag, see the README) a task is an
 * ordinary virtual thread that the loop hands the turn to, and a blocking JDK call does not
 * suspend it: it holds the loop until it returns, as a blocking call does in asyncio.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel(String)} asks the task to stop. If it is awaiting a future, that future is
 * cancelled and the task sees {@link CancelledError} from {@code await()}; if it is blocked in a
 * JDK call (which only carrier mode lets other code run beside), its thread is interrupted and the resulting {@code InterruptedException} ends it as
 * cancelled; otherwise the error is thrown at its next suspension. A task that catches the error
 * and returns normally is not cancelled; {@link #cancelling()} and {@link #uncancel()} count the
 * pending requests, as in Python 3.11+.
 *
 * <h2>States</h2>
 * A task is a {@link Future} whose completion its coroutine decides. Before it is done it goes
 * through the states below (as kotlinx's {@code Job} documents its own); once done, it is in one
 * of the future's three final states.
 * <table class="striped">
 * <caption>States of a task</caption>
 * <thead><tr><th>State</th><th>{@link #isDone()}</th><th>{@link #cancelling()}</th>
 *     <th>what happens</th><th>next</th></tr></thead>
 * <tbody>
 * <tr><td>scheduled</td><td>false</td><td>0</td>
 *     <td>created; its first step waits in the ready queue (an eager task skips this)</td>
 *     <td>running</td></tr>
 * <tr><td>running</td><td>false</td><td>0</td>
 *     <td>the coroutine runs on the loop thread, or blocks in a JDK call</td>
 *     <td>suspended, done</td></tr>
 * <tr><td>suspended</td><td>false</td><td>0</td>
 *     <td>parked in {@code await} or a sleep; resumed by the loop when what it waits for is done</td>
 *     <td>running</td></tr>
 * <tr><td>cancel requested</td><td>false</td><td>&ge; 1</td>
 *     <td>{@link #cancel(String)} was called: the awaited future is cancelled, or the thread
 *     interrupted, and {@link CancelledError} is thrown at the current or next suspension;
 *     {@link #uncancel()} lowers the count</td>
 *     <td>running (handling it), done</td></tr>
 * <tr><td>done</td><td>true</td><td>any</td>
 *     <td>the coroutine returned (a result), threw (an exception) or let {@link CancelledError}
 *     escape (cancelled)</td>
 *     <td>&mdash;</td></tr>
 * </tbody>
 * </table>
 * A task that catches the {@link CancelledError} and returns finishes with its result, not
 * cancelled. Cancelling a scheduled task that never ran makes it cancelled without running it.
 *
 * @param <T> the result type
 */
public final class Task<T> extends Future<T> {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Coroutine<T> coroutine;
    private String name;
    private Thread thread;
    /** How the loop carries {@link #thread}: every start, park, unpark and hand-over goes through it. */
    private CarriedThread carried;
    /** The future the task is parked on in {@code await}, or null. */
    private Future<?> waitingOn;
    /** True while the task is suspended by the library (await or yield), false while running or in a JDK call. */
    private boolean suspended;
    private boolean started;
    private boolean mustCancel;
    private String cancelRequestMessage;
    private int cancelRequests;
    Runnable continuation;
    /** The context the task runs in; {@link Context#run} swaps it for the call. */
    Context context;
    /** The context the task was created with (what {@link #getContext()} returns). */
    private final Context ownContext;
    /** Runs an async generator's body: not listed by allTasks(), finalised by shutdownAsyncGenerators(). */
    boolean generatorBody;

    /** A task running in {@code context}, or in a copy of its creator's context if that is null. */
    Task(EventLoop loop, Coroutine<T> coroutine, String name, Context context) {
        super(loop);
        this.coroutine = Objects.requireNonNull(coroutine, "coroutine");
        this.name = name != null ? name : "Task-" + COUNTER.incrementAndGet();
        this.ownContext = context != null ? context : new Context(Context.currentVars());
        this.context = ownContext;
    }

    /**
     * Makes a task of {@code loop} directly, without the loop's {@link TaskFactory}: asyncio's
     * {@code Task(coro, loop=loop, name=..., context=..., eager_start=...)}. Task factories call it;
     * programs call {@link EventLoop#createTask} or {@link Asyncio#createTask}, which go through the
     * factory.
     *
     * {@snippet :
     * loop.setTaskFactory((l, coroutine, name, context) ->
     *         Task.create(l, coroutine, name != null ? name : "worker", context, false));
     * }
     *
     * @param loop the loop the task runs on
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param context the context the task runs in, or {@code null} for a copy of the current one
     * @param eagerStart whether to run the first step now, if the loop is running (see
     *        {@link EventLoop#createTask(Coroutine, String, boolean)})
     * @param <T> the result type
     * @return the new task
     * @throws IllegalStateException if the loop is closed
     */
    public static <T> Task<T> create(EventLoop loop, Coroutine<T> coroutine, String name, Context context,
                                     boolean eagerStart) {
        return Objects.requireNonNull(loop, "Task.create(): loop is null").newTask(coroutine, name, context, eagerStart);
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

    /** Creates the task's thread on {@code carrier}; its first step is returned by {@code carried.start}. */
    private CarriedThread carry(Carrier carrier) {
        LoopEvents.TaskCreated created = new LoopEvents.TaskCreated();
        if (created.isEnabled()) {
            created.task = name;
            created.loop = loop.label();
            created.commit();
        }
        TaskThread body = new TaskThread(this);
        carried = carrier.newThread(name, body, body);
        thread = carried.thread();
        return carried;
    }

    void start(Carrier carrier) {
        continuation = carry(carrier).start(true);
    }

    /** Starts the task so that its first step runs right after the current callback or task step. */
    void startNext(Carrier carrier) {
        continuation = carry(carrier).start(false);
        loop.core().runNext(continuation);
    }

    /**
     * Runs the task's first step now, before the caller continues (asyncio's eager start). The
     * caller is on the loop thread: a plain callback runs the step directly; a task cannot (a
     * virtual thread cannot carry another), so it hands the loop over: this task's step, then
     * the creator, run before anything else that is ready.
     */
    void startEagerly(Carrier carrier) {
        continuation = carry(carrier).start(false);
        Task<?> creator = Task.current();
        if (creator == null) {
            continuation.run();
        } else {
            creator.handOffTo(continuation);
        }
    }

    /** Lets {@code target} run one step now; this task resumes right after it, before anything else. */
    private void handOffTo(Runnable target) {
        suspended = true; // a cancel() meanwhile must not interrupt us: it takes effect at the next suspension
        try {
            carried.handOff(target);
        } finally {
            suspended = false;
        }
    }

    /** {@return the task's name: as given to {@code createTask} or {@link #setName}, else {@code Task-N}} */
    public String getName() {
        return name;
    }

    /** {@return the coroutine this task runs}: asyncio's {@code get_coro()} */
    public Coroutine<T> getCoro() {
        return coroutine;
    }

    /**
     * The context the task runs in: the one given to {@code createTask}, or the copy of its
     * creator's context taken when it was created. asyncio's {@code Task.get_context()}.
     *
     * @return the task's own context
     */
    public Context getContext() {
        return ownContext;
    }

    /**
     * Renames the task (and its thread, as thread dumps show it).
     *
     * @param name the new name
     */
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
     * @throws IllegalStateException in debug mode, from a thread other than the loop's; from there
     *     use {@code loop.callSoonThreadsafe(task::cancel)} (see {@link Future}'s thread confinement)
     */
    @Override
    public boolean cancel(String message) {
        loop.core().checkThread("Task.cancel");
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

    /** {@return how many cancellation requests are pending: cancel() calls minus uncancel() calls} */
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
        Objects.requireNonNull(error, "error");
        throw new UnsupportedOperationException("Task does not support setException(): its exception is what its coroutine throws");
    }

    /** {@return the frames of the task's thread, innermost first: where it is suspended or running; empty once done} */
    public List<StackTraceElement> getStack() {
        Thread t = thread;
        return t == null || isDone() ? List.of() : List.of(t.getStackTrace());
    }

    /**
     * Prints the task and its stack, like a thread dump entry.
     *
     * @param out where to print
     */
    public void printStack(PrintStream out) {
        Objects.requireNonNull(out, "out");
        out.println("Stack for " + this + " (most recent call first):");
        for (StackTraceElement frame : getStack()) {
            out.println("\tat " + frame);
        }
    }

    /** {@link #printStack(PrintStream)} to {@code System.err}. */
    public void printStack() {
        printStack(System.err);
    }

    /** {@return the virtual thread the task runs on (for diagnostics), or {@code null} before it starts} */
    public Thread getThread() {
        return thread;
    }

    @Override
    public String toString() {
        return "<Task" + describeState() + " name='" + name + "'>";
    }

    /** Whether the task is parked in a JDK call (sleep, socket, lock) rather than by the library: another thread will wake it. */
    boolean isBlockedOutsideLoop() {
        return started && !suspended && !isDone();
    }

    void wake() {
        carried.unpark();
    }

    /** Parks the task in {@code await} until {@link #wake()}; may return spuriously. */
    void park(Object blocker) {
        carried.park(blocker);
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
            carried.yieldOnce();
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
