// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What happens to children and pipe threads when a loop closes. */
@Timeout(60)
class SubprocessLifecycleTest {

    private static List<Thread> alivePipeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("asyncio4j-pipe-") && t.isAlive())
                .toList();
    }

    /** The pipe threads still alive after giving each a few seconds to end (a thread that has posted its last event may still be returning). */
    private static List<Thread> pipeThreadsLeft() throws InterruptedException {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("asyncio4j-pipe-"))
                .toList();
        for (Thread t : threads) {
            t.join(5_000);
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }

    @Test
    void closingTheLoopKillsAChildLeftRunningAndLeaksNoThread() {
        long pid = Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessExec("sleep", List.of("30"), SubprocessOptions.pipes());
            return p.pid(); // main returns with the child still running and its pipes open
        });
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(alivePipeThreads()).as("closing the loop waited for them").isEmpty();
    }

    @Test
    void aChildThatFinishedLeavesNoThreadBehind() throws Exception {
        Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessExec("echo", List.of("done"), SubprocessOptions.pipes());
            p.communicate(null);
        });
        assertThat(pipeThreadsLeft()).isEmpty();
    }

    @Test
    void closingTheTransportEndsThePipeThreadsWhileAGrandchildStillHoldsThePipes() throws Exception {
        long grandchild = Asyncio.run(() -> {
            Subprocess p = Subprocesses.createSubprocessShell("sleep 30 & echo $!",
                    SubprocessOptions.defaults().stdout(Stdio.PIPE).stderr(Stdio.PIPE));
            long pid = Long.parseLong(new String(p.stdout().readline(), StandardCharsets.US_ASCII).strip());
            p.transport().close();
            return pid;
        });
        try {
            assertThat(pipeThreadsLeft()).isEmpty();
        } finally {
            ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void closingTheLoopLeavesAnIndependentChildAlone() throws Exception {
        // The loop kills only children of its own whose transport is still open.
        Process outsider = new ProcessBuilder("sleep", "30").start();
        try {
            try (EventLoop loop = Asyncio.newEventLoop()) {
                loop.runUntilComplete(() -> Subprocesses.createSubprocessExec("true").await());
            }
            assertThat(outsider.isAlive()).isTrue();
        } finally {
            outsider.destroyForcibly();
        }
    }
}
