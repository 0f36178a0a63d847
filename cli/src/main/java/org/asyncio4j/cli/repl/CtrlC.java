// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import org.asyncio4j.internal.signals.JvmSignal;

/**
 * Sends every Ctrl+C (SIGINT) to an action for as long as it is installed, then puts the
 * previous handler back. The REPL needs every press, not only the first: the library's own
 * relay for {@code Asyncio.run} lets a second press end the JVM, which a shell must not do.
 *
 * {@snippet :
 * try (CtrlC ctrlC = CtrlC.install(() -> System.out.println("interrupted"))) {
 *     // ... each Ctrl+C prints "interrupted"
 * }
 * }
 *
 * <p>The action runs on the JVM's signal thread, concurrently with everything else. The JVM's
 * handler is set through the library's one door to the JDK's unsupported signal API (this tool
 * runs on the class path, where that internal class is visible).
 */
final class CtrlC implements AutoCloseable {
    private static final JvmSignal INT = JvmSignal.named("INT");
    private final JvmSignal.Handler previous;

    private CtrlC(Runnable action) {
        previous = INT.install(action);
    }

    /**
     * Installs {@code action}.
     *
     * @throws IllegalArgumentException if the JVM does not let programs handle SIGINT (as with {@code -Xrs})
     */
    static CtrlC install(Runnable action) {
        return new CtrlC(action);
    }

    @Override
    public void close() {
        INT.restore(previous);
    }
}
