// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.util.Objects;
import java.util.function.Function;

/**
 * Lets internal packages above the loop (network I/O) reach the {@link LoopCore} of an
 * {@code EventLoop} without making it public API: the event loop installs the accessor once, in
 * its static initialiser, the way the JDK's {@code SharedSecrets} hand out package-private access.
 *
 * <p>The loop is typed as {@code Object} so that this low layer does not import the event loop.
 */
public final class CoreAccess {
    private static volatile Function<Object, LoopCore> accessor;

    private CoreAccess() {
    }

    /** Called once by the event loop class. */
    public static void install(Function<Object, LoopCore> coreOfLoop) {
        if (accessor != null) {
            throw new IllegalStateException("the loop core accessor is already installed");
        }
        accessor = Objects.requireNonNull(coreOfLoop);
    }

    /** The core of {@code eventLoop}, an {@code org.asyncio4j.EventLoop}. */
    public static LoopCore coreOf(Object eventLoop) {
        return accessor.apply(Objects.requireNonNull(eventLoop, "eventLoop"));
    }
}
