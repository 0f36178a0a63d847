// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop's I/O polling while callbacks are ready: the bounds {@link LoopCore#POLL_INTERVAL}
 * promises (in iterations and callbacks) under a never-ending stream of callbacks, and a loop
 * with nothing ready that blocks in the poller instead of spinning.
 */
@Timeout(30)
class LoopPollingTest {
    /** A stream of callbacks that would run for seconds: the bound must end it much sooner. */
    private static final long ENDLESS = 20_000_000;

    private final LoopCore core = new LoopCore(new LoopCore.Hooks() {
        @Override
        public boolean isTaskOfThisLoop(Thread current) {
            return false;
        }

        @Override
        public void callbackFailed(Runnable item, Throwable error) {
            throw new AssertionError("a callback failed", error);
        }

        @Override
        public boolean isCancelledTimer(Runnable item) {
            return false;
        }

        @Override
        public void slowCallback(Runnable item, long nanos) {
        }

        @Override
        public boolean hasTaskBlockedOutsideLoop() {
            return false;
        }
    }, LoopClock.SYSTEM);
    private final Pipe pipe;

    /** Callbacks run so far by the stream, and the stream's count when the pipe became readable and when its handler ran. */
    private long count;
    private long writtenAt = -1;
    private long handledAt = -1;
    private long writtenNanos;
    private long handledNanos;

    LoopPollingTest() throws IOException {
        pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        pipe.source().register(core.selector(), SelectionKey.OP_READ, (IoHandler) this::readable);
    }

    @AfterEach
    void close() throws IOException {
        core.close();
        pipe.sink().close();
    }

    private void readable() {
        if (handledAt < 0) {
            handledAt = count;
            handledNanos = System.nanoTime();
            core.stop();
        }
    }

    /**
     * {@code width} callbacks that each reschedule themselves until the pipe's handler has run, so
     * every iteration runs {@code width} callbacks and the ready queue is never empty; the
     * {@code writeAt}-th callback makes the pipe readable.
     */
    private void runStream(int width, long writeAt) {
        runStream(width, writeAt, 0);
    }

    /** Like {@link #runStream(int, long)}, each callback spinning for {@code spinNanos} first. */
    private void runStream(int width, long writeAt, long spinNanos) {
        Runnable[] stream = new Runnable[width];
        for (int i = 0; i < width; i++) {
            int self = i;
            stream[i] = () -> {
                for (long start = System.nanoTime(); System.nanoTime() - start < spinNanos; ) {
                    Thread.onSpinWait();
                }
                if (++count == writeAt) {
                    write();
                }
                if (handledAt < 0 && count < ENDLESS) {
                    core.pushReady(stream[self]);
                } else {
                    core.stop();
                }
            };
            core.pushReady(stream[i]);
        }
        core.runForever();
    }

    private void write() {
        try {
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        writtenAt = count;
        writtenNanos = System.nanoTime();
    }

    @Test
    void aReadyChannelsHandlerRunsWithinThePollIntervalOfOneCallbackIterations() {
        runStream(1, 1_000);

        assertThat(handledAt).as("the handler ran while the stream went on").isPositive();
        // one callback per iteration: the handler runs at most POLL_INTERVAL iterations (and callbacks) later
        assertThat(handledAt - writtenAt).isBetween(1L, (long) LoopCore.POLL_INTERVAL);
        assertThat(handledNanos - writtenNanos).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void slowCallbacksBringThePollForwardToTheTimeInterval() {
        // 16 callbacks of 20 µs take longer than POLL_INTERVAL_NANOS: the clock, read every
        // CLOCK_INTERVAL callbacks, asks for a poll long before POLL_INTERVAL callbacks have run
        runStream(1, 100, 20_000);

        assertThat(LoopCore.CLOCK_INTERVAL * 20_000L).isGreaterThan(LoopCore.POLL_INTERVAL_NANOS);
        assertThat(handledAt - writtenAt).isBetween(1L, (long) LoopCore.CLOCK_INTERVAL);
    }

    @Test
    void aReadyChannelsHandlerRunsInTheNextIterationWhenIterationsAreLong() {
        int width = 500; // more than POLL_INTERVAL callbacks per iteration: every iteration polls, as asyncio does
        runStream(width, 10 * width + 7);

        assertThat(handledAt).isPositive();
        long writtenIteration = (writtenAt - 1) / width;
        long handledIteration = (handledAt - 1) / width;
        assertThat(handledIteration).isEqualTo(writtenIteration + 1);
    }

    @Test
    void aCallbackFromAnotherThreadRunsWhileTheLoopIsBusyWithoutWaitingForAPoll() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        AtomicLong ranAfter = new AtomicLong(-1);
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                return;
            }
            core.pushThreadsafe(() -> {
                ranAfter.set(count);
                handledAt = count;
            });
        });
        Runnable[] spin = new Runnable[1];
        spin[0] = () -> {
            if (++count == 100) {
                busy.countDown();
            }
            if (handledAt < 0 && count < ENDLESS) {
                core.pushReady(spin[0]);
            } else {
                core.stop();
            }
        };
        core.pushReady(spin[0]);
        core.runForever();
        other.join();

        assertThat(ranAfter.get()).as("ran before the stream's end").isBetween(100L, ENDLESS - 1);
    }

    @Test
    void aLoopWithNothingReadyBlocksInThePollerUntilItsTimerIsDue() throws IOException {
        assumeTrue(Files.isReadable(THREAD_STAT), "needs Linux's /proc/thread-self/stat to read this thread's CPU time");
        long delay = TimeUnit.MILLISECONDS.toNanos(300);
        long start = System.nanoTime();
        core.schedule(core.nanoTime() + delay, core::stop);
        long ticks0 = cpuTicks();
        core.runForever();
        long ticks = cpuTicks() - ticks0;

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(delay);
        // clock ticks are usually 10 ms: a loop spinning through the 300 ms would use about 30
        assertThat(ticks).as("CPU clock ticks the loop thread used while waiting").isLessThan(10);
    }

    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    /** The calling thread's user + system CPU time in clock ticks (fields 14 and 15, after the parenthesised name). */
    private static long cpuTicks() throws IOException {
        String stat = Files.readString(THREAD_STAT);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
