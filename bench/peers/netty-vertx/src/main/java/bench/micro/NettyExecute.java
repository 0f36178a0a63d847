// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package bench.micro;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;

/**
 * The threadsafe case on Netty: a platform thread hands one epoll event loop N tasks with
 * {@link EventLoop#execute}, as fast as it can; each counts itself on the loop and the last
 * completes a future. The peer of asyncio4j's {@code callSoonThreadsafe} and uvloop's
 * {@code call_soon_threadsafe}; bench/run times it with its PeerPasses driver:
 * {@code java -cp CLASSPATH PeerPasses.java netty-epoll threadsafe N PASSES}.
 */
public final class NettyExecute {
    private static final EventLoop LOOP = loop();

    private NettyExecute() {
    }

    private static EventLoop loop() {
        Epoll.ensureAvailability();
        // ONE thread, a daemon so that the driver's JVM exits when its passes are done
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netty-execute", true),
                EpollIoHandler.newFactory()).next();
    }

    /** One pass: nanoseconds per task from the first execute() to the last task's run. */
    static double threadsafe(int n) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] count = {0}; // touched on the loop thread only
        Runnable task = () -> {
            if (++count[0] == n) {
                done.complete(null);
            }
        };
        long t0 = System.nanoTime();
        Thread sender = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < n; i++) {
                LOOP.execute(task);
            }
        });
        done.get();
        long elapsed = System.nanoTime() - t0;
        sender.join();
        return (double) elapsed / n;
    }
}
