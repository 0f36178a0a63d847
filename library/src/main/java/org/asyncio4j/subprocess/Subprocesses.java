// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.asyncio4j.Asyncio;
import org.asyncio4j.internal.subprocess.ProcessTransport;

/**
 * Starting child processes from a task: as a {@link Subprocess} with streams (asyncio's
 * {@code asyncio.create_subprocess_exec} and {@code create_subprocess_shell}) or with a
 * {@link SubprocessProtocol} (asyncio's {@code loop.subprocess_exec} and {@code subprocess_shell}).
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Subprocess ls = Subprocesses.createSubprocessExec("ls", List.of("-l"), SubprocessOptions.defaults().stdout(Stdio.PIPE));
 *     for (byte[] line : ls.stdout()) {               // line by line, while ls runs
 *         System.out.print(new String(line, StandardCharsets.UTF_8));
 *     }
 *     System.out.println("exit " + ls.await());
 * });
 * }
 *
 * <h2>How the child is started and its pipes are run</h2>
 * On Linux, with native access enabled ({@code --enable-native-access=ALL-UNNAMED}, or
 * {@code =org.asyncio4j} on the module path), the child is started with {@code posix_spawn}
 * through the FFM API, on the loop (it blocks the loop until the child has called {@code exec},
 * as asyncio's spawn does), and its pipes and its exit are watched by the loop's selector like
 * sockets: no thread per child, and the exact exit status ({@code -N} only for a death by signal
 * {@code N}). Elsewhere, or with {@code -Dasyncio4j.subprocess=jdk}, it is started with
 * {@link ProcessBuilder} on the loop's default executor, and each pipe has a platform thread that
 * does the blocking reads or writes (Java's process pipes cannot join the selector); the JDK then
 * reports a death by signal {@code N} as exit status {@code 128 + N}, read back as {@code -N}. On
 * both, reading stops while the reader's buffer is full, so a child that writes without end to a
 * reader that does not read is slowed down by the pipe instead of filling this JVM's memory.
 *
 * <h2>Cancellation</h2>
 * Cancelling the task while the child starts kills the child. Cancelling later waits leaves it
 * running (see {@link Subprocess}).
 *
 * <h2>Closing the loop</h2>
 * A child whose transport is still open when its loop closes is killed, as asyncio does when
 * such a transport is collected, and reaped. Children that have exited,
 * or whose transport was closed, are left alone.
 */
public final class Subprocesses {
    private Subprocesses() {
    }

    /**
     * Runs {@code program} with {@code args}, every stream inherited: asyncio's
     * {@code create_subprocess_exec(program, *args)}.
     *
     * @param program the program to run, found on the PATH unless it is a path
     * @param args its arguments
     * @return the running child
     * @throws IOException if the child could not be started
     */
    public static Subprocess createSubprocessExec(String program, String... args) throws IOException {
        Objects.requireNonNull(args, "args");
        return createSubprocessExec(program, Arrays.asList(args), SubprocessOptions.defaults());
    }

    /**
     * Runs {@code program} (found on the PATH unless it is a path) with {@code args}, no shell
     * involved: asyncio's {@code create_subprocess_exec}.
     *
     * @param program the program to run
     * @param args its arguments
     * @param options how to connect its streams, and its working directory and environment
     * @return the running child
     * @throws java.io.FileNotFoundException if the program or the working directory does not exist
     * @throws IOException if the child could not be started
     */
    public static Subprocess createSubprocessExec(String program, List<String> args, SubprocessOptions options) throws IOException {
        return start(command(program, args), options);
    }

    /**
     * Runs {@code command} with the system shell, every stream inherited: asyncio's
     * {@code create_subprocess_shell(cmd)}.
     *
     * @param command the shell command line
     * @return the running shell
     * @throws IOException if the shell could not be started
     */
    public static Subprocess createSubprocessShell(String command) throws IOException {
        return createSubprocessShell(command, SubprocessOptions.defaults());
    }

    /**
     * Runs {@code command} with the system shell ({@code /bin/sh -c}; {@code cmd.exe /c} on
     * Windows), so pipelines, redirections and globs work: asyncio's {@code create_subprocess_shell}.
     * Quote anything that comes from outside yourself.
     *
     * @param command the shell command line
     * @param options how to connect its streams, and its working directory and environment
     * @return the running shell
     * @throws IOException if the shell could not be started
     */
    public static Subprocess createSubprocessShell(String command, SubprocessOptions options) throws IOException {
        return start(shell(command), options);
    }

    /**
     * Runs {@code program} with {@code args} and connects it to a protocol made by
     * {@code protocolFactory}: asyncio's {@code loop.subprocess_exec}.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the protocol that receives the child's output and exit
     * @param program the program to run, found on the PATH unless it is a path
     * @param args its arguments
     * @param options how to connect its streams, and its working directory and environment
     * @return the child's transport and the protocol made for it
     * @throws IOException if the child could not be started
     */
    public static <P extends SubprocessProtocol> SubprocessConnection<P> subprocessExec(
            Supplier<P> protocolFactory, String program, List<String> args, SubprocessOptions options) throws IOException {
        return connect(protocolFactory, command(program, args), options);
    }

    /**
     * {@link #subprocessExec} through the system shell: asyncio's {@code loop.subprocess_shell}.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the protocol that receives the shell's output and exit
     * @param command the shell command line
     * @param options how to connect its streams, and its working directory and environment
     * @return the shell's transport and the protocol made for it
     * @throws IOException if the shell could not be started
     */

    public static <P extends SubprocessProtocol> SubprocessConnection<P> subprocessShell(
            Supplier<P> protocolFactory, String command, SubprocessOptions options) throws IOException {
        return connect(protocolFactory, shell(command), options);
    }

    private static Subprocess start(List<String> command, SubprocessOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        SubprocessStreamProtocol protocol = new SubprocessStreamProtocol(options.limit());
        ProcessTransport transport = ProcessTransport.start(Asyncio.getRunningLoop(), command, options, protocol);
        return new Subprocess(transport, protocol);
    }

    private static <P extends SubprocessProtocol> SubprocessConnection<P> connect(
            Supplier<P> protocolFactory, List<String> command, SubprocessOptions options) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        P protocol = Objects.requireNonNull(protocolFactory.get(), "the protocol factory returned null");
        ProcessTransport transport = ProcessTransport.start(Asyncio.getRunningLoop(), command, options, protocol);
        return new SubprocessConnection<>(transport, protocol);
    }

    private static List<String> command(String program, List<String> args) {
        Objects.requireNonNull(program, "program");
        if (program.isEmpty()) {
            throw new IllegalArgumentException("program must not be empty");
        }
        Objects.requireNonNull(args, "args");
        List<String> command = new ArrayList<>(1 + args.size());
        command.add(program);
        for (String arg : args) {
            command.add(Objects.requireNonNull(arg, "args contains null"));
        }
        return command;
    }

    private static List<String> shell(String command) {
        Objects.requireNonNull(command, "command");
        return File.separatorChar == '\\' ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
    }
}
