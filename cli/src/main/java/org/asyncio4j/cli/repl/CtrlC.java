// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import sun.misc.Signal;
import sun.misc.SignalHandler;

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
 * <p>The action runs on the JVM's signal thread, concurrently with everything else.
 */
final class CtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private final SignalHandler previous;

    private CtrlC(Runnable action) {
        previous = Signal.handle(INT, signal -> action.run());
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
        Signal.handle(INT, previous);
    }
}
