// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.Objects;

/**
 * Makes the tasks of a loop: asyncio's task factory, set with {@link EventLoop#setTaskFactory}
 * ({@code loop.set_task_factory(factory)}). Every task the loop is asked for goes through it —
 * {@link EventLoop#createTask}, {@link Asyncio#createTask}, {@link TaskGroup#createTask},
 * {@link Asyncio#gather} and {@link Asyncio#shield} of coroutines, {@link Asyncio#waitFor},
 * {@link Asyncio#runCoroutineThreadsafe}, the main task of {@link Asyncio#run} and
 * {@link Runner#run}, stream servers' connection handlers — as in asyncio, where they all end in
 * {@code loop.create_task}.
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     EventLoop loop = Asyncio.getRunningLoop();
 *     loop.setTaskFactory((l, coroutine, name, context) -> {
 *         System.out.println("new task " + name);
 *         return Task.create(l, coroutine, name, context, false);
 *     });
 *     Asyncio.createTask(() -> 42, "answer").await(); // prints "new task answer"
 * });
 * }
 *
 * <p>A task is always a {@link Task} (a final class: its thread is carried by the loop), so a
 * factory does not subclass it; it decides how tasks start (eagerly or not), wraps the
 * coroutine (to time it, or to log around it) or records what is created, and makes the task
 * with {@link Task#create}, which does not go through the factory again (asyncio's
 * {@code Task(coro, loop=loop, ...)} constructor). The factory must return a task of the loop it
 * is given that runs the coroutine, or a wrapper that returns the coroutine's result: the loop
 * hands it back to the caller as a {@code Task<T>} of the coroutine's type.
 *
 * <p>{@link #eagerTaskFactory()} is asyncio's {@code eager_task_factory}; it is what
 * {@link EventLoop#setEagerTasks setEagerTasks(true)} sets, so the two are one setting.
 */
@FunctionalInterface
public interface TaskFactory {

    /**
     * Makes the task for one {@code createTask} call.
     *
     * @param loop the loop the task is asked of
     * @param coroutine the task's body
     * @param name the name asked for, or {@code null} for a generated {@code Task-N}
     * @param context the context to run in, or {@code null} for a copy of the current one
     * @return the new task, of {@code loop}
     */
    Task<?> newTask(EventLoop loop, Coroutine<?> coroutine, String name, Context context);

    /**
     * What {@link #createEagerTaskFactory} builds on: makes a task, eagerly or not, as
     * {@link Task#create} does (asyncio's {@code custom_task_constructor}, called with
     * {@code eager_start=True}).
     */
    @FunctionalInterface
    interface Constructor {
        /**
         * Makes a task.
         *
         * @param loop the loop the task is asked of
         * @param coroutine the task's body
         * @param name the name asked for, or {@code null} for a generated {@code Task-N}
         * @param context the context to run in, or {@code null} for a copy of the current one
         * @param eagerStart whether the first step should run at once, if the loop is running
         * @return the new task, of {@code loop}
         */
        Task<?> newTask(EventLoop loop, Coroutine<?> coroutine, String name, Context context, boolean eagerStart);
    }

    /**
     * The factory whose tasks start eagerly: asyncio's {@code eager_task_factory}. Its first step
     * runs inside {@code createTask} when the loop is running (see
     * {@link EventLoop#createTask(Coroutine, String, boolean)}), so a task that never suspends is
     * done when {@code createTask} returns and never goes through the ready queue. Always the same
     * instance.
     *
     * @return the eager task factory
     */
    static TaskFactory eagerTaskFactory() {
        return EagerTaskFactory.DEFAULT;
    }

    /**
     * A factory that makes every task with {@code constructor}, eagerly: asyncio's
     * {@code create_eager_task_factory(custom_task_constructor)}.
     *
     * {@snippet :
     * List<String> names = new ArrayList<>();
     * loop.setTaskFactory(TaskFactory.createEagerTaskFactory((l, coroutine, name, context, eager) -> {
     *     Task<?> task = Task.create(l, coroutine, name, context, eager);
     *     names.add(task.getName());
     *     return task;
     * }));
     * }
     *
     * @param constructor makes each task; it is called with {@code eagerStart} true, or with what
     *        {@link EventLoop#createTask(Coroutine, String, boolean)} asks for
     * @return the eager factory
     */
    static TaskFactory createEagerTaskFactory(Constructor constructor) {
        return new EagerTaskFactory(Objects.requireNonNull(constructor,
                "createEagerTaskFactory(): constructor is null; pass Task::create for plain tasks"));
    }
}
