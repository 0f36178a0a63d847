// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.concurrent.CompletableFuture;

/**
 * The thread-safe way between two event loops: a future of one loop observed from a thread or task
 * of another, without touching its state off its own thread.
 *
 * <p>Every step that reads or changes the future runs on the future's loop (queued with its
 * thread-safe inbox); the outcome travels back as a {@code CompletableFuture}, which the waiter's
 * loop turns into one of its own futures with {@link Asyncio#wrapFuture}. Cancelling the waiter
 * cancels the observed future, as awaiting a future of one's own loop does.
 */
final class LoopBridge {
    private LoopBridge() {
    }

    /** {@code future.await()} for a task of another loop: parks it on a mirror future of its own loop. */
    static <T> T await(Future<T> future) throws Exception {
        if (!future.loop.isRunning()) {
            // nothing would ever run the observing step: fail now instead of waiting forever
            throw new IllegalStateException("Task " + Task.current().getName() + " awaits a future of a different event loop"
                    + " that is not running, so nothing could complete it; run that loop on its own thread"
                    + " (a LoopGroup does) or await futures of the task's own loop");
        }
        return Asyncio.wrapFuture(observe(future)).await();
    }

    /**
     * A {@code CompletableFuture} of {@code future}'s outcome, callable from any thread; cancelling
     * it cancels {@code future} (on its loop).
     */
    static <T> CompletableFuture<T> observe(Future<T> future) {
        CompletableFuture<T> relay = new CompletableFuture<>();
        boolean queued = future.loop.callSoonThreadsafeQuietly(() -> {
            if (relay.isCancelled()) {
                future.cancel();
                return;
            }
            CompletableFuture<T> source = future.toCompletableFuture();
            source.whenComplete((value, error) -> {
                if (source.isCancelled()) {
                    relay.cancel(false);
                } else if (error != null) {
                    relay.completeExceptionally(error);
                } else {
                    relay.complete(value);
                }
            });
            relay.whenComplete((value, error) -> {
                if (relay.isCancelled()) {
                    source.cancel(false);
                }
            });
        });
        if (!queued) {
            if (future.isDone()) {
                return future.toCompletableFuture(); // nothing left to observe on its loop
            }
            relay.completeExceptionally(new IllegalStateException("The future " + future + " belongs to an event loop"
                    + " that is closed: it will never complete"));
        }
        return relay;
    }
}
