// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Coroutine;
import org.asyncio4j.internal.subprocess.ProcessTransport;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;

/**
 * A running child process with streams for its pipes, made by
 * {@link Subprocesses#createSubprocessExec} or {@link Subprocesses#createSubprocessShell}.
 * asyncio's {@code asyncio.subprocess.Process}.
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Subprocess p = Subprocesses.createSubprocessExec("sort", List.of(), SubprocessOptions.pipes());
 *     ProcessOutput out = p.communicate("b\na\n".getBytes(StandardCharsets.UTF_8));
 *     System.out.print(out.stdoutText());     // a, then b
 *     System.out.println(p.returncode());      // 0
 * });
 * }
 *
 * <h2>Reading while it runs</h2>
 * {@link #stdout()} is a {@link StreamReader}: {@code readline()}, or a for-each over its lines,
 * parks only the calling task. Read stdout and stderr together (or use {@link #communicate}):
 * a child blocked on a full stderr pipe stops writing stdout too.
 *
 * <h2>Cancellation</h2>
 * Cancelling a task parked in {@link #await()} or {@link #communicate} leaves the child running
 * and this object usable: wait again, kill it, or read on (output that {@code communicate} had
 * already read is lost, as in asyncio).
 *
 * <h2>Threads</h2>
 * Not thread-safe: use it from its loop's tasks.
 */
public final class Subprocess {
    private final ProcessTransport transport;
    private final SubprocessStreamProtocol protocol;

    Subprocess(ProcessTransport transport, SubprocessStreamProtocol protocol) {
        this.transport = transport;
        this.protocol = protocol;
    }

    /** {@return the writer to the child's stdin, or null if stdin is not {@link Stdio#PIPE}} */
    public StreamWriter stdin() {
        return protocol.stdin();
    }

    /** {@return the reader of the child's stdout, or null if stdout is not {@link Stdio#PIPE}} */
    public StreamReader stdout() {
        return protocol.stdout();
    }

    /** {@return the reader of the child's stderr, or null if stderr is not {@link Stdio#PIPE}} */
    public StreamReader stderr() {
        return protocol.stderr();
    }

    /** {@return the child's process id} asyncio's {@code process.pid}. */
    public long pid() {
        return transport.getPid();
    }

    /**
     * Null while the child runs (or until its exit has been observed); then its exit status, or
     * {@code -N} if signal {@code N} killed it (see {@link SubprocessTransport} on return codes).
     *
     * @return the return code, or null if the exit has not been observed yet
     */
    public Integer returncode() {
        return transport.getReturncode();
    }

    /** {@return the transport underneath} It gives the pipe transports and sends signals. */
    public SubprocessTransport transport() {
        return transport;
    }

    /**
     * Parks until the child exits and its output pipes are closed, and returns its return code.
     * asyncio's {@code await process.wait()} ({@code wait} is taken by {@link Object#wait()}).
     *
     * <p>With stdout or stderr piped, read them meanwhile (or use {@link #communicate}): a child
     * that fills a pipe nobody reads blocks, and so does this wait.
     *
     * @return the return code: the exit status, or {@code -N} if signal {@code N} killed the child
     */
    public int await() {
        return transport.awaitExit();
    }

    /**
     * Writes {@code input} (if not null) to stdin and closes it, reads stdout and stderr to their
     * end, all at once, then waits for the exit. No deadlock whatever the sizes: the three run as
     * tasks side by side. A child that exits without reading all its input is not an error.
     *
     * @param input the bytes to write to stdin, or null to write nothing (stdin is closed either way)
     * @return everything the child wrote to its piped stdout and stderr
     * @throws IOException if reading the child's output fails
     * @throws IllegalStateException if {@code input} is given but stdin is not a pipe
     */
    public ProcessOutput communicate(byte[] input) throws IOException {
        StreamWriter in = stdin();
        if (input != null && in == null) {
            throw new IllegalStateException("communicate(input) needs stdin to be Stdio.PIPE");
        }
        Coroutine<byte[]> feed = () -> {
            feedStdin(in, input);
            return null;
        };
        List<byte[]> outputs;
        try {
            outputs = Asyncio.gather(feed, () -> readAll(stdout(), 1), () -> readAll(stderr(), 2)).await();
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        await();
        return new ProcessOutput(outputs.get(1), outputs.get(2));
    }

    private static void feedStdin(StreamWriter in, byte[] input) {
        if (in == null) {
            return;
        }
        try {
            if (input != null && input.length > 0) {
                in.write(input);
                in.drain();
            }
        } catch (IOException childStoppedReading) {
            // asyncio ignores a broken pipe here too: the exit status and the output tell the story
        }
        in.close();
    }

    private byte[] readAll(StreamReader reader, int fd) throws IOException {
        if (reader == null) {
            return null;
        }
        byte[] all = reader.read();
        transport.getPipeTransport(fd).close();
        return all;
    }

    /**
     * Sends signal number {@code signal}; see {@link SubprocessTransport#sendSignal(int)}.
     *
     * @param signal the signal number, such as 15 for SIGTERM
     */
    public void sendSignal(int signal) {
        transport.sendSignal(signal);
    }

    /**
     * Sends the signal named {@code signal}, such as {@code "SIGUSR1"}.
     *
     * @param signal the signal's name
     */

    public void sendSignal(String signal) {
        Objects.requireNonNull(signal, "signal");
        transport.sendSignal(signal);
    }

    /** SIGTERM: asks the child to stop. */
    public void terminate() {
        transport.terminate();
    }

    /** SIGKILL: stops the child at once. */
    public void kill() {
        transport.kill();
    }

    @Override
    public String toString() {
        return "<Subprocess " + transport.getPid() + (returncode() == null ? " running" : " returncode=" + returncode()) + ">";
    }
}
