// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * Thrown inside an {@link AsyncGenerator}'s body, at its {@code yield}, when the generator is
 * closed early: the body's {@code finally} blocks run, and the body must let it escape (not
 * yield again). Python's {@code GeneratorExit}.
 *
 * {@snippet :
 * AsyncGenerator<Integer> numbers = AsyncGenerator.of(out -> {
 *     try {
 *         for (int i = 0; ; i++) {
 *             out.yield(i);
 *         }
 *     } finally {
 *         System.out.println("closed");   // runs on close(), at the pending yield
 *     }
 * });
 * }
 *
 * <p>Like {@link CancelledError} it extends {@link Error}, so a {@code catch (Exception e)} in
 * the body does not swallow it.
 */
public final class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    GeneratorExit() {
        super("the async generator was closed", null, false, false);
    }
}
