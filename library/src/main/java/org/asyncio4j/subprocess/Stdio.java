// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one of a child's standard streams goes: a pipe to this program, the JVM's own stream, the
 * null device, a file, or (for stderr only) wherever stdout goes. asyncio's
 * {@code subprocess.PIPE}, {@code None}, {@code DEVNULL}, a file object and {@code STDOUT}.
 *
 * {@snippet :
 * SubprocessOptions options = SubprocessOptions.defaults()
 *         .stdin(Stdio.DEVNULL)
 *         .stdout(Stdio.PIPE)
 *         .stderr(Stdio.file(Path.of("errors.log")));
 * }
 */
public final class Stdio {
    /** A pipe to this program: stdin as a {@code StreamWriter}, stdout and stderr as {@code StreamReader}s. */
    public static final Stdio PIPE = new Stdio(Kind.PIPE, null);
    /** The JVM's own stream (asyncio's {@code None}); the default of {@code createSubprocessExec}. */
    public static final Stdio INHERIT = new Stdio(Kind.INHERIT, null);
    /** The null device: input at once at end of stream, output discarded. */
    public static final Stdio DEVNULL = new Stdio(Kind.DEVNULL, null);
    /** For stderr only: merged into stdout, wherever that goes. */
    public static final Stdio STDOUT = new Stdio(Kind.STDOUT, null);

    /** The kinds of connection, for code that must tell them apart. */
    public enum Kind {
        /** {@link Stdio#PIPE}. */
        PIPE,
        /** {@link Stdio#INHERIT}. */
        INHERIT,
        /** {@link Stdio#DEVNULL}. */
        DEVNULL,
        /** {@link Stdio#STDOUT}. */
        STDOUT,
        /** {@link Stdio#file(Path)}. */
        FILE,
        /** {@link Stdio#appendTo(Path)}. */
        APPEND
    }

    private final Kind kind;
    private final Path path;

    private Stdio(Kind kind, Path path) {
        this.kind = kind;
        this.path = path;
    }

    /**
     * For stdin: read from {@code file}; for stdout or stderr: write to it, truncating it first.
     *
     * @param file the file to connect the stream to
     * @return a connection of kind {@link Kind#FILE}
     */
    public static Stdio file(Path file) {
        return new Stdio(Kind.FILE, Objects.requireNonNull(file, "file"));
    }

    /**
     * For stdout or stderr: append to {@code file}, creating it if needed.
     *
     * @param file the file to append to
     * @return a connection of kind {@link Kind#APPEND}
     */
    public static Stdio appendTo(Path file) {
        return new Stdio(Kind.APPEND, Objects.requireNonNull(file, "file"));
    }

    /** {@return which kind of connection this is} */
    public Kind kind() {
        return kind;
    }

    /** {@return the file of {@link Kind#FILE} and {@link Kind#APPEND}, null otherwise} */

    public Path path() {
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stdio s && s.kind == kind && Objects.equals(s.path, path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path);
    }

    @Override
    public String toString() {
        return path == null ? kind.toString() : kind + " " + path;
    }
}
