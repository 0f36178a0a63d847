// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM, for behaviour that needs its own process. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

    private ChildJvm(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Starts {@code mainClass} with {@code args}, with stderr merged into stdout. */
    public static ChildJvm start(Class<?> mainClass, boolean withOpens, String... args) throws IOException {
        List<String> command = javaCommand(mainClass, withOpens, List.of());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Like {@link #start} with the flag, and {@code jvmOptions} (say, {@code --limit-modules}) before the main class. */
    public static ChildJvm startWithJvmOptions(Class<?> mainClass, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = javaCommand(mainClass, true, jvmOptions);
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Like {@link #start}, with the child allowed at most {@code maxOpenFiles} descriptors ({@code ulimit -n}). */
    public static ChildJvm startWithFileLimit(Class<?> mainClass, int maxOpenFiles) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "ulimit -n " + maxOpenFiles + " && exec \"$@\"", "sh"));
        command.addAll(javaCommand(mainClass, true, List.of()));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private static List<String> javaCommand(Class<?> mainClass, boolean withOpens, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (withOpens) {
            command.add("--add-opens");
            command.add("java.base/java.lang=ALL-UNNAMED");
        }
        String carrier = System.getProperty("asyncio4j.carrier");
        if (carrier != null) {
            command.add("-Dasyncio4j.carrier=" + carrier); // a suite run in portable mode runs its child JVMs in it too
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        return command;
    }

    /** Waits for a line containing {@code text}; fails with everything printed so far if it does not come. */
    public String awaitLine(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no line containing '" + text + "' within " + seconds + " s; output: " + all);
    }

    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits for the process to end and returns its exit code. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not exit within " + seconds + " s; output: " + all);
        }
        return process.exitValue();
    }

    public List<String> output() throws InterruptedException {
        Thread.sleep(50); // let the reader thread drain the pipe after exit
        return List.copyOf(all);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
