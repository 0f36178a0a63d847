// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.Locale;
import org.asyncio4j.internal.signals.JvmSignal;
import org.asyncio4j.subprocess.Stdio;
import org.asyncio4j.subprocess.SubprocessOptions;

/**
 * The JDK path's side of a child ({@link SpawnPath#JDK}): starting it with {@link ProcessBuilder}
 * and clear errors, its return code, and signals; and the errors both paths give alike.
 */
final class Spawn {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    private static final int HIGHEST_SIGNAL = 64;

    private Spawn() {
    }

    /**
     * A started child and the ends of its pipes this JVM holds, each null where that stream is not
     * {@link Redirect#PIPE}.
     */
    record Child(Process process, OutputStream stdin, InputStream stdout, InputStream stderr) {
        /** For a child nobody will hold: kills it and closes what this JVM holds of its pipes. */
        void abandon() {
            process.destroyForcibly();
            closeQuietly(stdout);
            closeQuietly(stderr);
        }
    }

    /**
     * Starts the child with {@link #start}; stdout and stderr, where piped, go through an
     * {@link OutputPipe} of ours when one can be made, so that they are read to their own end of
     * file (see there why the JDK's own pipes are not).
     */
    static Child startPiped(ProcessBuilder builder) throws IOException {
        Redirect output = builder.redirectOutput();
        Redirect error = builder.redirectError();
        boolean stdinPiped = builder.redirectInput() == Redirect.PIPE;
        boolean stdoutPiped = output == Redirect.PIPE;
        boolean stderrPiped = error == Redirect.PIPE && !builder.redirectErrorStream();
        List<OutputPipe> own = OutputPipe.open((stdoutPiped ? 1 : 0) + (stderrPiped ? 1 : 0));
        OutputPipe out = own != null && stdoutPiped ? own.getFirst() : null;
        OutputPipe err = own != null && stderrPiped ? own.getLast() : null;
        try {
            if (out != null) {
                builder.redirectOutput(out.redirect());
            }
            if (err != null) {
                builder.redirectError(err.redirect());
            }
            Process process = start(builder);
            return new Child(process, stdinPiped ? process.getOutputStream() : null,
                    !stdoutPiped ? null : out != null ? out.input() : process.getInputStream(),
                    !stderrPiped ? null : err != null ? err.input() : process.getErrorStream());
        } catch (IOException | RuntimeException | Error e) {
            if (own != null) {
                own.forEach(OutputPipe::close);
            }
            throw e;
        } finally {
            // The child has its own write ends now: ours would keep end of file from ever coming.
            if (own != null) {
                own.forEach(OutputPipe::closeWriteEnd);
            }
            builder.redirectOutput(output).redirectError(error);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // the descriptor is released even when close reports an error
        }
    }

    /**
     * Starts the child; a missing program or directory becomes a {@link FileNotFoundException}
     * (asyncio raises {@code FileNotFoundError}) that names it.
     */
    static Process start(ProcessBuilder builder) throws IOException {
        checkDirectory(builder.directory());
        try {
            return builder.start();
        } catch (IOException e) {
            if (e.getCause() instanceof FileNotFoundException redirect) {
                // A file to redirect from or to, which the JDK opens before the spawn: name it, not the program.
                IOException missing = fileFailure(redirect.getMessage(), true);
                missing.initCause(e);
                throw missing;
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("error=2,") || message.contains("No such file")) {
                IOException missing = startFailure(builder.command().getFirst(), 2, "No such file or directory", true);
                missing.initCause(e);
                throw missing;
            }
            throw e;
        }
    }

    /** Refuses a working directory that is not one, naming it. */
    static void checkDirectory(File dir) throws FileNotFoundException {
        if (dir != null && !dir.isDirectory()) {
            throw new FileNotFoundException("The working directory " + dir + " does not exist or is not a directory");
        }
    }

    /** Refuses a NUL character in a command or environment entry, which a C string cannot carry (as {@link ProcessBuilder} does). */
    static void checkNoNul(List<String> values) throws IOException {
        for (String value : values) {
            if (value.indexOf('\u0000') >= 0) {
                throw new IOException("invalid null character in command or environment: '" + value.replace('\u0000', '?') + "'");
            }
        }
    }

    /**
     * Why {@code program} did not start, error number {@code errno} with the system's text for it:
     * a {@link FileNotFoundException} naming the program if it was not found, in the JDK's words otherwise.
     */
    static IOException startFailure(String program, int errno, String text, boolean missing) {
        if (missing) {
            return new FileNotFoundException("No such program: '" + program
                    + "' (not found on the PATH, or the file does not exist); give its full path or fix the PATH");
        }
        return new IOException("Cannot run program \"" + program + "\": error=" + errno + ", " + text);
    }

    /**
     * A file to redirect a stream from or to that could not be opened, {@code message} saying so
     * in {@code FileInputStream}'s words ({@code path (reason)}).
     */
    static IOException fileFailure(String message, boolean missing) {
        return missing ? new FileNotFoundException(message) : new IOException(message);
    }

    /** The builder that runs {@code command} with {@code options}. */
    static ProcessBuilder builder(List<String> command, SubprocessOptions options) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(input(options.stdin()));
        builder.redirectOutput(output(options.stdout()));
        if (options.stderr().kind() == Stdio.Kind.STDOUT) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(output(options.stderr()));
        }
        if (options.cwd() != null) {
            builder.directory(options.cwd().toFile());
        }
        if (options.env() != null) {
            builder.environment().clear();
            builder.environment().putAll(options.env());
        }
        return builder;
    }

    private static Redirect input(Stdio stdio) {
        return switch (stdio.kind()) {
            case PIPE -> Redirect.PIPE;
            case INHERIT -> Redirect.INHERIT;
            case DEVNULL -> Redirect.from(new File(isWindows() ? "NUL" : "/dev/null"));
            case FILE -> Redirect.from(stdio.path().toFile());
            case STDOUT, APPEND -> throw new IllegalArgumentException("stdin cannot be " + stdio);
        };
    }

    private static Redirect output(Stdio stdio) {
        return switch (stdio.kind()) {
            case PIPE -> Redirect.PIPE;
            case INHERIT -> Redirect.INHERIT;
            case DEVNULL -> Redirect.DISCARD;
            case FILE -> Redirect.to(stdio.path().toFile());
            case APPEND -> Redirect.appendTo(stdio.path().toFile());
            case STDOUT -> throw new IllegalArgumentException("only stderr can be Stdio.STDOUT");
        };
    }

    /**
     * asyncio's return code from the JDK's exit value: the JDK reports death by signal N as
     * {@code 128 + N}, as a shell does, and asyncio as {@code -N}.
     */
    static int returncode(int exitValue) {
        if (!isWindows() && exitValue > 128 && exitValue <= 128 + HIGHEST_SIGNAL) {
            return -(exitValue - 128);
        }
        return exitValue;
    }

    /** Refuses a number that is no signal. */
    static void checkSignal(int signal) {
        if (signal <= 0 || signal > HIGHEST_SIGNAL) {
            throw new IllegalArgumentException("Not a signal number: " + signal + " (1 to " + HIGHEST_SIGNAL + ")");
        }
    }

    /** The number of the signal named {@code name}, with or without its {@code SIG} prefix. */
    static int signalNumber(String name) {
        String bare = name.toUpperCase(Locale.ROOT);
        bare = bare.startsWith("SIG") ? bare.substring(3) : bare;
        try {
            return JvmSignal.number(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown signal '" + name + "'; use a name such as SIGTERM, SIGINT, SIGHUP, SIGUSR1", e);
        }
    }

    /**
     * Sends {@code signal}: SIGTERM and SIGKILL through the JDK's {@link ProcessHandle} (not
     * {@link Process#destroy}, which also closes the child's streams, so that what is left in
     * its pipes could no longer be read, as asyncio can); any other through the system's
     * {@code kill} command (the JDK cannot send it, and a native call would need
     * {@code --enable-native-access}), which blocks the caller for about as long as a spawn.
     */
    static void signal(Process process, int signal) {
        if (!process.isAlive()) {
            return;
        }
        if (signal == SIGTERM) {
            process.toHandle().destroy();
        } else if (signal == SIGKILL) {
            process.toHandle().destroyForcibly();
        } else if (isWindows()) {
            throw new UnsupportedOperationException("Windows has no signal " + signal + "; use terminate() or kill()");
        } else {
            runKill(signal, process.pid());
        }
    }

    private static void runKill(int signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int status = kill.waitFor();
            if (status != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed with status " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run the kill command to send signal " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending signal " + signal, e);
        }
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }
}
