// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.asyncio4j.internal.carrier.Carrier;
import org.asyncio4j.internal.carrier.Carriers;
import org.asyncio4j.internal.diag.TaskDiagnostics;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.IoHandler;
import org.asyncio4j.internal.loop.KitAccess;
import org.asyncio4j.internal.loop.LoopClock;
import org.asyncio4j.internal.loop.LoopCore;
import org.asyncio4j.internal.loop.LoopEvents;
import org.asyncio4j.internal.loop.SafeLog;
import org.asyncio4j.internal.signals.SignalDispatch;
import org.asyncio4j.internal.signals.Sigint;

/**
 * An event loop: runs callbacks, timers, I/O callbacks and tasks, one at a time, on the thread
 * that runs it. asyncio's {@code asyncio.AbstractEventLoop} and its selector-based implementation.
 *
 * {@snippet :
 * try (EventLoop loop = Asyncio.newEventLoop()) {
 *     loop.callLater(2, () -> System.out.println("success time 2"));
 *     loop.callLater(1, () -> System.out.println("success time 1"));
 *     loop.callSoon(() -> System.out.println("success time 4"));
 *     loop.callLater(3, loop::stop);
 *     loop.runForever(); // prints 4, 1, 2, then stops after three seconds
 * }
 * }
 *
 * <h2>Ordering</h2>
 * Each iteration polls for I/O, moves due timers to the ready queue, then runs exactly the
 * callbacks that were ready when it began, first in first out; what they schedule runs in the
 * next iteration. Timers run by deadline, ties in the order they were scheduled. A task is a
 * virtual thread whose continuation joins the same ready queue each time it becomes runnable.
 * Callbacks queued from other threads join an iteration only if queued before it began, at most
 * 1,024 per iteration, so that threads flooding {@link #callSoonThreadsafe} cannot hold timers,
 * I/O or {@link #stop()} back. Nothing slows such threads down (as in asyncio): while they queue
 * faster than the loop runs callbacks, the queue and the memory it holds grow.
 *
 * <h2>Fairness</h2>
 * With nothing ready the loop blocks in its poll until the next timer is due or I/O arrives.
 * While callbacks are ready it polls without blocking only after 128 callbacks or 50 µs since
 * the last poll (asyncio polls every iteration; Tokio's scheduler polls every 61 task polls), so
 * a busy loop spends almost nothing on watching I/O: a socket that becomes ready has its callback
 * run within 128 iterations, and in the next iteration once iterations run 128 callbacks or more.
 *
 * <h2>Threads</h2>
 * The loop runs on the platform thread that calls {@link #runForever()} or
 * {@link #runUntilComplete} (in portable mode, the mode without the JVM flag described in the
 * README, on a virtual thread that the caller waits for). Only {@link #callSoonThreadsafe} and {@link #stop()} may be called
 * from other threads; everything else belongs to the loop's thread (checked in debug mode).
 * Blocking work goes to {@link #runInExecutor} (a bounded pool of platform threads by default).
 *
 * <h2>Lifecycle</h2>
 * {@link #close()} cancels the tasks that are still pending and lets them finish, shuts the
 * default executor down, drops queued callbacks and closes the selector. A closed loop refuses
 * new work with {@link IllegalStateException}.
 */
public final class EventLoop implements AutoCloseable {
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    static {
        // Network I/O, subprocesses and the primitives' waiting line reach the core's LoopIo side only.
        CoreAccess.install(MethodHandles.lookup(), loop -> ((EventLoop) loop).core);
        KitAccess.install(MethodHandles.lookup(), new KitAccess.Loops() {
            @Override
            public Object newLoop(LoopClock clock) {
                return new EventLoop(clock);
            }

            @Override
            public int reportUnretrievedExceptions(Object loop) {
                return UnretrievedExceptions.reportNow((EventLoop) loop);
            }

            @Override
            public boolean hasWorkNow(Object loop) {
                LoopCore core = ((EventLoop) loop).core;
                return core.readyCount() > 0 || core.hasDueTimer();
            }
        });
        TaskDiagnostics.install(TaskTable::snapshot);
        SafeLog.prepare();
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    private final LoopCore core;
    private final Carrier carrier;
    /** Names the loop in flight-recorder events and {@code asyncio4j ps}. */
    private final String label = "EventLoop-" + COUNTER.incrementAndGet();
    private final TaskList tasks = new TaskList();
    private final Set<AsyncGenerator.Engine<?>> asyncGenerators = new LinkedHashSet<>();
    /** This loop's signal handlers: bare signal name to the token {@link SignalDispatch} gave for it. */
    private final Map<String, Object> signalHandlers = new LinkedHashMap<>();
    /** Exceptions of this loop's futures that nobody retrieved yet (see {@link UnretrievedExceptions}). */
    final Set<UnretrievedExceptions.Tracker> unretrievedExceptions = UnretrievedExceptions.newRegistry();
    private volatile boolean running;
    private volatile boolean closed;
    /** Makes the loop's tasks (asyncio's task factory); null: plain tasks, started lazily. */
    private TaskFactory taskFactory;
    private ExceptionHandler exceptionHandler;
    private Executor defaultExecutor;
    private ExecutorService ownedDefaultExecutor;
    /** Set by shutdownDefaultExecutor: the default executor is refused from then on, as in asyncio. */
    private boolean defaultExecutorShutDown;

    EventLoop() {
        this(LoopClock.SYSTEM);
    }

    /** A loop on {@code clock}; only the test kit passes another clock than the system's (see {@link LoopClock}). */
    EventLoop(LoopClock clock) {
        this.core = new LoopCore(new CoreHooks(), clock);
        this.carrier = Carriers.forLoop(core);
        TaskTable.add(this);
    }

    /** The loop running on the current thread (its thread, or one of its tasks), or null. */
    static EventLoop runningOrNull() {
        Task<?> task = Task.current();
        return task != null ? task.loop : RUNNING.get();
    }

    // ---------------------------------------------------------------- scheduling callbacks

    /**
     * Schedules {@code callback} to run in the next iteration, after everything already ready,
     * in a copy of the current {@link Context}. Not thread-safe: from other threads use
     * {@link #callSoonThreadsafe}.
     *
     * @param callback the code to run on the loop's thread
     * @return a handle that can cancel the callback until it runs
     */
    public Handle callSoon(Runnable callback) {
        return callSoon(callback, null);
    }

    /**
     * {@link #callSoon(Runnable)} that runs {@code callback} in {@code context} itself (asyncio's
     * {@code call_soon(callback, context=context)}): what it sets there stays in that context.
     * A {@code null} context means a copy of the current one.
     *
     * @param callback the code to run on the loop's thread
     * @param context the context to run it in, or {@code null} for a copy of the current one
     * @return a handle that can cancel the callback until it runs
     */
    public Handle callSoon(Runnable callback, Context context) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        checkThread("callSoon");
        Handle handle = new Handle(callback, Handle.contextOf(context));
        core.pushReady(handle);
        return handle;
    }

    /**
     * Like {@link #callSoon} but callable from any thread; wakes the loop if it is waiting.
     *
     * @param callback the code to run on the loop's thread
     * @return a handle that can cancel the callback until it runs
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        return callSoonThreadsafe(callback, null);
    }

    /**
     * {@link #callSoonThreadsafe(Runnable)} in {@code context} ({@code null}: a copy of the current one); see {@link #callSoon(Runnable, Context)}.
     *
     * @param callback the code to run on the loop's thread
     * @param context the context to run it in, or {@code null} for a copy of the current one
     * @return a handle that can cancel the callback until it runs
     */
    public Handle callSoonThreadsafe(Runnable callback, Context context) {
        Objects.requireNonNull(callback, "callback");
        Handle handle = new Handle(callback, Handle.contextOf(context));
        if (!core.pushThreadsafe(handle)) {
            throw closedError();
        }
        return handle;
    }

    /**
     * Schedules {@code callback} after {@code delaySeconds} (a negative delay means now).
     *
     * @param delaySeconds the delay in seconds
     * @param callback the code to run on the loop's thread
     * @return a handle that can cancel the callback and tells when it is due
     */
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        return callLater(delaySeconds, callback, null);
    }

    /**
     * {@link #callLater(double, Runnable)} in {@code context} ({@code null}: a copy of the current one); see {@link #callSoon(Runnable, Context)}.
     *
     * @param delaySeconds the delay in seconds
     * @param callback the code to run on the loop's thread
     * @param context the context to run it in, or {@code null} for a copy of the current one
     * @return a handle that can cancel the callback and tells when it is due
     */
    public TimerHandle callLater(double delaySeconds, Runnable callback, Context context) {
        return schedule(core.nanoTime() + toNanos(delaySeconds, "delay"), callback, context);
    }

    /**
     * Schedules {@code callback} after {@code delay}.
     *
     * @param delay the delay
     * @param callback the code to run on the loop's thread
     * @return a handle that can cancel the callback and tells when it is due
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return callLater(delay, callback, null);
    }

    /**
     * {@link #callLater(Duration, Runnable)} in {@code context} ({@code null}: a copy of the current one); see {@link #callSoon(Runnable, Context)}.
     *
     * @param delay the delay
     * @param callback the code to run on the loop's thread
     * @param context the context to run it in, or {@code null} for a copy of the current one
     * @return a handle that can cancel the callback and tells when it is due
     */
    public TimerHandle callLater(Duration delay, Runnable callback, Context context) {
        Objects.requireNonNull(delay, "delay");
        return schedule(core.nanoTime() + saturatedNanos(delay), callback, context);
    }

    /**
     * Schedules {@code callback} at loop time {@code whenSeconds} (see {@link #time()}).
     *
     * @param whenSeconds the loop time at which to run it
     * @param callback the code to run on the loop's thread
     * @return a handle that can cancel the callback and tells when it is due
     */
    public TimerHandle callAt(double whenSeconds, Runnable callback) {
        return callAt(whenSeconds, callback, null);
    }

    /**
     * {@link #callAt(double, Runnable)} in {@code context} ({@code null}: a copy of the current one); see {@link #callSoon(Runnable, Context)}.
     *
     * @param whenSeconds the loop time at which to run it
     * @param callback the code to run on the loop's thread
     * @param context the context to run it in, or {@code null} for a copy of the current one
     * @return a handle that can cancel the callback and tells when it is due
     */
    public TimerHandle callAt(double whenSeconds, Runnable callback, Context context) {
        return schedule(toNanos(whenSeconds, "when"), callback, context);
    }

    /**
     * The loop's clock, in seconds, with an arbitrary origin: monotonic and shared by all loops of
     * this JVM, except on a test kit loop, whose virtual clock moves only when the loop would wait.
     * Every timer, sleep and timeout of the loop follows this clock.
     *
     * @return the loop's current time, in seconds
     */
    public double time() {
        return core.nanoTime() / 1e9;
    }

    // ---------------------------------------------------------------- running and stopping

    /**
     * Runs the loop on the calling thread until {@link #stop()} is called.
     *
     * @throws IllegalStateException if the loop is closed or already running, if another loop runs
     *     on this thread, or if the caller is a virtual thread in carrier mode (the loop thread
     *     carries the tasks there, so it must be a platform thread)
     * @throws KeyboardInterrupt on Ctrl+C when run on the JVM's main thread (see {@link KeyboardInterrupt})
     */
    public void runForever() {
        checkClosed();
        if (running) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (RUNNING.get() != null || Task.current() != null) {
            throw new IllegalStateException("Cannot run an event loop while another one is running on this thread;"
                    + " inside a task, await the work instead of running a loop");
        }
        running = true;
        try (Sigint _ = Sigint.installOnMainThread(this::interruptFromSigint)) {
            carrier.runLoop(() -> {
                RUNNING.set(this);
                try {
                    core.runForever();
                } finally {
                    RUNNING.remove();
                }
            });
        } finally {
            running = false;
        }
    }

    /**
     * Runs the loop until {@code future} is done, then returns its result or rethrows its
     * exception (unchanged, even a checked one).
     *
     * @param future the future (or task) to wait for; it must belong to this loop
     * @param <T> the result type
     * @return the future's result
     * @throws IllegalStateException if the loop was stopped before the future completed
     * @throws IllegalArgumentException if the future belongs to another loop
     */
    public <T> T runUntilComplete(Future<T> future) {
        Objects.requireNonNull(future, "future");
        if (future.loop != this) {
            throw new IllegalArgumentException("The future belongs to a different event loop");
        }
        Consumer<Future<T>> stopper = f -> stop();
        future.addDoneCallback(stopper);
        try {
            runForever();
        } catch (RuntimeException | Error e) {
            if (future.isDone() && !future.isCancelled()) {
                future.markRetrieved(); // the caller sees this error instead; do not also report the future's
            }
            throw e;
        } finally {
            future.removeDoneCallback(stopper);
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Event loop stopped before the future completed");
        }
        return future.result();
    }

    /**
     * Wraps {@code coroutine} in a task and runs the loop until it is done; see {@link #runUntilComplete(Future)}.
     *
     * @param coroutine the body of the task to run
     * @param <T> the result type
     * @return the coroutine's result
     */
    public <T> T runUntilComplete(Coroutine<T> coroutine) {
        return runUntilComplete(createTask(coroutine));
    }

    /**
     * Stops the loop after the iteration in progress; if it is not running, the next
     * {@link #runForever()} runs one iteration and returns. Callable from any thread.
     */
    public void stop() {
        core.stop();
    }

    /** {@return whether the loop is running ({@link #runForever()} or {@link #runUntilComplete} in progress)} */
    public boolean isRunning() {
        return running;
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: cancels pending tasks and runs the loop until they finish, shuts the
     * default executor down (without waiting for jobs in progress), drops scheduled callbacks and
     * closes the selector. Closing twice does nothing.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public void close() {
        if (running) {
            throw new IllegalStateException("Cannot close a running event loop; stop it first");
        }
        if (closed) {
            return;
        }
        if (!tasks.isEmpty()) {
            cancelAndFinish(tasks.snapshot());
        }
        closed = true;
        TaskTable.remove(this);
        for (String signal : List.copyOf(signalHandlers.keySet())) {
            removeSignalHandler(signal);
        }
        if (ownedDefaultExecutor != null) {
            ownedDefaultExecutor.shutdown();
        }
        core.close();
    }

    // ---------------------------------------------------------------- futures and tasks

    /**
     * A new pending future attached to this loop.
     *
     * @param <T> the result type
     * @return the new future
     */
    public <T> Future<T> createFuture() {
        checkClosed();
        return new Future<>(this);
    }

    /**
     * Schedules {@code coroutine} as a task named {@code Task-N}; its first step runs with {@code callSoon} order.
     *
     * @param coroutine the task's body
     * @param <T> the result type
     * @return the new task
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * Schedules {@code coroutine} as a task with the given name ({@code null}: {@code Task-N}),
     * made by the loop's {@link #setTaskFactory task factory} if it has one (eagerly started if
     * that is {@link TaskFactory#eagerTaskFactory()}).
     *
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param <T> the result type
     * @return the new task
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return createTask(coroutine, name, (Context) null);
    }

    /**
     * Creates a task and, if {@code eagerStart} is true and the loop is running, runs its first
     * step before returning (asyncio 3.12's eager tasks, 3.14's {@code eager_start}): a task that
     * never suspends is already done when this returns, and one that suspends continues like any
     * other task. Called from a callback, the step runs inside this call; called from a task, the
     * creator yields the loop for exactly that step and resumes before anything else that was
     * ready (a virtual thread cannot carry another one, so the creator cannot stay on the stack),
     * which no task or callback can tell apart. When the loop is not running, the start is lazy.
     *
     * <p>Asked of the loop's task factory as asyncio 3.14 asks it: an eager factory
     * ({@link TaskFactory#eagerTaskFactory()}, {@link TaskFactory#createEagerTaskFactory}) makes the
     * task with this {@code eagerStart}, and so does the loop without a factory; another factory
     * makes it as it always does, since a {@link TaskFactory} is not told how to start a task.
     *
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param eagerStart whether to run the first step now, if the loop is running
     * @param <T> the result type
     * @return the new task
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name, boolean eagerStart) {
        return createTask(coroutine, name, null, eagerStart);
    }

    /**
     * Schedules {@code coroutine} as a task that runs in {@code context} itself rather than in a
     * copy of the current context (asyncio's {@code create_task(coro, name=..., context=...)}):
     * what the task sets is visible in {@code context} afterwards, and
     * {@link Task#getContext()} returns it. {@code null} name: {@code Task-N}; {@code null}
     * context: a copy of the current one. Made by the loop's {@link #setTaskFactory task factory}
     * if it has one.
     *
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param context the context the task runs in, or {@code null} for a copy of the current one
     * @param <T> the result type
     * @return the new task
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
        return createTask(coroutine, name, context, null);
    }

    /**
     * {@link #createTask(Coroutine, String, Context)} for a body without a result.
     *
     * @param body the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param context the context the task runs in, or {@code null} for a copy of the current one
     * @return the new task
     */
    public Task<Void> createTask(AsyncRunnable body, String name, Context context) {
        return createTask(Objects.requireNonNull(body, "body").asCoroutine(), name, context);
    }

    /** Every createTask: through the task factory, if any; {@code eagerStart} null: as the factory starts tasks. */
    @SuppressWarnings("unchecked") // the factory's contract: its task runs the coroutine, so it is a Task<T>
    private <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context, Boolean eagerStart) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkClosed();
        TaskFactory factory = taskFactory;
        if (factory == null) {
            return newTask(coroutine, name, context, eagerStart != null && eagerStart);
        }
        Task<?> task = eagerStart != null && factory instanceof EagerTaskFactory eager
                ? eager.constructor().newTask(this, coroutine, name, context, eagerStart)
                : factory.newTask(this, coroutine, name, context);
        if (task == null) {
            throw new IllegalStateException("the task factory of " + this + " returned null;"
                    + " it must return the task it made (Task.create) for the coroutine it was given");
        }
        if (task.loop != this) {
            throw new IllegalStateException("the task factory of " + this + " returned a task of " + task.loop
                    + "; it must make the task on the loop it is given");
        }
        return (Task<T>) task;
    }

    /** A task made here, not through the factory ({@link Task#create}): asyncio's {@code Task(coro, loop=...)}. */
    <T> Task<T> newTask(Coroutine<T> coroutine, String name, Context context, boolean eagerStart) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkClosed();
        checkThread("createTask");
        Task<T> task = new Task<>(this, coroutine, name, context);
        tasks.add(task);
        if (eagerStart && running && core.inLoop()) {
            task.startEagerly(carrier);
        } else {
            task.start(carrier);
        }
        return task;
    }

    /**
     * {@link #createTask(Coroutine, String, boolean)} for a body without a result.
     *
     * @param body the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param eagerStart whether to run the first step now, if the loop is running
     * @return the new task
     */
    public Task<Void> createTask(AsyncRunnable body, String name, boolean eagerStart) {
        return createTask(Objects.requireNonNull(body, "body").asCoroutine(), name, eagerStart);
    }

    /**
     * Sets the factory that makes this loop's tasks from now on, or {@code null} for plain tasks
     * started lazily (the default): asyncio's {@code loop.set_task_factory(factory)}. See
     * {@link TaskFactory} for what goes through it.
     *
     * @param factory the task factory, or {@code null} for the default
     */
    public void setTaskFactory(TaskFactory factory) {
        this.taskFactory = factory;
    }

    /**
     * The loop's task factory: asyncio's {@code loop.get_task_factory()}.
     *
     * @return the factory set with {@link #setTaskFactory}, or {@code null} if the default is in use
     */
    public TaskFactory getTaskFactory() {
        return taskFactory;
    }

    /**
     * Makes every later {@link #createTask} start its task eagerly (see
     * {@link #createTask(Coroutine, String, boolean)}), or lazily again: shorthand for
     * {@code setTaskFactory(enabled ? TaskFactory.eagerTaskFactory() : null)}, asyncio's
     * {@code loop.set_task_factory(asyncio.eager_task_factory)}. Off by default.
     *
     * @param enabled whether later tasks start eagerly
     */
    public void setEagerTasks(boolean enabled) {
        setTaskFactory(enabled ? TaskFactory.eagerTaskFactory() : null);
    }

    /**
     * Whether tasks start eagerly: whether the {@link #getTaskFactory task factory} is
     * {@link TaskFactory#eagerTaskFactory()} or one made by {@link TaskFactory#createEagerTaskFactory}.
     *
     * @return whether tasks start eagerly
     */
    public boolean getEagerTasks() {
        return taskFactory instanceof EagerTaskFactory;
    }

    /**
     * {@link #createTask(Coroutine)} for a body without a result.
     *
     * @param body the task's body
     * @return the new task
     */
    public Task<Void> createTask(AsyncRunnable body) {
        return createTask(Objects.requireNonNull(body, "body").asCoroutine(), null);
    }

    /**
     * {@link #createTask(Coroutine, String)} for a body without a result.
     *
     * @param body the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @return the new task
     */
    public Task<Void> createTask(AsyncRunnable body, String name) {
        return createTask(Objects.requireNonNull(body, "body").asCoroutine(), name);
    }

    /** A hidden task that runs an async generator's body; its first step runs right after the caller's. */
    Task<Void> createGeneratorTask(Coroutine<Void> body) {
        checkClosed();
        Task<Void> task = new Task<>(this, body, null, null);
        task.generatorBody = true;
        task.setName("AsyncGenerator-" + task.getName());
        tasks.add(task);
        task.startNext(carrier);
        return task;
    }

    void asyncGeneratorStarted(AsyncGenerator.Engine<?> generator) {
        asyncGenerators.add(generator);
    }

    /** Drops a generator from those {@link #shutdownAsyncGenerators()} closes; false if it was not there. */
    boolean forgetAsyncGenerator(AsyncGenerator.Engine<?> generator) {
        return asyncGenerators.remove(generator);
    }

    /**
     * Closes every async generator of this loop that is still open, concurrently, and returns a
     * future that completes when all are closed; errors are passed to the exception handler.
     * asyncio's {@code loop.shutdown_asyncgens()}; {@link Asyncio#run} calls it after cancelling
     * the tasks main left behind.
     *
     * @return a future that completes once every generator is closed
     */
    public Future<Void> shutdownAsyncGenerators() {
        List<AsyncGenerator.Engine<?>> open = List.copyOf(asyncGenerators);
        asyncGenerators.clear();
        if (open.isEmpty()) {
            Future<Void> done = createFuture();
            done.setResult(null);
            return done;
        }
        return createTask(() -> {
            List<Task<Void>> closing = new java.util.ArrayList<>(open.size());
            for (AsyncGenerator.Engine<?> generator : open) {
                closing.add(createTask(generator::close));
            }
            List<Outcome<Void>> outcomes = Gather.outcomes(closing).await();
            for (int i = 0; i < open.size(); i++) {
                Throwable error = outcomes.get(i).exception();
                if (error != null && !(error instanceof CancelledError)) {
                    Map<String, Object> context = ExceptionHandler.context("an error occurred during closing of asynchronous generator " + open.get(i), error);
                    context.put("asyncgen", open.get(i));
                    callExceptionHandler(context);
                }
            }
        }, "shutdownAsyncGenerators");
    }

    /**
     * What the loop holds and has done: ready callbacks, timers, registered channels, tasks,
     * iterations, and time spent polling and running. Call it on the loop's thread (a task or
     * callback), or while the loop is not running.
     *
     * @return a snapshot of the loop's counters
     * @throws IllegalStateException if called from another thread while the loop runs
     */
    public LoopStatistics statistics() {
        if (running && !core.inLoop()) {
            throw new IllegalStateException("statistics() reads the loop's queues: call it on the loop's thread"
                    + " (from a task or callback), or from another thread through runCoroutineThreadsafe");
        }
        return new LoopStatistics(core.readyCount(), core.liveTimers(), core.registeredChannels(), allTasks().size(),
                core.iterations(), Duration.ofNanos(core.pollingNanos()), Duration.ofNanos(core.runningNanos()));
    }

    /**
     * The tasks of this loop that are not done yet, in creation order.
     *
     * @return the pending tasks, as a new set
     */
    public Set<Task<?>> allTasks() {
        LinkedHashSet<Task<?>> result = new LinkedHashSet<>();
        for (Task<?> task : tasks.snapshot()) {
            if (!task.generatorBody) { // an async generator's body is not a task in asyncio
                result.add(task);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- threads

    /**
     * Runs {@code function} on {@code executor} (or the default executor if null) and returns a
     * future of its result. Cancelling the future before the function starts keeps it from
     * running; once it runs, it runs to the end and its result is dropped.
     *
     * <p>The default executor is a pool of at most {@code min(32, processors + 4)} platform
     * threads (asyncio's size). An executor of virtual threads created inside a task would run
     * its jobs on this loop, so pass only executors created outside the loop.
     *
     * @param executor where to run it, or {@code null} for the default executor
     * @param function the blocking work to run
     * @param <T> the result type
     * @return a future of the function's result, completed on this loop
     * @throws IllegalStateException if {@code executor} is null and the default executor was shut
     *     down ({@link #shutdownDefaultExecutor}), as asyncio refuses it then
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> function) {
        Objects.requireNonNull(function, "function");
        checkClosed();
        checkThread("runInExecutor");
        if (executor == null && defaultExecutorShutDown) {
            throw new IllegalStateException("the default executor of " + this + " was shut down (shutdownDefaultExecutor);"
                    + " pass an executor of your own to runInExecutor");
        }
        Future<T> future = createFuture();
        ExecutorJob<T> job = new ExecutorJob<>(this, future, function);
        future.addDoneCallback(f -> {
            if (f.isCancelled()) {
                job.cancel();
            }
        });
        core.holdClock(); // released by the job's delivery, so that a virtual clock waits for the thread
        try {
            (executor != null ? executor : defaultExecutor()).execute(job);
        } catch (RuntimeException | Error e) {
            core.releaseClock();
            throw e;
        }
        return future;
    }

    /**
     * {@link #runInExecutor(Executor, Callable)} for work without a result; the future's result is {@code null}.
     *
     * @param executor where to run it, or {@code null} for the default executor
     * @param work the blocking work to run
     * @return a future completed on this loop once the work is done
     */
    public Future<Void> runInExecutor(Executor executor, Runnable work) {
        Objects.requireNonNull(work, "work");
        return runInExecutor(executor, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Replaces the executor {@code runInExecutor(null, ...)} and {@code toThread} use.
     *
     * @param executor the new default executor (not null)
     */
    public void setDefaultExecutor(Executor executor) {
        this.defaultExecutor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Shuts the default executor down and returns a future that completes once its threads have
     * finished (await it in a task, or pass it to {@link #runUntilComplete}), giving them five
     * minutes as {@code asyncio.run} does; see {@link #shutdownDefaultExecutor(Duration)}.
     *
     * @return a future that completes once the executor's threads have finished
     */
    public Future<Void> shutdownDefaultExecutor() {
        return shutdownDefaultExecutor(DefaultExecutor.SHUTDOWN_TIMEOUT);
    }

    /**
     * Shuts the default executor down and returns a future that completes once its threads have
     * finished or {@code timeout} has passed: asyncio's {@code shutdown_default_executor(timeout)}.
     * Threads still running then are interrupted, with a warning logged, and the future completes.
     *
     * @param timeout how long the executor's threads may take to finish their jobs
     * @return a future that completes once the executor's threads have finished, or at the timeout
     */
    public Future<Void> shutdownDefaultExecutor(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        defaultExecutorShutDown = true;
        Future<Void> done = createFuture();
        ExecutorService pool = ownedDefaultExecutor;
        if (pool == null) {
            done.setResult(null);
            return done;
        }
        pool.shutdown();
        Thread.ofPlatform().daemon().name("asyncio4j-executor-shutdown").start(() -> {
            DefaultExecutor.awaitTermination(pool, timeout);
            callSoonThreadsafeQuietly(() -> {
                if (!done.isDone()) {
                    done.setResult(null);
                }
            });
        });
        return done;
    }

    // ---------------------------------------------------------------- signals

    /**
     * Runs {@code callback} on this loop's thread each time this JVM receives {@code signal}
     * ({@code "SIGINT"}, {@code "SIGTERM"}, {@code "SIGHUP"}, {@code "SIGUSR1"}, {@code "SIGUSR2"};
     * the {@code SIG} prefix is optional), replacing a handler added before for that signal, by
     * this loop or another. asyncio's {@code loop.add_signal_handler}.
     *
     * {@snippet :
     * loop.addSignalHandler("SIGTERM", () -> mainTask.cancel()); // shut down cleanly on `kill <pid>`
     * }
     *
     * <p>The callback runs as a callback of the loop (never on the JVM's signal thread), in the
     * context that was current here. A SIGINT handler takes precedence over Ctrl+C's cancellation
     * of {@link Asyncio#run}'s main task while it is installed. The handlers are removed when the
     * loop closes, and the signal's previous behaviour comes back.
     *
     * @param signal the signal's name, e.g. {@code "SIGTERM"} or {@code "TERM"}
     * @param callback what to run on the loop's thread when it arrives
     * @throws IllegalArgumentException if the signal is unknown or cannot be handled (SIGKILL,
     *     SIGSTOP, and SIGQUIT, which the JVM keeps for thread dumps)
     */
    public void addSignalHandler(String signal, Runnable callback) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        String name = SignalDispatch.bareName(signal);
        Map<ContextVar<?>, Object> context = Context.currentVars();
        Object token = SignalDispatch.setLoopHandler(name, () -> core.pushThreadsafe(new Handle(callback, context)));
        signalHandlers.put(name, token);
    }

    /**
     * Removes this loop's handler for {@code signal}, restoring what handled it before; returns
     * false if this loop had none (or another loop's handler replaced it). asyncio's
     * {@code loop.remove_signal_handler}.
     *
     * @param signal the signal's name, as given to {@link #addSignalHandler}
     * @return whether a handler of this loop was removed
     */
    public boolean removeSignalHandler(String signal) {
        String name = SignalDispatch.bareName(Objects.requireNonNull(signal, "signal"));
        Object token = signalHandlers.remove(name);
        return token != null && SignalDispatch.removeLoopHandler(name, token);
    }

    // ---------------------------------------------------------------- errors and debugging

    /**
     * Sets the handler for errors nobody else can receive; {@code null} restores the default.
     *
     * @param handler the new handler, or {@code null} for the default
     */
    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    /** {@return the handler set with {@link #setExceptionHandler}, or {@code null} if the default is in use} */
    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /**
     * Passes {@code context} to the exception handler (or the default one); see
     * {@link ExceptionHandler} for its keys. Never throws: whatever the handler throws is logged
     * and the default handler then reports {@code context}; only a {@link KeyboardInterrupt} is
     * passed on, as asyncio passes on {@code KeyboardInterrupt} and {@code SystemExit}.
     *
     * @param context the error: {@code "message"} and the keys that apply
     */
    public void callExceptionHandler(Map<String, Object> context) {
        Objects.requireNonNull(context, "context");
        ExceptionHandler handler = exceptionHandler;
        if (handler != null) {
            try {
                handler.handle(this, context);
                return;
            } catch (KeyboardInterrupt interrupt) {
                throw interrupt;
            } catch (Throwable e) {
                SafeLog.log(Level.ERROR, () -> "Unhandled error in the exception handler (" + e + ") while handling: "
                        + SafeLog.describe(context.get("message")), e);
            }
        }
        defaultExceptionHandler(context);
    }

    /**
     * Logs {@code context} through {@code System.Logger} ("org.asyncio4j"), as asyncio's default
     * handler does. Never throws: if logging fails (a JVM out of file descriptors, a broken
     * logging configuration), the report goes to {@code System.err}.
     *
     * @param context the error: {@code "message"} and the keys that apply
     */
    public void defaultExceptionHandler(Map<String, Object> context) {
        Objects.requireNonNull(context, "context");
        Object error = context.get("exception");
        SafeLog.log(Level.ERROR, () -> {
            StringBuilder text = new StringBuilder(SafeLog.describe(context.getOrDefault("message", "Unhandled exception in event loop")));
            for (Map.Entry<String, Object> entry : context.entrySet()) {
                if (!entry.getKey().equals("message") && !entry.getKey().equals("exception")) {
                    text.append("\n").append(entry.getKey()).append(": ").append(SafeLog.describe(entry.getValue()));
                }
            }
            return text.toString();
        }, error instanceof Throwable t ? t : null);
    }

    /**
     * Debug mode: warns about callbacks and task steps that take longer than
     * {@link #setSlowCallbackDuration} (100 ms by default), with the task's stack, and checks
     * that non-thread-safe methods are called on the loop's thread.
     *
     * @param enabled whether debug mode is on
     */
    public void setDebug(boolean enabled) {
        core.setDebug(enabled);
    }

    /** {@return whether debug mode is on; see {@link #setDebug}} */
    public boolean getDebug() {
        return core.debug();
    }

    /**
     * Sets how long a callback or task step may take before debug mode warns about it.
     *
     * @param duration the step duration beyond which debug mode warns
     */
    public void setSlowCallbackDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        core.setSlowCallbackNanos(saturatedNanos(duration));
    }

    /** {@return how long a callback or task step may take before debug mode warns; see {@link #setSlowCallbackDuration}} */
    public Duration getSlowCallbackDuration() {
        return Duration.ofNanos(core.slowCallbackNanos());
    }

    @Override
    public String toString() {
        return "<EventLoop running=" + running + " closed=" + closed + " debug=" + getDebug() + ">";
    }

    // ---------------------------------------------------------------- internals

    LoopCore core() {
        return core;
    }

    /** How this loop carries its tasks. */
    Carrier carrier() {
        return carrier;
    }

    String label() {
        return label;
    }

    /** Schedules an internal callback from wherever the caller is: the ready queue if on the loop, the inbox if not. */
    void post(Handle handle) {
        if (running && !core.inLoop()) {
            core.pushThreadsafe(handle);
        } else if (!closed) {
            core.pushReady(handle);
        }
    }

    /** Like callSoonThreadsafe, but returns false instead of throwing if the loop is closed. */
    boolean callSoonThreadsafeQuietly(Runnable callback) {
        return core.pushThreadsafe(new Handle(callback));
    }

    void taskDone(Task<?> task) {
        tasks.remove(task);
    }

    /** Cancels {@code pending} and runs the loop until all are done; reports those that fail instead. */
    void cancelAndFinish(List<Task<?>> pending) {
        Future<Void> allDone = createFuture();
        int[] remaining = {pending.size()};
        for (Task<?> task : pending) {
            task.cancel();
            task.addDoneCallback(t -> {
                if (--remaining[0] == 0) {
                    allDone.setResult(null);
                }
            });
        }
        runUntilComplete(allDone);
        for (Task<?> task : pending) {
            if (!task.isCancelled() && task.exception() != null) {
                Map<String, Object> context = ExceptionHandler.context("unhandled exception while cancelling leftover tasks at shutdown", task.exception());
                context.put("task", task);
                callExceptionHandler(context);
            }
        }
    }

    private synchronized Executor defaultExecutor() {
        if (defaultExecutor == null) {
            ownedDefaultExecutor = DefaultExecutor.create();
            defaultExecutor = ownedDefaultExecutor;
        }
        return defaultExecutor;
    }

    private TimerHandle schedule(long deadline, Runnable callback, Context context) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        checkThread("callLater/callAt");
        TimerHandle handle = new TimerHandle(callback, Handle.contextOf(context), deadline, core);
        core.schedule(deadline, handle);
        return handle;
    }

    /** Ctrl+C: throws {@link KeyboardInterrupt} out of the running loop at its next iteration. */
    void interruptFromSigint() {
        core.pushThreadsafe(() -> {
            throw new KeyboardInterrupt();
        });
    }

    private void checkClosed() {
        if (closed) {
            throw closedError();
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("Event loop is closed: it accepts no more work; create a new one with Asyncio.newEventLoop()");
    }

    private void checkThread(String operation) {
        core.checkThread(operation);
    }

    private static long toNanos(double seconds, String what) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException(what + " must be a number of seconds, not NaN");
        }
        double nanos = seconds * 1e9;
        if (nanos >= Long.MAX_VALUE / 2.0) {
            return Long.MAX_VALUE / 2;
        }
        return nanos <= Long.MIN_VALUE / 2.0 ? Long.MIN_VALUE / 2 : Math.round(nanos);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return Math.min(duration.toNanos(), Long.MAX_VALUE / 2);
        } catch (ArithmeticException overflow) {
            return duration.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
    }

    private final class CoreHooks implements LoopCore.Hooks {
        @Override
        public boolean isTaskOfThisLoop(Thread current) {
            Task<?> task = Task.current();
            return task != null && task.loop == EventLoop.this;
        }

        @Override
        public void callbackFailed(Runnable item, Throwable error) {
            if (error instanceof KeyboardInterrupt interrupt) {
                throw interrupt;
            }
            Map<String, Object> context = ExceptionHandler.context(item == null ? "Exception while polling for I/O" : "Exception in callback " + SafeLog.describe(item), error);
            if (item instanceof Handle handle) {
                context.put("handle", handle);
            }
            callExceptionHandler(context);
        }

        @Override
        public boolean hasTaskBlockedOutsideLoop() {
            for (Task<?> task : tasks.snapshot()) {
                if (task.isBlockedOutsideLoop()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isCancelledTimer(Runnable item) {
            return ((Handle) item).isCancelled();
        }

        @Override
        public void slowCallback(Runnable item, long nanos) {
            if (core.debug()) {
                SafeLog.log(Level.WARNING, () -> slowCallbackText(item, nanos), null);
            }
            if (item instanceof Handle || item instanceof IoHandler) {
                LoopEvents.SlowCallback event = new LoopEvents.SlowCallback();
                if (event.isEnabled()) {
                    event.callback = item.toString();
                    event.loop = label;
                    event.took = nanos;
                    LoopEvents.commitOffLoop(event);
                }
            } else {
                LoopEvents.SlowTaskStep event = new LoopEvents.SlowTaskStep();
                if (event.isEnabled()) {
                    Task<?> task = findTask(item);
                    event.task = task != null ? task.getName() : "a task that has since finished";
                    event.loop = label;
                    event.took = nanos;
                    LoopEvents.commitOffLoop(event);
                }
            }
        }

        @Override
        public void loopLag(long nanos) {
            LoopEvents.LoopLag event = new LoopEvents.LoopLag();
            event.loop = label;
            event.lag = nanos;
            LoopEvents.commitOffLoop(event);
        }

        private String slowCallbackText(Runnable item, long nanos) {
            String took = String.format("%.3f", nanos / 1e9);
            if (item instanceof Handle || item instanceof IoHandler) {
                return "Executing " + item + " took " + took + " seconds";
            }
            Task<?> task = findTask(item);
            StringBuilder text = new StringBuilder("Executing a step of ")
                    .append(task != null ? task : "a task that has since finished")
                    .append(" took ").append(took).append(" seconds");
            if (task != null) {
                text.append("; it is now suspended at:");
                for (StackTraceElement frame : task.getStack()) {
                    text.append("\n\tat ").append(frame);
                }
            }
            return text.toString();
        }

        private Task<?> findTask(Runnable continuation) {
            for (Task<?> task : tasks.snapshot()) {
                if (task.continuation == continuation) {
                    return task;
                }
            }
            return null;
        }
    }
}
