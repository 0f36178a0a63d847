// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

/**
 * Thrown by {@link Barrier#await()} when the barrier is aborted or reset while a task waits at
 * it, or when a task arrives at a broken barrier. asyncio's {@code asyncio.BrokenBarrierError}.
 *
 * {@snippet :
 * try {
 *     barrier.await();
 * } catch (BrokenBarrierError e) {
 *     // another task called barrier.abort() or barrier.reset()
 * }
 * }
 */
public class BrokenBarrierError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error saying why the barrier is broken.
     *
     * @param message what broke the barrier, and what to do about it
     */
    public BrokenBarrierError(String message) {

        super(message);
    }
}
