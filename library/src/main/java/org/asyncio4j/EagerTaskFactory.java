// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * The factories of {@link TaskFactory#eagerTaskFactory()} and
 * {@link TaskFactory#createEagerTaskFactory}: each task through {@code constructor}, eagerly. The
 * loop recognises them by this class, so that {@link EventLoop#getEagerTasks()} and an explicit
 * {@code eagerStart} (asyncio 3.14's {@code create_task(..., eager_start=False)}) agree with them.
 */
record EagerTaskFactory(TaskFactory.Constructor constructor) implements TaskFactory {
    static final EagerTaskFactory DEFAULT = new EagerTaskFactory(Task::create);

    @Override
    public Task<?> newTask(EventLoop loop, Coroutine<?> coroutine, String name, Context context) {
        return constructor.newTask(loop, coroutine, name, context, true);
    }
}
