// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.util.Objects;

/**
 * The one door from the layers above the core (network I/O, subprocesses, the primitives'
 * waiting line) to a loop's {@link LoopCore}, in the manner of the JDK's {@code SharedSecrets}:
 * the event loop installs the way from a loop to its core once, in its static initialiser, and
 * each class of the library that needs it asks once and keeps it in a static final field:
 *
 * {@snippet :
 * private static final CoreAccess.Loops LOOPS = CoreAccess.loops();
 *
 * SelectionKey key = LOOPS.io(loop).register(channel, 0, null);
 * }
 *
 * <p>What it gives is the core's {@link LoopIo} side only: registering channels, the inbox, close
 * hooks and the thread checks. The ready queue, the timers and the loop's own life stay with the
 * event loop and the carrier, which hold the core itself.
 */
public final class CoreAccess {
    private static volatile Loops loops;

    private CoreAccess() {
    }

    /** The event loop's side: the {@link LoopIo} view of a loop's core. */
    @FunctionalInterface
    public interface Loops {
        /** The core of {@code eventLoop}, an {@code org.asyncio4j.EventLoop}, seen as {@link LoopIo}. */
        LoopIo io(Object eventLoop);
    }

    /** Called once, by the event loop class. */
    public static void install(Loops implementation) {
        if (loops != null) {
            throw new IllegalStateException("the loop core accessor is already installed");
        }
        loops = Objects.requireNonNull(implementation);
    }

    /** The way from a loop to its core's {@link LoopIo} view; initialises the event loop class first if needed. */
    public static Loops loops() {
        if (loops == null) {
            try {
                Class.forName("org.asyncio4j.EventLoop", true, CoreAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("org.asyncio4j.EventLoop is missing from the library", e);
            }
        }
        return Objects.requireNonNull(loops, "the event loop class did not install its core accessor");
    }
}
