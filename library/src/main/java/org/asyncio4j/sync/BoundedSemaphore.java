// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

/**
 * A {@link Semaphore} that refuses to be released more often than it was acquired: its count
 * can never exceed the initial one. asyncio's {@code asyncio.BoundedSemaphore}.
 *
 * {@snippet :
 * BoundedSemaphore pool = new BoundedSemaphore(2);
 * pool.acquire();
 * pool.release();
 * pool.release(); // throws IllegalStateException: released more often than acquired
 * }
 *
 * <p>Fairness, cancellation and thread confinement are those of {@link Semaphore}; a permit
 * passed on by a cancelled waiter is not a release and is never refused. A permit being handed to
 * a woken waiter counts as taken, so a release in that moment that matches no acquisition is
 * refused at once; asyncio 3.13 accepts it, lets one task more than the bound in, and fails only
 * at a later release.
 */
public final class BoundedSemaphore extends Semaphore {
    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * A bounded semaphore with {@code permits} permits, which is also its maximum;
     * {@link #release()} throws {@link IllegalStateException} when all are already free.
     *
     * @param permits the number of permits free at the start, and the most there may be

     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public BoundedSemaphore(int permits) {
        super(permits, permits, "BoundedSemaphore");
    }
}
