// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.asyncio4j.internal.signals.JvmSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SignalHandlerTest {

    private static void sendToThisJvm(String signal) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid()))
                .inheritIO().start().waitFor();
        assertThat(status).isZero();
    }

    @Test
    void aHandlerRunsOnTheLoopThreadEachTimeTheSignalArrives() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Thread> loopThread = loop.createFuture();
            loop.callSoon(() -> loopThread.setResult(Thread.currentThread())); // the caller's, or in portable mode its own
            Thread caller = loopThread.await();
            int[] calls = {0};
            Future<Thread> first = loop.createFuture();
            Future<Void> second = loop.createFuture();
            loop.addSignalHandler("SIGUSR1", () -> {
                if (++calls[0] == 1) {
                    first.setResult(Thread.currentThread());
                } else {
                    second.setResult(null);
                }
            });
            sendToThisJvm("USR1");
            assertThat(first.await()).as("the loop's own thread, not a signal thread").isSameAs(caller);
            sendToThisJvm("USR1");
            second.await();
            assertThat(loop.removeSignalHandler("USR1")).isTrue();
            assertThat(loop.removeSignalHandler("USR1")).isFalse();
        });
    }

    @Test
    void closingTheLoopPutsTheSignalsPreviousHandlerBack() {
        JvmSignal usr2 = JvmSignal.named("USR2");
        JvmSignal.Handler before = usr2.install(() -> { });
        JvmSignal.Handler mine = usr2.install(() -> { }); // the one installed just above, as the JVM holds it
        try {
            usr2.restore(mine);
            try (EventLoop loop = Asyncio.newEventLoop()) {
                loop.addSignalHandler("usr2", () -> { });
            }
            assertThat(usr2.install(() -> { })).isEqualTo(mine);
        } finally {
            usr2.restore(before);
        }
    }

    @Test
    void unsupportedSignalsAreRefusedWithAReason() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            assertThatThrownBy(() -> loop.addSignalHandler("SIGKILL", () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIGKILL cannot be handled");
            assertThatThrownBy(() -> loop.addSignalHandler("QUIT", () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thread dumps");
            assertThatThrownBy(() -> loop.addSignalHandler("SIGNOPE", () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown signal");
            assertThat(loop.removeSignalHandler("SIGTERM")).isFalse();
        }
    }

    @Test
    void aLoopsSigintHandlerTakesPrecedenceOverCtrlCCancellingMain() throws Exception {
        try (ChildJvm child = ChildJvm.start(SigintHandlerMain.class, true)) {
            child.awaitLine("handler installed", 30);
            child.signal("INT");
            child.awaitLine("SIGINT handled by the loop", 10);
            child.awaitLine("main finished normally", 10);
            assertThat(child.waitFor(10)).isZero();
        }
    }

    @Test
    void withoutTheJdksSignalModuleAHandlerIsRefusedNamingTheModuleAndRunStillWorks() throws Exception {
        List<String> noSignalModule = List.of("--limit-modules", "java.base,java.logging,java.management,jdk.jfr");
        try (ChildJvm child = ChildJvm.startWithJvmOptions(NoSignalModuleMain.class, noSignalModule)) {
            assertThat(child.awaitLine("refused:", 30)).contains("UnsupportedOperationException", "jdk.unsupported");
            child.awaitLine("main finished normally", 10);
            assertThat(child.waitFor(10)).isZero();
        }
    }

    /** Runs where the JDK's signal API is missing: Asyncio.run goes on without Ctrl+C routing, addSignalHandler says why. */
    public static final class NoSignalModuleMain {
        public static void main(String[] args) {
            Asyncio.run(() -> {
                try {
                    Asyncio.getRunningLoop().addSignalHandler("SIGUSR1", () -> { });
                    System.out.println("added");
                } catch (UnsupportedOperationException e) {
                    System.out.println("refused: " + e);
                }
            });
            System.out.println("main finished normally");
        }
    }

    /** Adds a SIGINT handler inside Asyncio.run, so Ctrl+C must reach it rather than cancel main. */
    public static final class SigintHandlerMain {
        public static void main(String[] args) {
            Asyncio.run(() -> {
                EventLoop loop = Asyncio.getRunningLoop();
                Future<Void> interrupted = loop.createFuture();
                loop.addSignalHandler("SIGINT", () -> {
                    System.out.println("SIGINT handled by the loop");
                    interrupted.setResult(null);
                });
                System.out.println("handler installed");
                interrupted.await();
                System.out.println("main finished normally");
            });
        }
    }
}
