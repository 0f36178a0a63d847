// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.lang.invoke.MethodHandles;
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
 * <p>Only the library may {@link #install} it, but unlike {@link CoreAccess#loops},
 * {@link #loops()} does not check its caller on the class path (where the kit is another jar, which
 * the library cannot tell from user code): it makes a loop on a clock of the caller's own, reports
 * errors a loop would report anyway, and reads whether a loop has work; none of it reaches into a
 * loop's queues.
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

    /**
     * Called once, by the event loop class.
     *
     * @param caller the caller's own {@code MethodHandles.lookup()}
     * @throws IllegalCallerException if {@code caller} is not a full-privilege lookup of a class of this library (see {@link CoreAccess})
     */
    public static void install(MethodHandles.Lookup caller, Loops implementation) {
        CoreAccess.requireLibrary(caller, "KitAccess.install");
        if (loops != null) {
            throw new IllegalStateException("the test kit's access is already installed");
        }
        loops = Objects.requireNonNull(implementation);
    }

    /** The installed implementation; initialises the event loop class first if needed. */
    public static Loops loops() {
        if (loops == null) {
            CoreAccess.initialiseEventLoop();
        }
        return loops;
    }
}
