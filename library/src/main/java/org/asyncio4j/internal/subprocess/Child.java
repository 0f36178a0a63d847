// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.util.function.IntConsumer;
import org.asyncio4j.net.Transport;

/**
 * A started child as {@link ProcessTransport} drives it, whichever way it was started
 * ({@link SpawnPath}): its pipe transports, its exit, signals and the end of its loop. Loop
 * thread only.
 */
interface Child {
    long pid();

    /**
     * Makes the transport of the child's pipe {@code fd} (0, 1 or 2), or returns null if that
     * stream is not a pipe. Called once per pipe, before {@link #start}; the transport tells
     * {@code owner} through {@link PipeRelay} and {@link ProcessTransport#pipeLost}.
     */
    Transport openPipe(int fd, ProcessTransport owner) throws IOException;

    /** Starts moving the pipes' data and watching for the exit; {@code exited} gets the return code, on the loop. */
    void start(IntConsumer exited);

    /** Whether the exit has not been observed yet. */
    boolean isRunning();

    /** Sends {@code signal} (a valid number) to this very child; does nothing once its exit has been observed. */
    void signal(int signal);

    /** For a child nobody will hold (its protocol failed at once): kills it and releases its pipes. */
    void abandon();

    /**
     * The loop is closing: kills the child if it still runs, waits up to {@code millis} for its
     * exit, and lets nothing of it (thread, zombie) outlive the loop.
     */
    void loopClosing(long millis);
}
