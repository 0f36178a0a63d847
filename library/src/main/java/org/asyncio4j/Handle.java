// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.Map;

/**
 * A callback scheduled on an event loop by {@link EventLoop#callSoon} or
 * {@link EventLoop#callSoonThreadsafe}; it can be cancelled until it runs. asyncio's
 * {@code asyncio.Handle}.
 *
 * {@snippet :
 * Handle handle = loop.callSoon(() -> System.out.println("never printed"));
 * handle.cancel();
 * }
 *
 * <p>The callback runs in a copy of the {@link Context} that was current when it was scheduled.
 *
 * <p>Not thread-safe: cancel a handle on its loop's thread (use
 * {@code loop.callSoonThreadsafe(handle::cancel)} from elsewhere).
 */
public sealed class Handle implements Runnable permits TimerHandle {
    private Runnable callback;
    private boolean cancelled;
    /** The context variables captured when the callback was scheduled (an immutable snapshot). */
    private final Map<ContextVar<?>, Object> context;

    /** A handle whose callback runs in a fresh, empty context (internal callbacks). */
    Handle(Runnable callback) {
        this(callback, Map.of());
    }

    Handle(Runnable callback, Map<ContextVar<?>, Object> context) {
        this.callback = callback;
        this.context = context;
    }

    /** Cancels the callback; it will not run. Cancelling twice, or after it ran, does nothing. */
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            callback = null;
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the callback unless cancelled; the loop calls this. */
    @Override
    public void run() {
        Runnable c = callback;
        if (c != null) {
            Context.runCallback(context, c);
        }
    }

    Runnable callback() {
        return callback;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (cancelled ? " cancelled" : " " + callback);
    }
}
