// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.internal.loop.IoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tasks switching with one another keep the loop's iterations exactly as a loop thread running
 * every step would: which iteration each step runs in, where callbacks, timers and I/O handlers
 * fall between steps, where {@code stop()} ends the loop. In portable mode one task hands the loop
 * straight to the next while the loop thread waits, so these are the bookkeeping that hand-over
 * must keep; the suite runs in both modes.
 */
@Timeout(30)
class TaskSwitchIterationsTest {
    private final EventLoop loop = Asyncio.newEventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        loop.close();
    }

    /** Logs {@code name} and the step's iteration, counted from {@code base}. */
    private void step(String name, long base) {
        log.add(name + "@" + (loop.statistics().iterations() - base));
    }

    private Task<Void> switcher(String name, int steps, long base) {
        return loop.createTask(() -> {
            for (int i = 0; i < steps; i++) {
                step(name + i, base);
                Asyncio.sleep(0);
            }
        });
    }

    @Test
    void tasksThatOnlySwitchRunOneStepEachPerIteration() {
        long base = loop.statistics().iterations();
        Task<Void> a = switcher("A", 3, base);
        Task<Void> b = switcher("B", 3, base);
        loop.runUntilComplete(Asyncio.gather(a, b));
        assertThat(log).containsExactly("A0@1", "B0@1", "A1@2", "B1@2", "A2@3", "B2@3");
    }

    @Test
    void callbacksAndADueTimerKeepTheirPlaceBetweenTaskSteps() {
        // as in CPython 3.13: A0 B0 c0 timer A1 B1 c1 A2 B2 c2
        long base = loop.statistics().iterations();
        Task<Void> a = switcher("A", 3, base);
        Task<Void> b = switcher("B", 3, base);
        int[] chain = {0};
        Runnable[] c = new Runnable[1];
        c[0] = () -> {
            step("c" + chain[0], base);
            if (++chain[0] < 3) {
                loop.callSoon(c[0]);
            }
        };
        loop.callSoon(c[0]);
        loop.callLater(0, () -> step("timer", base));
        loop.runUntilComplete(Asyncio.gather(a, b));
        assertThat(log).containsExactly("A0@1", "B0@1", "c0@1", "timer@1", "A1@2", "B1@2", "c1@2", "A2@3", "B2@3", "c2@3");
    }

    @Test
    void stopFromATaskEndsTheLoopAfterTheIterationInProgress() {
        // as in CPython 3.13: the second run goes on with the next steps
        long base = loop.statistics().iterations();
        Task<Void> a = loop.createTask(() -> {
            for (int i = 0; ; i++) {
                step("A" + i, base);
                if (i == 2) {
                    loop.stop();
                }
                Asyncio.sleep(0);
            }
        });
        Task<Void> b = switcher("B", Integer.MAX_VALUE, base);
        loop.runForever();
        assertThat(log).containsExactly("A0@1", "B0@1", "A1@2", "B1@2", "A2@3", "B2@3");
        log.clear();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertThat(log).containsExactly("A3@4", "B3@4");
        a.cancel();
        b.cancel();
        loop.runUntilComplete(Asyncio.gatherOutcomes(a, b));
        assertThat(a.isCancelled() && b.isCancelled()).isTrue();
    }

    @Test
    void aReadyChannelsHandlerRunsWithinThePollingIntervalWhileTasksSwitch() throws IOException {
        int[] steps = {0};
        int[] writtenAt = {-1};
        int[] handledAt = {-1};
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel readable = pipe.source(); Pipe.SinkChannel writer = pipe.sink()) {
            readable.configureBlocking(false);
            IoHandler handler = () -> {
                if (handledAt[0] < 0) {
                    handledAt[0] = steps[0];
                }
            };
            readable.register(loop.core().selector(), SelectionKey.OP_READ, handler);
            AsyncRunnable body = () -> {
                while (handledAt[0] < 0 && steps[0] < 10_000_000) {
                    if (++steps[0] == 1_000) {
                        write(writer);
                        writtenAt[0] = steps[0];
                    }
                    Asyncio.sleep(0);
                }
            };
            loop.runUntilComplete(Asyncio.gather(loop.createTask(body), loop.createTask(body)));
        }
        assertThat(handledAt[0]).as("the handler ran while the tasks went on switching").isPositive();
        // two steps an iteration: at most LoopCore.POLL_INTERVAL (128) steps before the poll, plus the rest of its iteration
        assertThat(handledAt[0] - writtenAt[0]).isBetween(1, 128 + 1);
    }

    private static void write(Pipe.SinkChannel sink) {
        try {
            sink.write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
