// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Structured concurrency: tasks created in a group are all finished when the group's block
 * returns, and if one fails the others are cancelled. asyncio's {@code asyncio.TaskGroup}
 * (Python 3.11+).
 *
 * {@snippet :
 * List<String> pages = TaskGroup.run(tg -> {
 *     Task<String> a = tg.createTask(() -> fetch("a"));
 *     Task<String> b = tg.createTask(() -> fetch("b"));
 *     return List.of(a, b);          // the group waits for both before run() returns
 * }).stream().map(Task::result).toList();
 * }
 *
 * <h2>Failure</h2>
 * The first child that fails cancels its siblings and the block itself (wherever the block is
 * waiting it sees a {@link CancelledError}). Once every child is done, {@link #run} throws an
 * {@link ExceptionGroup} listing each failure (the block's own exception included, cancellations
 * not). A {@link KeyboardInterrupt} or a {@link VirtualMachineError} is rethrown as itself.
 *
 * <h2>Why {@code TaskGroup.run(tg -> ...)} and not try-with-resources</h2>
 * Leaving the group waits for the children and then decides which exception escapes: the
 * children's {@code ExceptionGroup} replaces the {@code CancelledError} that the block received
 * when a child failed. {@code close()} cannot replace the exception in flight, so the block is a
 * lambda that the group runs.
 *
 * <h2>Cancellation</h2>
 * Cancelling the task that runs the group cancels the children; {@code run} waits for them and
 * then throws the {@code CancelledError}. Cancellations the group makes itself are withdrawn with
 * {@link Task#uncancel()}, so an outer {@link Asyncio#timeout} or a cancellation from outside is
 * never mistaken for the group's own, nor swallowed by it.
 *
 * <h2>Thread confinement</h2>
 * Create tasks in a group only from tasks and callbacks of its loop. A group whose block has
 * ended (or that is shutting down after a failure) refuses new tasks.
 */
public final class TaskGroup {
    /**
     * A group's block that returns a value.
     *
     * @param <T> the block's result type
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the block.
         *
         * @param group the group to create tasks in
         * @return the block's value, which {@link TaskGroup#run(Body)} returns
         * @throws Exception whatever the block throws; the group reports it with the tasks' failures
         */
        T run(TaskGroup group) throws Exception;
    }

    /** A group's block without a value. */
    @FunctionalInterface
    public interface VoidBody {
        /**
         * Runs the block.
         *
         * @param group the group to create tasks in
         * @throws Exception whatever the block throws; the group reports it with the tasks' failures
         */
        void run(TaskGroup group) throws Exception;
    }

    private final EventLoop loop;
    private final Task<?> parent;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private Throwable baseError;
    private Future<Void> allDone;

    private TaskGroup(Task<?> parent) {
        this.parent = parent;
        this.loop = parent.loop;
    }

    /**
     * Runs {@code body} with a new group, waits for every task created in it, and returns the
     * block's value.
     *
     * @param body the block, which creates the group's tasks
     * @param <T> the block's result type
     * @return the block's value, once every task of the group is done
     * @throws ExceptionGroup if tasks of the group (or the block) failed
     * @throws CancelledError if the running task was cancelled from outside
     * @throws IllegalStateException if called outside a task
     * @throws Exception never a checked one in practice: only the unchecked cases above, and a
     *     {@link KeyboardInterrupt} or {@link VirtualMachineError} rethrown as itself
     */
    public static <T> T run(Body<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        TaskGroup group = new TaskGroup(requireTask());
        T value;
        try {
            value = body.run(group);
        } catch (Throwable error) {
            group.exit(error);
            throw Asyncio.sneakyThrow(error);
        }
        group.exit(null);
        return value;
    }

    /**
     * {@link #run(Body)} for a block without a value. A block that can only throw fits both
     * forms; cast it, {@code (TaskGroup.VoidBody) tg -> ...}, to choose.
     *
     * @param body the block, which creates the group's tasks
     * @throws ExceptionGroup if tasks of the group (or the block) failed
     * @throws CancelledError if the running task was cancelled from outside
     * @throws IllegalStateException if called outside a task
     * @throws Exception as for {@link #run(Body)}
     */
    @SuppressWarnings("overloads") // the ambiguity for a block that only throws is documented above
    public static void run(VoidBody body) throws Exception {
        Objects.requireNonNull(body, "body");
        run(group -> {
            body.run(group);
            return null;
        });
    }

    /**
     * Creates a task in this group (made like {@link EventLoop#createTask}, by the loop's
     * {@link TaskFactory} if it has one, so eagerly under the eager task factory).
     *
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param <T> the task's result type
     * @return the new task
     * @throws IllegalStateException if the group's block has ended or the group is shutting down
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return createTask(coroutine, name, null);
    }

    /**
     * {@link #createTask(Coroutine, String)} of a task that runs in {@code context} itself
     * ({@code null}: a copy of the current one), as {@link EventLoop#createTask(Coroutine, String, Context)}
     * does: asyncio's {@code TaskGroup.create_task(coro, name=..., context=...)}.
     *
     * @param coroutine the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param context the context to run the task in, or {@code null} for a copy of the current one
     * @param <T> the task's result type
     * @return the new task
     * @throws IllegalStateException if the group's block has ended or the group is shutting down
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
        Objects.requireNonNull(coroutine, "coroutine");
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException(this + " is finished: create tasks only while its block runs");
        }
        if (aborting) {
            throw new IllegalStateException(this + " is shutting down after a failure or cancellation;"
                    + " it accepts no new tasks");
        }
        Task<T> task = loop.createTask(coroutine, name, context);
        if (task.isDone()) {
            taskDone(task); // finished during an eager start
        } else {
            tasks.add(task);
            task.addDoneCallback(this::taskDone);
            task.addAwaitedBy(parent);
        }
        return task;
    }

    /**
     * {@link #createTask(Coroutine, String)} with a generated name.
     *
     * @param coroutine the task's body
     * @param <T> the task's result type
     * @return the new task
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
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

    /**
     * {@link #createTask(Coroutine, String, Context)} for a body without a result.
     *
     * @param body the task's body
     * @param name the task's name, or {@code null} for a generated {@code Task-N}
     * @param context the context to run the task in, or {@code null} for a copy of the current one
     * @return the new task
     */
    public Task<Void> createTask(AsyncRunnable body, String name, Context context) {
        return createTask(Objects.requireNonNull(body, "body").asCoroutine(), name, context);
    }

    @Override
    public String toString() {
        return "<TaskGroup tasks=" + tasks.size() + (aborting ? " cancelling" : exiting ? " exiting" : "") + ">";
    }

    /** Leaves the block, which ended with {@code error} (null: normally); throws what must escape. */
    private void exit(Throwable error) throws Exception {
        exiting = true;
        if (error != null && isBaseError(error) && baseError == null) {
            baseError = error;
        }
        boolean blockCancelled = Task.isCancellation(error);
        Throwable cancellation = blockCancelled ? error : null;
        if (error != null && !aborting) {
            abort(); // the block failed or its task is being cancelled: stop the children
        }
        while (!tasks.isEmpty()) {
            if (allDone == null) {
                allDone = loop.createFuture();
            }
            try {
                allDone.await();
            } catch (CancelledError e) {
                if (!aborting) {
                    cancellation = e; // the task running the group was cancelled while waiting
                    abort();
                }
            }
            allDone = null;
        }
        if (baseError != null) {
            throw Asyncio.sneakyThrow(baseError);
        }
        if (parentCancelRequested && parent.uncancel() == 0) {
            cancellation = null; // only our own request was pending: it must not escape
        }
        if (cancellation != null && errors.isEmpty()) {
            throw Asyncio.sneakyThrow(cancellation);
        }
        if (error != null && !blockCancelled) {
            errors.add(error);
        }
        if (!errors.isEmpty()) {
            if (parent.cancelling() > 0) {
                // cancelled from outside as well: re-request it so the count stays as the outside left it
                parent.uncancel();
                parent.cancel();
            }
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> task : tasks) {
            if (!task.isDone()) {
                task.cancel();
            }
        }
    }

    private void taskDone(Future<?> task) {
        tasks.remove(task);
        if (allDone != null && tasks.isEmpty() && !allDone.isDone()) {
            allDone.setResult(null);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable error = task.exception();
        if (error == null) {
            return;
        }
        errors.add(error);
        if (isBaseError(error) && baseError == null) {
            baseError = error;
        }
        if (parent.isDone()) {
            Map<String, Object> context = ExceptionHandler.context("Task " + task + " has errored out but its parent task " + parent + " is already completed", error);
            context.put("task", task);
            loop.callExceptionHandler(context);
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // stop whatever the block is waiting for; exit() withdraws this request
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    private static boolean isBaseError(Throwable error) {
        return error instanceof KeyboardInterrupt || error instanceof VirtualMachineError;
    }

    private static Task<?> requireTask() {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException("TaskGroup.run() must be called from inside a task (Asyncio.run, createTask)");
        }
        return task;
    }
}
