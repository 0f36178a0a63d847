// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * The body of a task that produces no value: asyncio's {@code async def} without a return.
 *
 * {@snippet :
 * AsyncRunnable hello = () -> {
 *     Asyncio.sleep(1);
 *     System.out.println("hello");
 * };
 * Asyncio.run(hello);
 * }
 */
@FunctionalInterface
public interface AsyncRunnable {
    /**
     * Runs the body; on a task, it may suspend wherever it waits.
     *
     * @throws Exception whatever the body throws; it becomes the task's exception
     */
    void run() throws Exception;

    /** {@return this body as a {@link Coroutine} whose result is {@code null}} */
    default Coroutine<Void> asCoroutine() {
        return () -> {
            run();
            return null;
        };
    }
}
