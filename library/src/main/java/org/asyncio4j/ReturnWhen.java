// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * When {@link Asyncio#wait} returns. asyncio's {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION}
 * and {@code ALL_COMPLETED} constants.
 *
 * {@snippet :
 * DoneAndPending<Task<String>> first = Asyncio.wait(tasks, ReturnWhen.FIRST_COMPLETED);
 * }
 */
public enum ReturnWhen {
    /** As soon as any future is done (or cancelled). */
    FIRST_COMPLETED,
    /** As soon as any future finishes with an exception; if none does, when all are done. */
    FIRST_EXCEPTION,
    /** When every future is done. */
    ALL_COMPLETED
}
