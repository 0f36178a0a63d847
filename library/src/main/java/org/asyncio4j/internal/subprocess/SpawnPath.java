// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.loop.SafeLog;
import org.asyncio4j.subprocess.SubprocessOptions;

/**
 * How this JVM starts children, chosen once and said once through {@link System.Logger} (at
 * {@code INFO} when the native path is missed only for want of the flag, at {@code DEBUG}
 * otherwise), as the carrier mode is.
 *
 * <p>{@link #NATIVE} on Linux when native access is enabled for asyncio4j
 * ({@code --enable-native-access=ALL-UNNAMED}, or {@code =org.asyncio4j} on the module path) and
 * the C library and kernel have what it needs; {@link #JDK} otherwise. The system property
 * {@value #PROPERTY} forces one: {@code jdk}, or {@code native} (failing, saying why, where it
 * cannot run).
 */
public enum SpawnPath {
    /** posix_spawn through the FFM API, pipes and exit watched by the loop's selector, exact exit statuses ({@link NativeSpawn}). */
    NATIVE {
        @Override
        Child spawn(EventLoop loop, List<String> command, SubprocessOptions options) throws IOException {
            return NativeSpawn.spawn(loop, command, options);
        }
    },
    /** {@link ProcessBuilder}, a platform thread per pipe, a death by signal N read from exit status 128+N ({@link JdkChild}). */
    JDK {
        @Override
        Child spawn(EventLoop loop, List<String> command, SubprocessOptions options) throws IOException {
            return JdkChild.spawn(loop, command, options);
        }
    };

    /** The system property that forces a path. */
    public static final String PROPERTY = "asyncio4j.subprocess";

    abstract Child spawn(EventLoop loop, List<String> command, SubprocessOptions options) throws IOException;

    /**
     * The path of this JVM's children.
     *
     * @throws IllegalStateException if {@value #PROPERTY} is invalid, or forces the native path where it cannot run
     */
    public static SpawnPath chosen() {
        if (Choice.FAILURE != null) {
            throw new IllegalStateException(Choice.FAILURE.getMessage(), Choice.FAILURE.getCause());
        }
        return Choice.PATH;
    }

    /** Made at first use: looking for the native calls binds them, which only the native path should do. */
    private static final class Choice {
        static final SpawnPath PATH;
        static final IllegalStateException FAILURE;

        static {
            SpawnPath path = JDK;
            IllegalStateException failure = null;
            try {
                path = choose(System.getProperty(PROPERTY, ""), nativeProblem());
            } catch (IllegalStateException e) {
                failure = e;
            }
            PATH = path;
            FAILURE = failure;
        }
    }

    /** The flag that enables native access for this class's module. */
    static String requiredFlag() {
        Module module = SpawnPath.class.getModule();
        return "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
    }

    /** Why the native path cannot run in this JVM, or null if it can. */
    private static String nativeProblem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "not Linux";
        }
        if (!SpawnPath.class.getModule().isNativeAccessEnabled()) {
            return "no " + requiredFlag();
        }
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
            return "no /proc/self/fd";
        }
        return Posix.unavailableReason();
    }

    /**
     * The path for the property's value {@code forced} when the native path has {@code problem}
     * (null: none); logs the choice.
     *
     * @throws IllegalStateException if {@code forced} is invalid, or is {@code native} while there is a problem
     */
    static SpawnPath choose(String forced, String problem) {
        switch (forced) {
            case "native" -> {
                if (problem != null) {
                    throw new IllegalStateException(PROPERTY + "=native, but the native subprocess path cannot run here: " + problem
                            + " (it needs Linux, glibc 2.34+, kernel 5.3+ and " + requiredFlag() + ")");
                }
                SafeLog.log(Level.DEBUG, () -> nativeText(PROPERTY + "=native"), null);
                return NATIVE;
            }
            case "jdk" -> {
                SafeLog.log(Level.DEBUG, () -> jdkText(PROPERTY + "=jdk"), null);
                return JDK;
            }
            case "" -> {
                if (problem == null) {
                    SafeLog.log(Level.DEBUG, () -> nativeText("Linux, " + requiredFlag()), null);
                    return NATIVE;
                }
                // Worth telling only where the flag is all it takes.
                Level level = problem.startsWith("no --enable-native-access") ? Level.INFO : Level.DEBUG;
                SafeLog.log(level, () -> jdkText(problem) + "; with " + requiredFlag() + " on Linux they are started"
                        + " with posix_spawn, the loop itself watches their pipes and exit statuses are exact", null);
                return JDK;
            }
            default -> throw new IllegalStateException("System property " + PROPERTY + " must be 'native' or 'jdk'"
                    + " (or unset, to choose by the platform and the JVM's flags), not '" + forced + "'");
        }
    }

    private static String nativeText(String why) {
        return "asyncio4j starts subprocesses natively (" + why + "): posix_spawn through the FFM API, pipes and exit"
                + " watched by the loop's selector, exact exit statuses";
    }

    private static String jdkText(String why) {
        return "asyncio4j starts subprocesses with ProcessBuilder (" + why + "): a platform thread per pipe, and a child"
                + " killed by signal N cannot be told from one that exited with status 128+N";
    }
}
