// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The asyncio4j command run as a user runs it, in its own process: {@code java -jar} on the
 * packaged jar (no JVM flags: the manifest must be enough), or the {@code ./asyncio4j} launcher.
 * Output and errors are merged; every line is kept for assertions and failure messages.
 */
final class CliProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private CliProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static Path jar() {
        return Path.of(System.getProperty("asyncio4j.cli.jar", "target/asyncio4j-cli.jar")).toAbsolutePath();
    }

    static Path root() {
        return Path.of(System.getProperty("asyncio4j.root", "..")).toAbsolutePath().normalize();
    }

    /** {@code java -jar asyncio4j-cli.jar args...} with this test's JDK. */
    static CliProcess jar(String... args) throws IOException {
        return jar(Map.of(), args);
    }

    /** {@link #jar(String...)} with {@code environment} on top of this process's (a locale, say). */
    static CliProcess jar(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new CliProcess(builder.start());
    }

    /** {@code ./asyncio4j args...} from the repository root, pointed at this test's JDK. */
    static CliProcess launcher(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root().resolve("asyncio4j").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", Path.of(javaCommand()).getParent().getParent().toString());
        return new CliProcess(builder.start());
    }

    /** Any program, {@code command...}; {@code java} first means this test's JDK. */
    static CliProcess program(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        if (line.getFirst().equals("java")) {
            line.set(0, javaCommand());
        }
        return new CliProcess(new ProcessBuilder(line).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** Types {@code text} on the command's standard input. */
    CliProcess type(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
        return this;
    }

    /** Ends the standard input (Ctrl+D). */
    CliProcess endInput() throws IOException {
        process.getOutputStream().close();
        return this;
    }

    /** Waits for a line containing {@code text} and returns it; fails with the output so far if none comes. */
    String awaitLine(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    throw new AssertionError("no line containing '" + text + "' within " + seconds + " s; output:\n"
                            + String.join("\n", lines));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits for the command to end and for its last output; returns the exit status. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within " + seconds + " s; output:\n" + String.join("\n", output()));
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String text() {
        return String.join("\n", output());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
