// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * The body of a task that produces a value: asyncio's {@code async def} returning a result.
 * It runs on a virtual thread carried by the event loop and may suspend wherever it waits.
 *
 * {@snippet :
 * Coroutine<Integer> compute = () -> {
 *     Asyncio.sleep(1.0);
 *     return 1 + 2;
 * };
 * int sum = Asyncio.run(compute); // 3
 * }
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Coroutine<T> {
    /**
     * Runs the body; on a task, it may suspend wherever it waits.
     *
     * @return the result, which becomes the task's result
     * @throws Exception whatever the body throws; it becomes the task's exception
     */
    T call() throws Exception;
}
