// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.util.Objects;

/**
 * What the test kit (module {@code org.asyncio4j.test}, artifact {@code asyncio4j-test}) needs of
 * the library beyond its public API: a loop made on another {@link LoopClock}, and a report of
 * the exceptions never retrieved that does not wait for the garbage collector. The library's
 * {@code module-info} exports this package to the kit's module only, so that on the module path
 * no user code reaches it; the kit is released with the library, at the same version, so this
 * contract can change with both. The event loop installs the implementation in its static
 * initialiser, as it does for {@link CoreAccess}.
 *
 * <p>Loops are typed as {@code Object} so that this low layer does not import the event loop.
 */
public final class KitAccess {
    private static volatile Loops loops;

    private KitAccess() {
    }

    /** The event loop's side of the contract. */
    public interface Loops {
        /** A new {@code org.asyncio4j.EventLoop} that reads its time from {@code clock}. */
        Object newLoop(LoopClock clock);

        /**
         * Reports now, to {@code loop}'s exception handler and on the calling thread, each
         * exception of one of its futures that was never retrieved ("Task exception was never
         * retrieved"), once; returns how many.
         */
        int reportUnretrievedExceptions(Object loop);

        /**
         * Whether {@code loop} has something to run without moving its clock: a callback or task
         * step ready (or queued by another thread), or a timer due now. Loop thread only.
         */
        boolean hasWorkNow(Object loop);
    }

    /** Called once by the event loop class. */
    public static void install(Loops implementation) {
        if (loops != null) {
            throw new IllegalStateException("the test kit's access is already installed");
        }
        loops = Objects.requireNonNull(implementation);
    }

    /** The installed implementation; initialises the event loop class first if needed. */
    public static Loops loops() {
        if (loops == null) {
            try {
                Class.forName("org.asyncio4j.EventLoop", true, KitAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("org.asyncio4j.EventLoop is missing from the library", e);
            }
        }
        return loops;
    }
}
