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
 * <p>The callback runs in a copy of the {@link Context} that was current when it was scheduled,
 * or, if a context was given when it was scheduled, in that context itself (so what it sets stays
 * there; it fails, reported to the loop's exception handler, if that context is already entered).
 *
 * <p>Not thread-safe: cancel a handle on its loop's thread (use
 * {@code loop.callSoonThreadsafe(handle::cancel)} from elsewhere).
 */
public sealed class Handle implements Runnable permits TimerHandle {
    private Runnable callback;
    private boolean cancelled;
    /**
     * Where the callback runs: an immutable snapshot of the variables current when it was
     * scheduled (run in a fresh copy of it), or a {@link Context} given by the caller (run in it).
     * One field for both keeps a handle as small as it was; {@link #getContext()} turns a
     * snapshot into the context the callback will run in.
     */
    private Object context;

    /** A handle whose callback runs in a fresh, empty context (internal callbacks). */
    Handle(Runnable callback) {
        this(callback, Map.of());
    }

    /**
     * @param context a snapshot from {@link Context#currentVars()} or a {@link Context} to run in;
     *     {@link #contextOf} picks one
     */
    Handle(Runnable callback, Object context) {
        this.callback = callback;
        this.context = context;
    }

    /** {@code explicit} if the caller gave a context, else a snapshot of the current one. */
    static Object contextOf(Context explicit) {
        return explicit != null ? explicit : Context.currentVars();
    }

    /** Cancels the callback; it will not run. Cancelling twice, or after it ran, does nothing. */
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            callback = null;
        }
    }

    /**
     * The context the callback runs in: the one given when it was scheduled, or the copy of the
     * scheduler's context it runs in otherwise (which then shows what the callback set). asyncio's
     * {@code Handle.get_context()}.
     *
     * @return the context the callback runs (or ran) in
     */
    @SuppressWarnings("unchecked")
    public Context getContext() {
        if (!(context instanceof Context)) {
            context = new Context((Map<ContextVar<?>, Object>) context);
        }
        return (Context) context;
    }

    /** {@return whether {@link #cancel()} was called} */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the callback unless cancelled; the loop calls this. */
    @Override
    public void run() {
        Runnable c = callback;
        if (c == null) {
            return;
        }
        if (context instanceof Context given) {
            given.run(c);
        } else {
            @SuppressWarnings("unchecked")
            Map<ContextVar<?>, Object> snapshot = (Map<ContextVar<?>, Object>) context;
            Context.runCallback(snapshot, c);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (cancelled ? " cancelled" : " " + callback);
    }
}
