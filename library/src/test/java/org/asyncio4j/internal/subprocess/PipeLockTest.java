// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.subprocess.SubprocessOptions;
import org.asyncio4j.subprocess.SubprocessProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PipeLockTest {

    /**
     * A task waiting for a pipe's lock resumes only on the loop thread, so the loop thread must not
     * park on that lock behind it. Here another thread holds the lock (as the pipe's thread does
     * for a moment) while a task writes and a callback then closes the pipe: once the holder lets
     * go, both must go through.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a regression hangs the loop: fail, do not hang
    void theLoopNeverParksOnAPipeLockBehindItsOwnTask() throws Exception {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            // The pipe threads and their lock are the JDK path's.
            ProcessTransport p = ProcessTransport.start(loop, List.of("cat"), SubprocessOptions.pipes(), new SubprocessProtocol() { },
                    SpawnPath.JDK);
            PipePump stdin = (PipePump) p.getPipeTransport(0);
            CountDownLatch held = new CountDownLatch(1);
            Thread holder = Thread.ofPlatform().start(() -> {
                stdin.lock.lock();
                try {
                    held.countDown();
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    stdin.lock.unlock();
                }
            });
            held.await();
            Task<Void> writer = Asyncio.createTask(() -> stdin.write(ByteBuffer.wrap("x\n".getBytes())));
            Asyncio.sleep(0); // the writer runs and meets the held lock
            loop.callSoon(stdin::close);
            writer.await();
            holder.join();
            p.kill();
            p.awaitExit();
            assertThat(writer.isDone()).isTrue();
        });
    }
}
