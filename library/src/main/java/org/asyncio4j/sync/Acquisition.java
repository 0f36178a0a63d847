// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.sync;

/**
 * Proof that a {@link Lock}, {@link Semaphore} or {@link Condition} was acquired; closing it
 * releases, once. It makes try-with-resources the Java spelling of asyncio's {@code async with}.
 *
 * {@snippet :
 * Lock lock = new Lock();
 * try (var _ = lock.acquire()) {   // async with lock:
 *     // ... only one task at a time runs here
 * }                                 // released here, even if the block throws
 * }
 *
 * <p>Only a successful {@code acquire()} returns one, so a cancelled acquire never releases
 * anything. Closing it again does nothing. Use either the handle or the primitive's
 * {@code release()} for a given acquisition, not both.
 */
public final class Acquisition implements AutoCloseable {
    private final Runnable release;
    private boolean released;

    Acquisition(Runnable release) {
        this.release = release;
    }

    /** Releases what was acquired; later calls do nothing. */
    @Override
    public void close() {
        if (!released) {
            released = true;
            release.run();
        }
    }
}
