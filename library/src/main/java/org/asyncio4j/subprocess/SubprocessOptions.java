// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.asyncio4j.net.StreamReader;

/**
 * How to start a child process: where its standard streams go, its working directory, its
 * environment, and the buffer limit of its output readers. Immutable; each method returns a
 * changed copy. The keyword arguments of asyncio's {@code create_subprocess_exec}.
 *
 * {@snippet :
 * SubprocessOptions options = SubprocessOptions.pipes()          // stdin, stdout, stderr all piped
 *         .stderr(Stdio.STDOUT)                                  // 2>&1
 *         .cwd(Path.of("/tmp"))
 *         .env(Map.of("LANG", "C"));                            // the whole environment
 * }
 *
 * @param stdin where the child reads from
 * @param stdout where the child's output goes
 * @param stderr where the child's errors go ({@link Stdio#STDOUT} merges them into stdout)
 * @param cwd the working directory, or null for the JVM's
 * @param env the child's whole environment, or null to inherit the JVM's
 * @param limit the buffer limit of the stdout and stderr readers, in bytes
 */
public record SubprocessOptions(Stdio stdin, Stdio stdout, Stdio stderr, Path cwd, Map<String, String> env, int limit) {

    /**
     * Checks the options and copies {@code env}.
     *
     * @param stdin where the child's input comes from
     * @param stdout where the child's output goes
     * @param stderr where the child's errors go ({@link Stdio#STDOUT} merges them into stdout)
     * @param cwd the working directory, or null for the JVM's
     * @param env the child's whole environment, or null to inherit the JVM's
     * @param limit the buffer limit of the stdout and stderr readers, in bytes
     * @throws IllegalArgumentException if {@link Stdio#STDOUT} is given for stdin or stdout, stdin
     *     appends to a file, or {@code limit} is not positive
     */
    public SubprocessOptions {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        if (stdin.kind() == Stdio.Kind.STDOUT || stdout.kind() == Stdio.Kind.STDOUT) {
            throw new IllegalArgumentException("Stdio.STDOUT only makes sense for stderr (it means 2>&1)");
        }
        if (stdin.kind() == Stdio.Kind.APPEND) {
            throw new IllegalArgumentException("stdin cannot append to a file; use Stdio.file(path) to read one");
        }
        env = env == null ? null : Map.copyOf(env);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be a positive number of bytes, not " + limit);
        }
    }

    /**
     * {@return options with every stream inherited from the JVM} As
     * {@code asyncio.create_subprocess_exec} does by default.
     */
    public static SubprocessOptions defaults() {
        return new SubprocessOptions(Stdio.INHERIT, Stdio.INHERIT, Stdio.INHERIT, null, null, StreamReader.DEFAULT_LIMIT);
    }

    /** {@return options with every stream piped} As {@code loop.subprocess_exec} does by default. */
    public static SubprocessOptions pipes() {
        return new SubprocessOptions(Stdio.PIPE, Stdio.PIPE, Stdio.PIPE, null, null, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * {@return a copy with stdin connected to {@code stdin}}
     *
     * @param stdin where the child's input comes from
     */
    public SubprocessOptions stdin(Stdio stdin) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * {@return a copy with stdout connected to {@code stdout}}
     *
     * @param stdout where the child's output goes
     */
    public SubprocessOptions stdout(Stdio stdout) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * {@return a copy with stderr connected to {@code stderr}}
     *
     * @param stderr where the child's errors go ({@link Stdio#STDOUT} merges them into stdout)
     */
    public SubprocessOptions stderr(Stdio stderr) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * {@return a copy with the working directory {@code cwd}}
     *
     * @param cwd the working directory, or null for the JVM's
     */
    public SubprocessOptions cwd(Path cwd) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * Replaces the child's whole environment with {@code env} (null: inherit the JVM's).
     *
     * @param env the child's whole environment, or null to inherit the JVM's
     * @return a copy with that environment
     */
    public SubprocessOptions env(Map<String, String> env) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * {@return a copy with the reader buffer limit {@code limit}}
     *
     * @param limit the buffer limit of the stdout and stderr readers, in bytes
     */
    public SubprocessOptions limit(int limit) {

        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }
}
