package org.asyncio4j.internal.signals;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Routes Ctrl+C (SIGINT) to the event loop while one runs on the JVM's main thread, as Python
 * does, then puts the previous handler back.
 *
 * <p>Only the first SIGINT goes to {@code onInterrupt}; a second one, while the first is still
 * being handled, goes to the previous handler (by default: the JVM exits), so a program that
 * ignores the first can still be stopped.
 */
public final class Sigint implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private static Sigint active;

    private final SignalHandler previous;
    private final AtomicInteger received = new AtomicInteger();

    private Sigint(Runnable onInterrupt) {
        this.previous = Signal.handle(INT, signal -> {
            if (received.getAndIncrement() == 0) {
                onInterrupt.run();
            } else if (previousHandler() != null) {
                previousHandler().handle(signal);
            }
        });
    }

    /**
     * Installs {@code onInterrupt} if the caller is the main thread and no other relay is active;
     * returns null otherwise (also when the JVM reserves SIGINT, as with {@code -Xrs}).
     */
    public static synchronized Sigint installOnMainThread(Runnable onInterrupt) {
        Thread current = Thread.currentThread();
        if (active != null || current.isVirtual() || !"main".equals(current.getName())) {
            return null;
        }
        try {
            active = new Sigint(onInterrupt);
            return active;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** How many SIGINTs arrived while installed. */
    public int received() {
        return received.get();
    }

    private SignalHandler previousHandler() {
        return previous == SignalHandler.SIG_IGN || previous == SignalHandler.SIG_DFL ? null : previous;
    }

    @Override
    public void close() {
        synchronized (Sigint.class) {
            if (active == this) {
                Signal.handle(INT, previous);
                active = null;
            }
        }
    }
}
