// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.internal.subprocess.SpawnPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What depends on how children are started ({@link SpawnPath}): the suite runs once with native
 * access enabled (the native path) and once in portable mode without any flag (the JDK's path).
 */
@Timeout(120)
class SubprocessPathTest {
    private static final SpawnPath PATH = SpawnPath.chosen();

    /** {@code sh -c script} with SIGINT at its default action, even if this JVM was started ignoring it (as a background job is). */
    private static Subprocess withDefaultSigint(String script) throws IOException {
        return Subprocesses.createSubprocessExec("env", List.of("--default-signal=INT", "sh", "-c", script), SubprocessOptions.defaults());
    }

    @Test
    void eachSuiteRunTakesItsPath() {
        // The portable run has no --enable-native-access (see the library's pom): it must fall back.
        boolean portableRun = "portable".equals(System.getProperty("asyncio4j.carrier"));
        assertThat(PATH).isEqualTo(portableRun ? SpawnPath.JDK : SpawnPath.NATIVE);
    }

    @Test
    void anExitStatusAbove128IsExactOnTheNativePath() {
        Asyncio.run(() -> {
            int code130 = Subprocesses.createSubprocessShell("exit 130").await();
            int code137 = Subprocesses.createSubprocessShell("exit 137").await();
            if (PATH == SpawnPath.NATIVE) {
                assertThat(code130).isEqualTo(130);
                assertThat(code137).isEqualTo(137);
            } else {
                // The JDK folds a death by signal N into 128+N: the two cannot be told apart (documented).
                assertThat(code130).isEqualTo(-2);
                assertThat(code137).isEqualTo(-9);
            }
            assertThat(Subprocesses.createSubprocessShell("exit 255").await()).isEqualTo(255);
        });
    }

    @Test
    void aDeathBySignalIsTheNegativeSignalNumberOnBothPaths() {
        Asyncio.run(() -> {
            assertThat(withDefaultSigint("kill -INT $$").await()).isEqualTo(-2);
            Subprocess interrupted = withDefaultSigint("exec sleep 30");
            Subprocess killed = Subprocesses.createSubprocessExec("sleep", "30");
            interrupted.sendSignal("SIGINT");
            killed.kill();
            assertThat(interrupted.await()).isEqualTo(-2);
            assertThat(killed.await()).isEqualTo(-9);
        });
    }

    @Test
    void threeHundredChildrenAtOnceNeedNoThreadOfTheirOwnNatively() {
        int children = 300;
        Asyncio.run(() -> {
            Subprocesses.createSubprocessExec("true").await(); // whatever the first spawn starts once
            int before = Thread.getAllStackTraces().size();
            List<Subprocess> cats = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                cats.add(Subprocesses.createSubprocessExec("cat", List.of(), SubprocessOptions.pipes()));
            }
            int during = Thread.getAllStackTraces().size() - before;
            List<Task<String>> echoes = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                Subprocess cat = cats.get(i);
                String word = "cat-" + i + "\n";
                echoes.add(Asyncio.createTask(() -> cat.communicate(word.getBytes(UTF_8)).stdoutText()));
            }
            List<String> got = Asyncio.gather(echoes).await();
            for (int i = 0; i < children; i++) {
                assertThat(got.get(i)).isEqualTo("cat-" + i + "\n");
                assertThat(cats.get(i).returncode()).isZero();
            }
            if (PATH == SpawnPath.NATIVE) {
                assertThat(during).as("threads started for %d running children", children).isLessThanOrEqualTo(2);
            } else {
                // The cost the native path saves: a pump per pipe (and the JDK's reaper per child besides).
                assertThat(during).as("threads started for %d running children", children).isGreaterThanOrEqualTo(3 * children);
            }
        });
    }

    @Test
    void outputOfManyMegabytesArrivesWholeOnBothPipes(@TempDir Path dir) throws Exception {
        byte[] data = new byte[24 << 20];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("data");
        Files.write(file, data);
        String cat = "cat '" + file + "'";
        ProcessOutput out = Asyncio.run(() -> Subprocesses.createSubprocessShell(cat + "; " + cat + " >&2; " + cat,
                SubprocessOptions.pipes().stdin(Stdio.DEVNULL)).communicate(null));
        assertThat(out.stderr()).isEqualTo(data);
        assertThat(out.stdout().length).isEqualTo(2 * data.length);
        assertThat(java.util.Arrays.copyOfRange(out.stdout(), data.length, 2 * data.length)).isEqualTo(data);
    }

    @Test
    void aMissingFileToRedirectIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-input");
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Subprocesses.createSubprocessExec("cat", List.of(), SubprocessOptions.defaults().stdin(Stdio.file(missing))))
                    .isInstanceOf(FileNotFoundException.class).hasMessageContaining(missing.toString());
        });
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Every kind of child and ending: the descriptors this process holds afterwards are the ones it held before. */
    @Test
    void childrenLeaveNoDescriptorBehind(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Runnable workload = () -> Asyncio.run(() -> {
            Subprocesses.createSubprocessShell("echo hi; echo err >&2", SubprocessOptions.pipes()).communicate(null);
            Subprocesses.createSubprocessShell("cat", SubprocessOptions.pipes().stderr(Stdio.STDOUT)).communicate("x".getBytes(UTF_8));
            Subprocesses.createSubprocessShell("echo file", SubprocessOptions.defaults().stdin(Stdio.DEVNULL).stdout(Stdio.file(out))).await();
            Subprocess killed = Subprocesses.createSubprocessExec("sleep", List.of("30"), SubprocessOptions.pipes());
            killed.kill();
            killed.await();
            assertThatThrownBy(() -> Subprocesses.createSubprocessExec("no-such-program-asyncio4j", List.of(), SubprocessOptions.pipes()))
                    .isInstanceOf(FileNotFoundException.class);
            Subprocesses.createSubprocessExec("sleep", List.of("30"), SubprocessOptions.pipes()); // left running: the loop's close kills it
        });
        workload.run(); // whatever the first run opens for good (classes, the JDK's own pipes)
        long before = openDescriptors();
        workload.run();
        workload.run();
        assertThat(openDescriptors()).isEqualTo(before);
    }
}
