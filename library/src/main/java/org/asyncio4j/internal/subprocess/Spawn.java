// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Locale;
import sun.misc.Signal;

/** The operating-system side of a child: starting it with clear errors, its return code, and signals. */
final class Spawn {
    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;
    private static final int HIGHEST_SIGNAL = 64;

    private Spawn() {
    }

    /**
     * Starts the child; a missing program or directory becomes a {@link FileNotFoundException}
     * (asyncio raises {@code FileNotFoundError}) that names it.
     */
    static Process start(ProcessBuilder builder) throws IOException {
        File dir = builder.directory();
        if (dir != null && !dir.isDirectory()) {
            throw new FileNotFoundException("The working directory " + dir + " does not exist or is not a directory");
        }
        try {
            return builder.start();
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("error=2,") || message.contains("No such file")) {
                FileNotFoundException missing = new FileNotFoundException("No such program: '" + builder.command().getFirst()
                        + "' (not found on the PATH, or the file does not exist); give its full path or fix the PATH");
                missing.initCause(e);
                throw missing;
            }
            throw e;
        }
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

    /** The number of the signal named {@code name}, with or without its {@code SIG} prefix. */
    static int signalNumber(String name) {
        String bare = name.toUpperCase(Locale.ROOT);
        bare = bare.startsWith("SIG") ? bare.substring(3) : bare;
        try {
            return new Signal(bare).getNumber();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown signal '" + name + "'; use a name such as SIGTERM, SIGINT, SIGHUP, SIGUSR1", e);
        }
    }

    /**
     * Sends {@code signal}: SIGTERM and SIGKILL through the JDK; any other through the system's
     * {@code kill} command (the JDK cannot send it, and a native call would need
     * {@code --enable-native-access}), which blocks the caller for about as long as a spawn.
     */
    static void signal(Process process, int signal) {
        if (signal <= 0 || signal > HIGHEST_SIGNAL) {
            throw new IllegalArgumentException("Not a signal number: " + signal + " (1 to " + HIGHEST_SIGNAL + ")");
        }
        if (!process.isAlive()) {
            return;
        }
        if (signal == SIGTERM) {
            process.destroy();
        } else if (signal == SIGKILL) {
            process.destroyForcibly();
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
