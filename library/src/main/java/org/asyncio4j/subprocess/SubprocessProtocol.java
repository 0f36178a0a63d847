// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

/**
 * What a child process's transport tells its protocol: the process started, data on its stdout
 * or stderr, the end of each pipe, the process's exit, and the end of it all. asyncio's
 * {@code asyncio.SubprocessProtocol}.
 *
 * {@snippet :
 * final class Collect implements SubprocessProtocol {
 *     final ByteArrayOutputStream out = new ByteArrayOutputStream();
 *     @Override public void pipeDataReceived(int fd, byte[] data) { if (fd == 1) out.writeBytes(data); }
 *     @Override public void processExited() { System.out.println("exited"); }
 * }
 * SubprocessConnection<Collect> c = Subprocesses.subprocessExec(Collect::new, "ls", List.of(), SubprocessOptions.pipes());
 * }
 *
 * <p>Call order: {@code connectionMade}; then, interleaved, {@code pipeDataReceived} and
 * {@code pipeConnectionLost} for each pipe and {@code processExited} once; last,
 * {@code connectionLost} once the process has exited and every pipe is closed.
 *
 * <h2>Threads</h2>
 * Every method runs on the loop's thread, one at a time; none may block.
 */
public interface SubprocessProtocol {

    /**
     * The process started; {@code transport} controls it.
     *
     * @param transport controls the child and its pipes
     */
    default void connectionMade(SubprocessTransport transport) {
    }

    /**
     * The child wrote {@code data} to its stdout ({@code fd} 1) or stderr ({@code fd} 2); the
     * array is the protocol's.
     *
     * @param fd 1 for stdout, 2 for stderr
     * @param data the bytes read
     */
    default void pipeDataReceived(int fd, byte[] data) {
    }

    /**
     * The pipe for {@code fd} (0, 1 or 2) closed; {@code error} is null at a normal end of stream.
     *
     * @param fd the child's stream number: 0, 1 or 2
     * @param error why the pipe failed, or null at a normal end
     */
    default void pipeConnectionLost(int fd, Exception error) {
    }

    /** The process exited; its return code is the transport's {@link SubprocessTransport#getReturncode()}. */
    default void processExited() {
    }

    /**
     * The process exited and every pipe is closed; called once, last.
     *
     * @param error always null here: a subprocess connection ends when the child exits
     */

    default void connectionLost(Exception error) {
    }

    /** The stdin pipe's buffer went above its high-water mark: stop writing until {@link #resumeWriting()}. */
    default void pauseWriting() {
    }

    /** The stdin pipe's buffer drained to its low-water mark. */
    default void resumeWriting() {
    }
}
