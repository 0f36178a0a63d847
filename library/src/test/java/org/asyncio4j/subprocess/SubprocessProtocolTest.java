// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Future;
import org.asyncio4j.net.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SubprocessProtocolTest {

    /** Records every event in order and completes {@code done} at connectionLost. */
    static class Recorder implements SubprocessProtocol {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final Future<Void> done = Asyncio.getRunningLoop().createFuture();
        SubprocessTransport transport;

        @Override
        public void connectionMade(SubprocessTransport transport) {
            this.transport = transport;
            events.add("connectionMade");
        }

        @Override
        public void pipeDataReceived(int fd, byte[] data) {
            if (fd == 1) {
                stdout.writeBytes(data);
            }
            if (events.isEmpty() || !events.getLast().equals("data " + fd)) {
                events.add("data " + fd);
            }
        }

        @Override
        public void pipeConnectionLost(int fd, Exception error) {
            events.add("pipeConnectionLost " + fd + " " + error);
        }

        @Override
        public void processExited() {
            events.add("processExited " + transport.getReturncode());
        }

        @Override
        public void connectionLost(Exception error) {
            events.add("connectionLost " + error);
            done.setResult(null);
        }
    }

    @Test
    void theProtocolHearsDataPipeEndsTheExitAndFinallyTheEnd() {
        Asyncio.run(() -> {
            SubprocessConnection<Recorder> c = Subprocesses.subprocessExec(Recorder::new, "cat", List.of(), SubprocessOptions.pipes());
            Recorder r = c.protocol();
            assertThat(r.transport).isSameAs(c.transport());
            assertThat(c.transport().getPid()).isPositive();
            Transport stdin = c.transport().getPipeTransport(0);
            stdin.write("hello\n".getBytes(UTF_8));
            stdin.close();
            r.done.await();
            assertThat(r.stdout.toString(UTF_8)).isEqualTo("hello\n");
            assertThat(r.events.getFirst()).isEqualTo("connectionMade");
            assertThat(r.events.getLast()).isEqualTo("connectionLost null");
            assertThat(r.events).contains("data 1", "pipeConnectionLost 0 null", "pipeConnectionLost 1 null",
                    "pipeConnectionLost 2 null", "processExited 0");
            assertThat(r.events.indexOf("data 1")).isLessThan(r.events.indexOf("pipeConnectionLost 1 null"));
            assertThat(c.transport().getReturncode()).isZero();
        });
    }

    @Test
    void pipeTransportsAreThereOnlyForPipesAndGoOneWay() {
        Asyncio.run(() -> {
            SubprocessConnection<Recorder> c = Subprocesses.subprocessShell(Recorder::new, "exit 0",
                    SubprocessOptions.pipes().stdin(Stdio.DEVNULL).stderr(Stdio.STDOUT));
            SubprocessTransport t = c.transport();
            assertThat(t.getPipeTransport(0)).isNull();
            assertThat(t.getPipeTransport(2)).isNull();
            assertThat(t.getPipeTransport(1)).isNotNull();
            assertThatThrownBy(() -> t.getPipeTransport(1).write(new byte[1]))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> t.getPipeTransport(3)).isInstanceOf(IllegalArgumentException.class);
            c.protocol().done.await();
        });
    }

    @Test
    void closingTheTransportKillsARunningChild() {
        Asyncio.run(() -> {
            SubprocessConnection<Recorder> c = Subprocesses.subprocessExec(Recorder::new, "sleep", List.of("30"), SubprocessOptions.pipes());
            c.transport().close();
            assertThat(c.transport().isClosing()).isTrue();
            c.protocol().done.await();
            assertThat(c.transport().getReturncode()).isEqualTo(-9);
        });
    }

    @Test
    void stdinFlowControlPausesAndResumesTheProtocol() {
        Asyncio.run(() -> {
            List<String> flow = new ArrayList<>();
            Future<Void> resumed = Asyncio.getRunningLoop().createFuture();
            SubprocessConnection<Recorder> c = Subprocesses.subprocessExec(() -> new Recorder() {
                @Override
                public void pauseWriting() {
                    flow.add("pause");
                }

                @Override
                public void resumeWriting() {
                    flow.add("resume");
                    resumed.setResult(null);
                }
            }, "cat", List.of(), SubprocessOptions.pipes().stdout(Stdio.DEVNULL));
            Transport stdin = c.transport().getPipeTransport(0);
            stdin.write(new byte[1 << 20]);
            assertThat(flow).containsExactly("pause");
            // What the pipe took at once has left the buffer (the native path writes at once, as asyncio does).
            assertThat(stdin.getWriteBufferSize()).isGreaterThan(64 * 1024).isLessThanOrEqualTo(1 << 20);
            resumed.await();
            assertThat(stdin.getWriteBufferSize()).isLessThanOrEqualTo(16 * 1024);
            stdin.close();
            c.protocol().done.await();
        });
    }

    @Test
    void inDebugModeAPipeRefusesAWriteFromAnotherThread() {
        Asyncio.run(() -> {
            SubprocessConnection<Recorder> c = Subprocesses.subprocessExec(Recorder::new, "cat", List.of(), SubprocessOptions.pipes());
            Transport stdin = c.transport().getPipeTransport(0);
            assertThatThrownBy(() -> Asyncio.toThread(() -> {
                stdin.write(new byte[1]);
                return null;
            }).await()).isInstanceOf(IllegalStateException.class).hasMessageContaining("write()");
            stdin.close();
            c.protocol().done.await();
        }, true);
    }
}
