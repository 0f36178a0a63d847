// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.signals;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one JVM handler asyncio4j installs per signal, and who receives each signal: the handler a
 * loop added ({@code EventLoop.addSignalHandler}) first, then the Ctrl+C relay of a running
 * {@code Asyncio.run} or {@code runForever} (SIGINT only), then whatever handled the signal before
 * asyncio4j touched it. When neither is set any more, that original handler is put back.
 */
public final class SignalDispatch {
    private static final Map<String, Slot> SLOTS = new HashMap<>();

    /** One signal's receivers; the fields change under the class lock and are read by the JVM's signal thread. */
    private static final class Slot {
        final JvmSignal signal;
        volatile JvmSignal.Handler original;
        volatile Runnable loopHandler;
        volatile Runnable relay;

        Slot(JvmSignal signal) {
            this.signal = signal;
        }

        void dispatch() {
            Runnable handler = loopHandler;
            Runnable fallback = relay;
            JvmSignal.Handler before = original; // null only for a signal that arrives while the slot is being made
            if (handler != null) {
                handler.run();
            } else if (fallback != null) {
                fallback.run();
            } else if (before != null && before.isCallable()) {
                before.run();
            }
        }
    }

    private SignalDispatch() {
    }

    /** {@code "SIGUSR1"}, {@code "sigusr1"} and {@code "USR1"} all name SIGUSR1; returns {@code "USR1"}. */
    public static String bareName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("SIG") ? upper.substring(3) : upper;
    }

    /**
     * Makes {@code handler} the receiver of signal {@code bareName}, replacing the previous loop
     * handler, and returns it as the token for {@link #removeLoopHandler}.
     *
     * @throws IllegalArgumentException if the signal is unknown or the JVM keeps it for itself
     */
    public static synchronized Object setLoopHandler(String bareName, Runnable handler) {
        Slot slot = slot(bareName);
        slot.loopHandler = handler;
        return handler;
    }

    /** Removes the loop handler {@code token} of the signal if it is still the current one; returns whether it was. */
    public static synchronized boolean removeLoopHandler(String bareName, Object token) {
        Slot slot = SLOTS.get(bareName);
        if (slot == null || slot.loopHandler != token) {
            return false;
        }
        slot.loopHandler = null;
        releaseIfUnused(slot);
        return true;
    }

    /** Installs the Ctrl+C relay; returns the handler the JVM had before asyncio4j (null if it was the default or ignore). */
    static synchronized JvmSignal.Handler setRelay(String bareName, Runnable relay) {
        Slot slot = slot(bareName);
        slot.relay = relay;
        return slot.original.isCallable() ? slot.original : null;
    }

    static synchronized void clearRelay(String bareName, Runnable relay) {
        Slot slot = SLOTS.get(bareName);
        if (slot != null && slot.relay == relay) {
            slot.relay = null;
            releaseIfUnused(slot);
        }
    }

    private static Slot slot(String bareName) {
        Slot slot = SLOTS.get(bareName);
        if (slot != null) {
            return slot;
        }
        JvmSignal signal;
        try {
            signal = JvmSignal.named(bareName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown signal '" + bareName + "'; use one of SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2", e);
        }
        Slot created = new Slot(signal);
        try {
            created.original = signal.install(created::dispatch);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("Signal SIG" + bareName + " cannot be handled: the JVM or the operating system"
                    + " keeps it (SIGKILL and SIGSTOP never reach a program; the JVM uses SIGQUIT for thread dumps;"
                    + " -Xrs reserves SIGINT, SIGTERM and SIGHUP); use SIGINT, SIGTERM, SIGHUP, SIGUSR1 or SIGUSR2", e);
        }
        SLOTS.put(bareName, created);
        return created;
    }

    private static void releaseIfUnused(Slot slot) {
        if (slot.loopHandler == null && slot.relay == null) {
            slot.signal.restore(slot.original);
            SLOTS.remove(slot.signal.name());
        }
    }
}
