// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.io.IOException;
import org.asyncio4j.net.Protocol;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.Transports;

/**
 * The condition a micro case runs in: a bare loop, or a loop loaded with one idle listening
 * socket, as the loop of every server is. A loop that has no channel to watch never needs to
 * poll; a server's loop does, so the two conditions are measured and shown side by side.
 *
 * <p>A loaded figure's case name carries the suffix {@code _loaded} ({@code callsoon_loaded}),
 * on every system that has a loop.
 *
 * {@snippet :
 * try (AutoCloseable watched = Condition.current().open()) {
 *     // ... the timed work, on the running loop ...
 * }
 * }
 */
public enum Condition {
    /** No channel registered with the loop. */
    BARE(""),
    /** One listening TCP socket on 127.0.0.1 registered with the loop, which no one connects to. */
    LOADED("_loaded");

    private static volatile Condition current = BARE;

    private final String suffix;

    Condition(String suffix) {
        this.suffix = suffix;
    }

    /** The condition this JVM's cases run in ({@code bench.Main --loaded} sets it). */
    public static Condition current() {
        return current;
    }

    /** Sets the condition the cases run in from now on (for the JMH cross-check; {@code Main --loaded} for a run). */
    public static void set(Condition condition) {
        current = condition;
    }

    /** {@code kase} as figures of this condition name it. */
    public String caseName(String kase) {
        return kase + suffix;
    }

    /**
     * Sets up the condition on the running loop; closing the result tears it down.
     *
     * @throws IOException if the idle listener cannot be opened
     */
    public AutoCloseable open() throws IOException {
        if (this == BARE) {
            return () -> { };
        }
        Server idle = Transports.createServer(() -> new Protocol() { }, "127.0.0.1", 0);
        return idle;
    }
}
