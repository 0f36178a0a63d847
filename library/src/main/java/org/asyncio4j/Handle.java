package org.asyncio4j;

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
 * <p>Not thread-safe: cancel a handle on its loop's thread (use
 * {@code loop.callSoonThreadsafe(handle::cancel)} from elsewhere).
 */
public sealed class Handle implements Runnable permits TimerHandle {
    private Runnable callback;
    private boolean cancelled;

    Handle(Runnable callback) {
        this.callback = callback;
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
            c.run();
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
