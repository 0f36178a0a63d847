// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.net.Awaiting;
import org.asyncio4j.net.Transport;
import org.asyncio4j.subprocess.SubprocessOptions;

/**
 * A child started with {@link ProcessBuilder}, the portable path ({@link SpawnPath#JDK}).
 *
 * <h2>Why a thread per pipe</h2>
 * The JDK gives a child's pipes only as blocking streams: they cannot join the loop's
 * {@code Selector}, and the loop thread must never block. Each pipe therefore has a platform
 * thread that blocks in its stead ({@link PipeReader}, {@link PipeWriter}) and posts results to
 * the loop's inbox; the exit is observed with {@link Process#onExit()}, whose completion the JDK's
 * own reaper thread delivers. stdout and stderr are pipes of our own ({@link OutputPipe}), which
 * the reaper cannot close when the child exits, so they are read to their own end of file. The
 * spawn itself (about 2 ms) runs on the loop's default executor.
 */
final class JdkChild implements Child {
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());
    private static final Object ABANDONED = new Object();

    private final EventLoop loop;
    private final Spawn.Child spawned;
    private final Process process;
    private final List<PipePump> pumps = new ArrayList<>(3);

    private JdkChild(EventLoop loop, Spawn.Child spawned) {
        this.loop = loop;
        this.spawned = spawned;
        this.process = spawned.process();
    }

    /**
     * Starts {@code command} off the loop (a spawn blocks for milliseconds), parking the calling
     * task meanwhile. If the task is cancelled while the child starts, the child is killed.
     */
    static JdkChild spawn(EventLoop loop, List<String> command, SubprocessOptions options) throws IOException {
        ProcessBuilder builder = Spawn.builder(command, options);
        // The spawning thread and a cancelled caller race to claim the child: the loser kills it.
        AtomicReference<Object> claim = new AtomicReference<>();
        Future<Spawn.Child> started = loop.runInExecutor(null, () -> {
            Spawn.Child child = Spawn.startPiped(builder);
            if (!claim.compareAndSet(null, child)) {
                child.abandon();
            }
            return child;
        });
        try {
            return new JdkChild(loop, Awaiting.await(started));
        } catch (CancelledError e) {
            if (claim.getAndSet(ABANDONED) instanceof Spawn.Child child) {
                child.abandon();
            }
            throw e;
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Transport openPipe(int fd, ProcessTransport owner) {
        PipePump pump = switch (fd) {
            case 0 -> spawned.stdin() == null ? null : new PipeWriter(loop, owner, spawned.stdin(), new PipeRelay(owner, 0));
            case 1 -> spawned.stdout() == null ? null : new PipeReader(loop, owner, 1, spawned.stdout(), new PipeRelay(owner, 1));
            default -> spawned.stderr() == null ? null : new PipeReader(loop, owner, 2, spawned.stderr(), new PipeRelay(owner, 2));
        };
        if (pump != null) {
            pumps.add(pump);
        }
        return pump;
    }

    @Override
    public void start(IntConsumer exited) {
        pumps.forEach(PipePump::start);
        process.onExit().whenComplete((p, error) ->
                LOOPS.io(loop).pushThreadsafe(() -> exited.accept(Spawn.returncode(process.exitValue()))));
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void signal(int signal) {
        Spawn.signal(process, signal);
    }

    @Override
    public void abandon() {
        spawned.abandon();
    }

    /**
     * Kills and waits, then stops the pipe threads: stdout and stderr threads end as their pipes
     * are closed, even while a grandchild holds them; a stdin thread blocked in a write ends only
     * when the child reads or exits.
     */
    @Override
    public void loopClosing(long millis) {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pumps.forEach(PipePump::shutDown);
    }
}
