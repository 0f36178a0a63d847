// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.DoneAndPending;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.Streams;
import org.asyncio4j.queues.Queue;
import org.asyncio4j.sync.Lock;

/** Everything in the library that waits by time follows the virtual clock; real I/O still works on it. */
class VirtualTimeTest {
    @AsyncioTest
    void timeoutWaitAndAsCompletedExpireAtTheirVirtualDeadlines(TestLoop test, EventLoop loop) {
        Queue<String> queue = new Queue<>();
        assertThatThrownBy(() -> Asyncio.timeout(5.0, () -> queue.get())).isInstanceOf(TimeoutError.class);
        assertThat(test.time()).isEqualTo(5.0);

        Future<String> never = loop.createFuture();
        Task<String> slow = Asyncio.createTask(() -> Asyncio.sleep(20, "slow"));
        DoneAndPending<Future<String>> waited = Asyncio.wait(List.of(never, slow), 10);
        assertThat(waited.pending()).hasSize(2);
        assertThat(test.time()).isEqualTo(15.0);

        List<Double> arrivals = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (Future<String> next : Asyncio.asCompleted(List.of(slow, never), 30)) {
                next.await();
                arrivals.add(loop.time());
            }
        }).isInstanceOf(TimeoutError.class);
        assertThat(arrivals).containsExactly(25.0);
        assertThat(test.time()).isEqualTo(45.0);
    }

    @AsyncioTest
    void aLockWaitedForWithATimeoutGivesUpOnTime(TestLoop test) throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        Task<Void> holder = Asyncio.createTask(() -> {
            Asyncio.sleep(100);
            lock.release();
        });
        assertThatThrownBy(() -> Asyncio.waitFor(() -> {
            lock.acquire();
            return null;
        }, 3)).isInstanceOf(TimeoutError.class);
        assertThat(test.time()).isEqualTo(3.0);
        holder.await();
    }

    @AsyncioTest
    void aServerAndItsClientOnTheLoopTalkWhileTheClockJumps(TestLoop test) throws Exception {
        for (int round = 0; round < 20; round++) {
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    byte[] line = reader.readline();
                    Asyncio.sleep(2);
                    writer.write(line);
                    writer.drain();
                    reader.read(); // until the client closes
                }
            }, "127.0.0.1", 0);
            double start = test.time();
            try (StreamConnection connection = Streams.openConnection("127.0.0.1", server.port())) {
                connection.writer().write("ping\n".getBytes(UTF_8));
                byte[] echoed = Asyncio.waitFor(() -> connection.reader().readline(), 5);
                assertThat(new String(echoed, UTF_8)).isEqualTo("ping\n");
                assertThat(test.time() - start).isEqualTo(2.0);
                assertThatThrownBy(() -> Asyncio.waitFor(() -> connection.reader().readline(), 1))
                        .isInstanceOf(TimeoutError.class);
            }
            server.close();
            server.waitClosed();
        }
    }
}
