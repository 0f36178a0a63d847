// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.signals;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * One operating-system signal as the JVM delivers it: the one place that touches the JDK's
 * unsupported signal API ({@code Signal} and {@code SignalHandler} of module
 * {@code jdk.unsupported}).
 *
 * <p>Java 25 has no supported API for handling a signal. The unsupported one is reached through
 * method handles (and its handler interface implemented through {@link LambdaMetafactory}, as
 * javac does for a lambda) rather than named in the source, so that no class needs it at compile time
 * (javac warns on every use of it, with no way to turn that off). Without that module (a jlink
 * image that left it out) the first use fails with a message that says what to add. When the JDK
 * grows a supported signal API, only this class changes.
 */
public final class JvmSignal {
    private static final String SIGNAL = "sun.misc.Signal";
    private static final String HANDLER = "sun.misc.SignalHandler";
    private static final Api API;
    private static final RuntimeException UNAVAILABLE;

    /** The unsupported API as method handles, each typed with {@code Object} for its classes. */
    private record Api(MethodHandle newSignal, MethodHandle number, MethodHandle newHandler,
                       MethodHandle install, MethodHandle call, Object defaultAction, Object ignore) {
        static Api find() throws Throwable {
            Class<?> signal = Class.forName(SIGNAL);
            Class<?> handler = Class.forName(HANDLER);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodType untyped = MethodType.methodType(Object.class, Object.class);
            // a SignalHandler made as javac makes a lambda: its handle(Signal) runs a Runnable
            MethodHandles.Lookup here = MethodHandles.lookup();
            MethodHandle runIgnoringSignal = here.findStatic(JvmSignal.class, "run",
                    MethodType.methodType(void.class, Runnable.class, Object.class));
            MethodHandle newHandler = LambdaMetafactory.metafactory(here, "handle",
                    MethodType.methodType(handler, Runnable.class), MethodType.methodType(void.class, signal),
                    runIgnoringSignal, MethodType.methodType(void.class, signal)).getTarget()
                    .asType(MethodType.methodType(Object.class, Runnable.class));
            return new Api(
                    lookup.findConstructor(signal, MethodType.methodType(void.class, String.class))
                            .asType(MethodType.methodType(Object.class, String.class)),
                    lookup.findVirtual(signal, "getNumber", MethodType.methodType(int.class))
                            .asType(MethodType.methodType(int.class, Object.class)),
                    newHandler,
                    lookup.findStatic(signal, "handle", MethodType.methodType(handler, signal, handler))
                            .asType(untyped.appendParameterTypes(Object.class)),
                    lookup.findVirtual(handler, "handle", MethodType.methodType(void.class, signal))
                            .asType(MethodType.methodType(void.class, Object.class, Object.class)),
                    lookup.findStaticGetter(handler, "SIG_DFL", handler).invoke(),
                    lookup.findStaticGetter(handler, "SIG_IGN", handler).invoke());
        }
    }

    static {
        Api api = null;
        RuntimeException failure = null;
        try {
            api = Api.find();
        } catch (Throwable e) {
            failure = new UnsupportedOperationException("asyncio4j handles signals (Ctrl+C, addSignalHandler) through the JDK's "
                    + SIGNAL + ", which this JVM does not offer; run it on a JDK or an image that has module jdk.unsupported"
                    + " (jlink: --add-modules jdk.unsupported)", e);
        }
        API = api;
        UNAVAILABLE = failure;
    }

    private final String name;
    private final Object signal;

    private JvmSignal(String name, Object signal) {
        this.name = name;
        this.signal = signal;
    }

    /**
     * The signal {@code bareName} names ({@code "INT"}, {@code "TERM"}, ...; no {@code SIG} prefix).
     *
     * @param bareName the signal's name without its {@code SIG} prefix
     * @return the signal
     * @throws IllegalArgumentException if this system has no such signal
     * @throws UnsupportedOperationException if this JVM offers no signal API (the message says what to add)
     */
    public static JvmSignal named(String bareName) {
        return new JvmSignal(bareName, invoke(() -> api().newSignal.invokeExact(bareName)));
    }

    /**
     * {@return the number this system gives the signal {@code bareName}}
     *
     * @param bareName the signal's name without its {@code SIG} prefix
     * @throws IllegalArgumentException if this system has no such signal
     * @throws UnsupportedOperationException if this JVM offers no signal API
     */
    public static int number(String bareName) {
        JvmSignal named = named(bareName);
        return (Integer) invoke(() -> (int) api().number.invokeExact(named.signal));
    }

    /** {@return the signal's name without its {@code SIG} prefix} */
    public String name() {
        return name;
    }

    /**
     * Makes {@code receiver} what the JVM runs, on a signal thread of its own, each time this
     * signal arrives.
     *
     * @param receiver what to run
     * @return the handler it replaces, to {@link #restore} later or to pass the signal on to
     * @throws IllegalArgumentException if the JVM or the system keeps the signal for itself
     *     (SIGKILL, SIGSTOP, SIGQUIT; SIGINT, SIGTERM and SIGHUP under {@code -Xrs})
     */
    public Handler install(Runnable receiver) {
        Objects.requireNonNull(receiver, "receiver");
        return swap(invoke(() -> api().newHandler.invokeExact(receiver)));
    }

    /** The body of every handler {@link #install} makes: the JVM passes the signal, which the receiver does not need. */
    private static void run(Runnable receiver, Object signal) {
        receiver.run();
    }

    /**
     * Puts back {@code previous}, a handler {@link #install} returned for this signal.
     *
     * @param previous the handler to put back
     */
    public void restore(Handler previous) {
        swap(previous.handler);
    }

    private Handler swap(Object handler) {
        return new Handler(signal, invoke(() -> api().install.invokeExact(signal, handler)));
    }

    /**
     * A handler the JVM held for a signal: code to run, or one of the JVM's own actions (the
     * default one, or ignoring the signal). Two are equal if they are the same JVM handler.
     *
     * @param signal the signal it was installed for (a {@code sun.misc.Signal})
     * @param handler the JVM's handler (a {@code sun.misc.SignalHandler})
     */
    public record Handler(Object signal, Object handler) {
        /** {@return whether it is code to run, rather than the JVM's default action or ignoring the signal} */
        public boolean isCallable() {
            Api api = api();
            return handler != null && handler != api.defaultAction && handler != api.ignore;
        }

        /** Runs it as if its signal had arrived, on the caller's thread. */
        public void run() {
            invoke(() -> {
                api().call.invokeExact(handler, signal);
                return null;
            });
        }
    }

    private static Api api() {
        if (UNAVAILABLE != null) {
            throw new UnsupportedOperationException(UNAVAILABLE.getMessage(), UNAVAILABLE.getCause());
        }
        return API;
    }

    /** A call into the API; what it throws (IllegalArgumentException for a bad signal, say) comes out unchanged. */
    @FunctionalInterface
    private interface Call {
        Object call() throws Throwable;
    }

    private static Object invoke(Call call) {
        try {
            return call.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the JVM's signal API failed", e);
        }
    }
}
