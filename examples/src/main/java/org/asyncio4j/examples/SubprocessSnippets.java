// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.subprocess.ProcessOutput;
import org.asyncio4j.subprocess.Stdio;
import org.asyncio4j.subprocess.Subprocess;
import org.asyncio4j.subprocess.SubprocessOptions;
import org.asyncio4j.subprocess.Subprocesses;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "非阻塞I/O的子进程" (subprocesses with non-blocking I/O):
 * every subprocess line of the cheat sheet in order — {@code create_subprocess_exec('ls')},
 * {@code create_subprocess_shell('ls')}, {@code process.communicate(input=data)} and
 * {@code process.terminate()}. The seed lets {@code ls} print to the terminal; here its output is
 * piped and printed line by line, in a fresh directory, so that the lines are always the same.
 */
public final class SubprocessSnippets {
    private SubprocessSnippets() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Path dir = fixtureDirectory();
        try {
            Asyncio.run(() -> {
                SubprocessOptions piped = SubprocessOptions.defaults().stdout(Stdio.PIPE).cwd(dir);

                // p = await create_subprocess_exec('ls')
                Subprocess ls = Subprocesses.createSubprocessExec("ls", List.of(), piped);
                for (byte[] line : ls.stdout()) {
                    out.print("exec ls: " + new String(line, UTF_8));
                }
                out.println("ls exited with " + ls.await());

                // p = await create_subprocess_shell('ls')
                Subprocess shell = Subprocesses.createSubprocessShell("ls | wc -l", piped);
                out.println("shell 'ls | wc -l': " + new String(shell.stdout().read(), UTF_8).strip());
                shell.await();

                // await process.communicate(input=data)
                Subprocess sort = Subprocesses.createSubprocessExec("sort", List.of(), piped.stdin(Stdio.PIPE));
                ProcessOutput sorted = sort.communicate("pear\napple\nfig\n".getBytes(UTF_8));
                out.println("communicate with sort: " + sorted.stdoutText().strip().replace('\n', ' '));

                // process.terminate()
                Subprocess sleeper = Subprocesses.createSubprocessExec("sleep", "60");
                sleeper.terminate();
                out.println("terminated sleep, returncode " + sleeper.await());
            });
        } finally {
            deleteTree(dir);
        }
    }

    private static Path fixtureDirectory() {
        try {
            Path dir = Files.createTempDirectory("asyncio4j-subprocess-");
            Files.writeString(dir.resolve("apple.txt"), "apple\n");
            Files.writeString(dir.resolve("pear.txt"), "pear\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
