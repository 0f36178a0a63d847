// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.signals;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routes Ctrl+C (SIGINT) to the event loop while one runs on the JVM's main thread, as Python
 * does, then stops routing it.
 *
 * <p>The n-th SIGINT runs the n-th of the responses given at installation; once they are used up,
 * a further one goes to the handler the JVM had before (by default: the JVM exits), so that a
 * program whose loop no longer answers can still be stopped. A SIGINT handler added to a loop
 * ({@code EventLoop.addSignalHandler}) takes precedence while it is installed (see
 * {@link SignalDispatch}).
 */
public final class Sigint implements AutoCloseable {
    private static final String INT = "INT";
    private static Sigint active;

    private final Runnable relay;
    private final JvmSignal.Handler previous;
    private final AtomicInteger received = new AtomicInteger();

    private Sigint(Runnable[] responses) {
        this.relay = () -> {
            int n = received.getAndIncrement();
            if (n < responses.length) {
                responses[n].run();
            } else if (previousHandler() != null) {
                previousHandler().run();
            }
        };
        this.previous = SignalDispatch.setRelay(INT, relay);
    }

    /**
     * Installs {@code responses} (the first for the first SIGINT, and so on) if the caller is the
     * main thread and no other relay is active; returns null otherwise (also when the JVM reserves
     * SIGINT, as with {@code -Xrs}).
     */
    public static synchronized Sigint installOnMainThread(Runnable... responses) {
        Thread current = Thread.currentThread();
        if (active != null || current.isVirtual() || !"main".equals(current.getName())) {
            return null;
        }
        try {
            active = new Sigint(responses.clone());
            return active;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** How many SIGINTs arrived while installed. */
    public int received() {
        return received.get();
    }

    private JvmSignal.Handler previousHandler() {
        return previous;
    }

    @Override
    public void close() {
        synchronized (Sigint.class) {
            if (active == this) {
                SignalDispatch.clearRelay(INT, relay);
                active = null;
            }
        }
    }
}
