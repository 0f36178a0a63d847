// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.carrier;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;

/**
 * The one place that binds virtual threads to an event loop.
 *
 * <p>Java 25 has no public API for a virtual-thread scheduler. The JDK's builder for virtual
 * threads has a package-private constructor that takes the scheduler as an {@link Executor};
 * this class reaches it through reflection, which needs {@code java.lang} opened to asyncio4j.
 * Without that, {@link Carriers} chooses the portable mode instead. When the JDK grows a public
 * scheduler API, only this class changes.
 */
public final class LoopCarrier {
    private static final String BUILDER = "java.lang.ThreadBuilders$VirtualThreadBuilder";
    private static final MethodHandle NEW_BUILDER;
    private static final RuntimeException UNAVAILABLE;

    static {
        startJdkPollersOnPlatformThreads();
        MethodHandle handle = null;
        RuntimeException failure = null;
        try {
            var constructor = Class.forName(BUILDER).getDeclaredConstructor(Executor.class);
            constructor.setAccessible(true);
            handle = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asType(MethodType.methodType(Thread.Builder.OfVirtual.class, Executor.class));
        } catch (RuntimeException | ReflectiveOperationException e) {
            failure = new IllegalStateException(missingOpensMessage(), e);
        }
        NEW_BUILDER = handle;
        UNAVAILABLE = failure;
    }

    private LoopCarrier() {
    }

    /**
     * Fails at once, with a message naming the exact JVM flag, if virtual threads cannot be bound
     * to an event loop in this JVM.
     */
    public static void checkAvailable() {
        if (UNAVAILABLE != null) {
            throw new IllegalStateException(UNAVAILABLE.getMessage(), UNAVAILABLE.getCause());
        }
    }

    /** A builder of virtual threads that run only when {@code scheduler} runs their continuations. */
    public static Thread.Builder.OfVirtual builder(Executor scheduler) {
        checkAvailable();
        try {
            return (Thread.Builder.OfVirtual) NEW_BUILDER.invokeExact(scheduler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not create a loop-carried virtual thread builder", e);
        }
    }

    /** Whether virtual threads can be bound to an event loop in this JVM (the flag is there). */
    public static boolean isAvailable() {
        return UNAVAILABLE == null;
    }

    /** The flag this JVM needs, naming this module or ALL-UNNAMED as it is loaded. */
    public static String requiredFlag() {
        Module module = LoopCarrier.class.getModule();
        String target = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        return "--add-opens java.base/java.lang=" + target;
    }

    private static String missingOpensMessage() {
        return "asyncio4j's carrier mode (asyncio4j.carrier=scheduled) runs each task as a virtual thread scheduled by its event loop, which needs "
                + "java.lang opened to it. Start the JVM with " + requiredFlag()
                + " (Maven Surefire: <argLine>; a runnable jar: 'Add-Opens: java.base/java.lang' in its manifest).";
    }

    /**
     * The JDK starts its socket pollers lazily, as virtual threads that inherit the scheduler of
     * the thread that first blocks on a socket. If that were a task, the pollers would live on an
     * event loop and die with it. Starting them here, on the platform thread that first touches
     * asyncio4j, keeps them on the JDK's own scheduler.
     */
    private static void startJdkPollersOnPlatformThreads() {
        if (Thread.currentThread().isVirtual()) {
            return; // a virtual thread of the default scheduler: the pollers inherit that one, which is fine
        }
        try {
            Class.forName("sun.nio.ch.Poller", true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError ignored) {
            // another JDK layout: nothing to start early
        }
    }
}
