// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.net.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SubprocessTest {

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    @Test
    void communicateMovesMegabytesInBothDirectionsAtOnce() {
        byte[] input = new byte[6 << 20];
        new Random(42).nextBytes(input);
        ProcessOutput output = Asyncio.run(() -> {
            // tee copies stdin to stdout and stderr as it reads: all three pipes are full at once
            Subprocess p = Subprocesses.createSubprocessShell("tee /dev/stderr", SubprocessOptions.pipes());
            ProcessOutput out = p.communicate(input);
            assertThat(p.returncode()).isZero();
            return out;
        });
        assertThat(output.stdout()).isEqualTo(input);
        assertThat(output.stderr()).isEqualTo(input);
    }

    @Test
    void aChildKilledBySignalHasTheNegativeSignalNumberAsReturnCode() {
        Asyncio.run(() -> {
            Subprocess killed = Subprocesses.createSubprocessExec("sleep", "30");
            Subprocess terminated = Subprocesses.createSubprocessExec("sleep", "30");
            Subprocess usr1 = Subprocesses.createSubprocessExec("sleep", "30");
            assertThat(killed.returncode()).isNull();
            killed.kill();
            terminated.terminate();
            usr1.sendSignal("SIGUSR1");
            assertThat(killed.await()).isEqualTo(-9);
            assertThat(terminated.await()).isEqualTo(-15);
            assertThat(usr1.await()).isEqualTo(-10);
            assertThat(killed.returncode()).isEqualTo(-9);
        });
    }

    @Test
    void aChildThatKillsItselfIsReportedLikeOneWeKilled() {
        int code = Asyncio.run(() -> Subprocesses.createSubprocessShell("kill -TERM $$").await());
        assertThat(code).isEqualTo(-15);
    }

    @Test
    void exitStatusIsTheReturnCode() {
        int code = Asyncio.run(() -> Subprocesses.createSubprocessShell("exit 3").await());
        assertThat(code).isEqualTo(3);
    }

    @Test
    void aMissingProgramFailsWithAClearError() {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Subprocesses.createSubprocessExec("no-such-program-asyncio4j", List.of(), SubprocessOptions.pipes()))
                    .isInstanceOf(FileNotFoundException.class)
                    .hasMessageContaining("no-such-program-asyncio4j")
                    .hasMessageContaining("PATH");
            assertThatThrownBy(() -> Subprocesses.createSubprocessExec("ls", List.of(), SubprocessOptions.defaults().cwd(Path.of("/no/such/dir"))))
                    .isInstanceOf(FileNotFoundException.class)
                    .hasMessageContaining("/no/such/dir");
        });
    }

    @Test
    void manyShortProcessesRunConcurrently() {
        int count = 40;
        List<String> outputs = Asyncio.run(() -> {
            List<Task<String>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String word = "child-" + i;
                tasks.add(Asyncio.createTask(() -> {
                    Subprocess p = Subprocesses.createSubprocessExec("echo", List.of(word), SubprocessOptions.pipes());
                    return p.communicate(null).stdoutText();
                }));
            }
            return Asyncio.gather(tasks).await();
        });
        for (int i = 0; i < count; i++) {
            assertThat(outputs.get(i)).isEqualTo("child-" + i + "\n");
        }
    }

    @Test
    void outputCanBeReadLineByLineWhileTheChildRuns() {
        Asyncio.run(() -> {
            // The child waits for our answer before each next line, so it is surely running meanwhile.
            Subprocess p = Subprocesses.createSubprocessShell(
                    "for i in 1 2 3; do echo line $i; read answer; done", SubprocessOptions.pipes());
            List<String> lines = new ArrayList<>();
            for (byte[] line : p.stdout()) {
                lines.add(text(line).strip());
                assertThat(p.returncode()).isNull();
                p.stdin().write("ok\n".getBytes(UTF_8));
                p.stdin().drain();
            }
            assertThat(lines).containsExactly("line 1", "line 2", "line 3");
            assertThat(p.await()).isZero();
        });
    }

    @Test
    void aShellPipelineRuns() {
        String out = Asyncio.run(() -> Subprocesses.createSubprocessShell(
                "printf 'b\\na\\nc\\n' | sort | tr a-z A-Z", SubprocessOptions.pipes()).communicate(null).stdoutText());
        assertThat(out).isEqualTo("A\nB\nC\n");
    }

    @Test
    void aReaderThatDoesNotReadHoldsBackAChildThatWritesWithoutEnd() {
        long total = 64L << 20;
        Asyncio.run(() -> {
            SubprocessOptions options = SubprocessOptions.defaults().stdout(Stdio.PIPE).limit(64 * 1024);
            Subprocess p = Subprocesses.createSubprocessExec("head", List.of("-c", Long.toString(total), "/dev/zero"), options);
            Transport pipe = p.transport().getPipeTransport(1);
            // The reader pauses its pipe once it holds twice its limit; there is no event to await for that.
            for (int i = 0; i < 1_000 && pipe.isReading(); i++) {
                Asyncio.sleep(0.01);
            }
            assertThat(pipe.isReading()).isFalse();
            Asyncio.sleep(0.3); // the claim is that nothing more arrives while nobody reads: give it the chance
            assertThat(p.returncode()).as("the child is blocked on its full pipe").isNull();
            byte[] buffered = p.stdout().read(Integer.MAX_VALUE); // returns what is buffered, without waiting
            // the reader pauses above twice its limit; the pipe thread has at most 4 chunks of 64 KiB in flight
            assertThat(buffered.length).as("bytes buffered in this JVM")
                    .isGreaterThan(0)
                    .isLessThanOrEqualTo(2 * 64 * 1024 + 4 * 64 * 1024 + 64 * 1024);
            long read = buffered.length;
            for (byte[] chunk; (chunk = p.stdout().read(1 << 20)).length > 0; ) {
                read += chunk.length;
            }
            assertThat(read).isEqualTo(total);
            assertThat(p.await()).isZero();
        });
    }

    @Test
    void cancellingAWaitLeavesTheChildRunningAndTheProcessUsable() {
        Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessExec("sleep", List.of("30"), SubprocessOptions.pipes());
            Task<Integer> waiting = Asyncio.createTask(p::await);
            Asyncio.sleep(0); // the task is now parked in await()
            waiting.cancel();
            assertThatThrownBy(waiting::await).isInstanceOf(org.asyncio4j.CancelledError.class);
            assertThat(p.returncode()).isNull();
            assertThat(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive)).contains(true);
            p.kill();
            assertThat(p.await()).isEqualTo(-9);
        });
    }

    @Test
    void cancellingCommunicateLeavesTheChildRunningAndTheProcessUsable() {
        Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessShell("echo first; exec sleep 30",
                    SubprocessOptions.pipes().stdin(Stdio.DEVNULL));
            Task<ProcessOutput> talking = Asyncio.createTask(() -> p.communicate(null));
            Asyncio.sleep(0.2); // communicate is reading; stdout stays open for 30 s
            talking.cancel();
            assertThatThrownBy(talking::await).isInstanceOf(org.asyncio4j.CancelledError.class);
            assertThat(p.returncode()).isNull();
            assertThat(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive)).contains(true);
            p.sendSignal("SIGTERM");
            assertThat(p.await()).isEqualTo(-15);
            assertThat(p.stdout().read()).as("what communicate had not read").isEmpty();
        });
    }

    @Test
    void outputAGrandchildWritesAfterTheChildExitedIsReadToTheEndOfThePipe() {
        int tries = 20;
        List<String> outputs = Asyncio.run(() -> {
            List<Task<String>> tasks = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                // stdout and stderr both outlive the shell, which exits at once
                tasks.add(Asyncio.createTask(() -> Subprocesses.createSubprocessShell(
                        "(sleep 0.3; echo late; echo late-err >&2) & echo early", SubprocessOptions.pipes())
                        .communicate(null).stdoutText()));
            }
            return Asyncio.gather(tasks).await();
        });
        assertThat(outputs).containsOnly("early\nlate\n");
    }

    @Test
    void awaitWaitsForTheGrandchildToCloseTheChildsPipesAndTheOutputIsStillThere() {
        Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessShell("(sleep 0.3; echo late) & echo early",
                    SubprocessOptions.defaults().stdout(Stdio.PIPE));
            assertThat(p.await()).isZero();
            assertThat(p.transport().getPipeTransport(1).isClosing()).as("the grandchild closed stdout before await() returned").isTrue();
            assertThat(text(p.stdout().read())).isEqualTo("early\nlate\n");
        });
    }

    @Test
    void whatIsLeftOfTheOutputCanBeReadAfterAKill() {
        Asyncio.run(() -> {
            SubprocessOptions stdout = SubprocessOptions.defaults().stdout(Stdio.PIPE);
            Subprocess reading = Subprocesses.createSubprocessShell("echo before; exec sleep 30", stdout);
            assertThat(text(reading.stdout().readline())).isEqualTo("before\n");
            reading.kill();
            assertThat(reading.stdout().read()).isEmpty();
            assertThat(reading.await()).isEqualTo(-9);

            Subprocess waited = Subprocesses.createSubprocessShell("echo before; exec sleep 30", stdout);
            Asyncio.sleep(0.2); // "before" is in the pipe, unread
            waited.kill();
            assertThat(waited.await()).isEqualTo(-9);
            assertThat(text(waited.stdout().read())).isEqualTo("before\n");
        });
    }

    @Test
    void streamsCanGoToFilesTheNullDeviceOrStdout(@TempDir Path dir) throws Exception {
        Path outFile = dir.resolve("out.txt");
        Path inFile = dir.resolve("in.txt");
        Files.writeString(inFile, "from a file\n");
        Asyncio.run(() -> {
            Subprocesses.createSubprocessShell("cat; echo err >&2",
                    SubprocessOptions.defaults().stdin(Stdio.file(inFile)).stdout(Stdio.file(outFile)).stderr(Stdio.DEVNULL)).await();
            Subprocesses.createSubprocessShell("echo again",
                    SubprocessOptions.defaults().stdin(Stdio.DEVNULL).stdout(Stdio.appendTo(outFile))).await();
            ProcessOutput merged = Subprocesses.createSubprocessShell("echo out; echo err >&2",
                    SubprocessOptions.pipes().stderr(Stdio.STDOUT)).communicate(null);
            assertThat(merged.stdoutText()).isEqualTo("out\nerr\n");
            assertThat(merged.stderr()).isNull();
        });
        assertThat(Files.readString(outFile)).isEqualTo("from a file\nagain\n");
    }

    @Test
    void workingDirectoryAndEnvironmentApply(@TempDir Path dir) throws Exception {
        String out = Asyncio.run(() -> Subprocesses.createSubprocessShell("pwd; echo \"$GREETING\"; echo \"${HOME:-no home}\"",
                SubprocessOptions.pipes().cwd(dir).env(Map.of("GREETING", "hello", "PATH", "/usr/bin:/bin")))
                .communicate(null).stdoutText());
        assertThat(out).isEqualTo(dir.toRealPath() + "\nhello\nno home\n");
    }

    @Test
    void inputTheChildNeverReadsIsNotAnError() {
        Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessExec("true", List.of(), SubprocessOptions.pipes());
            ProcessOutput out = p.communicate(new byte[4 << 20]);
            assertThat(out.stdout()).isEmpty();
            assertThat(p.returncode()).isZero();
        });
    }

    @Test
    void badOptionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> SubprocessOptions.defaults().stdout(Stdio.STDOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stderr");
        assertThatThrownBy(() -> SubprocessOptions.defaults().limit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessExec("true");
            assertThatThrownBy(() -> p.communicate(new byte[1]))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("stdin");
            p.await();
            assertThatThrownBy(() -> p.sendSignal("SIGNOPE")).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void signalsAfterTheEndAreRefused() {
        Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessExec("true");
            p.await();
            assertThatThrownBy(p::kill).isInstanceOf(IllegalStateException.class).hasMessageContaining("exited");
        });
    }
}
