// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

/**
 * The user pressed Ctrl+C (SIGINT). Python's {@code KeyboardInterrupt}.
 *
 * <p>{@link Asyncio#run} turns the first SIGINT into cancellation of the main task and, once that
 * task has finished cancelled, throws this. An event loop run by hand on the JVM's main thread
 * ({@link EventLoop#runForever()}, {@link EventLoop#runUntilComplete}) throws it out of the
 * running method, as Python's loop does; the loop can then be run again to let tasks clean up.
 * A second Ctrl+C while {@link Asyncio#run} waits for a {@code main} that swallowed the
 * cancellation throws this at once; a Ctrl+C that the loop cannot answer any more (a third in
 * {@code Asyncio.run}, a second in a loop run by hand) ends the JVM as usual.
 *
 * {@snippet :
 * try {
 *     loop.runUntilComplete(main);
 * } catch (KeyboardInterrupt e) {
 *     for (Task<?> task : loop.allTasks()) {
 *         task.cancel();
 *     }
 *     loop.stop();
 *     loop.runForever(); // let the cancelled tasks run their cleanup
 * } finally {
 *     loop.close();
 * }
 * }
 */
public class KeyboardInterrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An interrupt with the message {@code "interrupted by SIGINT (Ctrl+C)"}. */
    public KeyboardInterrupt() {
        super("interrupted by SIGINT (Ctrl+C)");
    }
}
