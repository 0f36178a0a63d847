// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import org.asyncio4j.net.Transport;

/**
 * Control of a running child process and access to its pipes. asyncio's
 * {@code asyncio.SubprocessTransport}.
 *
 * {@snippet :
 * SubprocessTransport t = connection.transport();
 * t.getPipeTransport(0).write("input\n".getBytes(StandardCharsets.UTF_8));
 * t.getPipeTransport(0).close();   // the child sees end of input
 * t.terminate();                   // SIGTERM
 * }
 *
 * <h2>Return codes</h2>
 * {@link #getReturncode()} is null while the process runs, its exit status once it has exited,
 * and {@code -N} if signal {@code N} killed it, as asyncio reports. The JDK reports a death by
 * signal {@code N} as status {@code 128 + N}, exactly like a shell, so an explicit
 * {@code exit(128 + N)} (N from 1 to 64) is reported as {@code -N} as well.
 *
 * <h2>Threads</h2>
 * Not thread-safe: use it from its loop's tasks and callbacks.
 */
public interface SubprocessTransport {

    /** {@return the child's process id} */
    long getPid();

    /**
     * {@return null while the process runs; then its exit status, or {@code -N} if signal
     * {@code N} killed it}
     */
    Integer getReturncode();

    /**
     * The pipe transport of {@code fd}: 0 (stdin, writable), 1 (stdout) or 2 (stderr), both
     * readable; null if that stream is not a pipe.
     *
     * @param fd the child's stream number: 0, 1 or 2
     * @return the pipe's transport, or null if that stream is not a pipe
     */
    Transport getPipeTransport(int fd);

    /**
     * Sends signal number {@code signal} to the child; does nothing if it has already exited.
     *
     * @param signal the signal number, such as 15 for SIGTERM
     * @throws IllegalStateException if the transport has finished (the process exited and its pipes closed)
     */
    void sendSignal(int signal);

    /**
     * Sends the signal named {@code signal} ({@code "SIGUSR1"} or {@code "USR1"}); see
     * {@link #sendSignal(int)}.
     *
     * @param signal the signal's name, with or without the {@code SIG} prefix
     */
    void sendSignal(String signal);

    /** Asks the child to stop: SIGTERM. */
    void terminate();

    /** Kills the child: SIGKILL. */
    void kill();

    /**
     * Closes the pipes and kills the child if it is still running (as asyncio does). Closing
     * twice does nothing.
     */
    void close();

    /** {@return whether {@link #close()} was called} */
    boolean isClosing();

    /** {@return the protocol receiving this transport's events} */

    SubprocessProtocol getProtocol();
}
