// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.ExceptionHandler;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.LoopIo;
import org.asyncio4j.internal.net.Awaiting;
import org.asyncio4j.net.Transport;
import org.asyncio4j.subprocess.SubprocessProtocol;
import org.asyncio4j.subprocess.SubprocessTransport;

/**
 * A child process started with {@link ProcessBuilder}, its pipe transports, and the events its
 * protocol hears. asyncio's {@code BaseSubprocessTransport}.
 *
 * <h2>Why a thread per pipe</h2>
 * The JDK gives a child's pipes only as blocking streams: they cannot join the loop's
 * {@code Selector}, and the loop thread must never block. Each pipe therefore has a platform
 * thread that blocks in its stead ({@link PipeReader}, {@link PipeWriter}) and posts results to
 * the loop's inbox; the exit is observed with {@link Process#onExit()}, whose completion the JDK's
 * own reaper thread delivers. stdout and stderr are pipes of our own ({@link OutputPipe}), which
 * the reaper cannot close when the child exits, so they are read to their own end of file. The
 * alternative, spawning through the FFM API with non-blocking pipe descriptors polled by one
 * thread per loop, would save two threads per child but means
 * re-implementing {@code ProcessBuilder} (environment, directory, redirects, descriptor hygiene)
 * in native calls that need {@code --enable-native-access}. Measured here (2 cores, shared): a
 * child's start costs about 2 ms, far more than two parked platform threads, and {@code cat}
 * moves 600 to 800 MB/s through the pipe threads (asyncio on CPython 3.11: 700 to 1,400 MB/s on
 * the same machine; see the bench module's {@code SubprocessThroughput}), so the threads win on
 * simplicity and the native route is left for when the throughput matters.
 *
 * <h2>Lifecycle</h2>
 * {@code connectionMade} first; data, pipe ends and {@code processExited} as they come;
 * {@code connectionLost} once the process has exited and every pipe is closed, and only then do
 * {@link #awaitExit()} waiters wake (asyncio 3.12+: so that no output is left unread). Closing
 * the loop kills a child whose transport is still open, as closing the transport does, and waits
 * briefly for the pipe threads, which end with the pipes.
 */
public final class ProcessTransport implements SubprocessTransport {
    private static final Object ABANDONED = new Object();
    private static final long EXIT_WAIT_MILLIS = 2_000;
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    private final EventLoop loop;
    private final LoopIo core;
    private final Process process;
    private final SubprocessProtocol protocol;
    private final Map<Integer, PipePump> pipes = new LinkedHashMap<>();
    private final List<Future<Integer>> exitWaiters = new ArrayList<>();
    private final Runnable closeHook = this::loopClosing;
    private Integer returncode;
    private boolean closed;
    private boolean finished;

    private ProcessTransport(EventLoop loop, Process process, SubprocessProtocol protocol) {
        this.loop = loop;
        this.core = LOOPS.io(loop);
        this.process = process;
        this.protocol = protocol;
    }

    /**
     * Starts {@code builder}'s command off the loop (a spawn blocks for milliseconds), then
     * connects its pipes and tells {@code protocol}; parks the calling task meanwhile. If the task
     * is cancelled while the child starts, the child is killed.
     *
     * @throws java.io.FileNotFoundException if the program or the working directory does not exist
     * @throws IOException if the child could not be started for another reason
     */
    public static ProcessTransport start(EventLoop loop, ProcessBuilder builder, SubprocessProtocol protocol) throws IOException {
        Spawn.Child child = spawn(loop, builder);
        ProcessTransport transport = new ProcessTransport(loop, child.process(), protocol);
        transport.connect(child);
        return transport;
    }

    private static Spawn.Child spawn(EventLoop loop, ProcessBuilder builder) throws IOException {
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
            return Awaiting.await(started);
        } catch (CancelledError e) {
            if (claim.getAndSet(ABANDONED) instanceof Spawn.Child child) {
                child.abandon();
            }
            throw e;
        }
    }

    private void connect(Spawn.Child child) {
        if (child.stdin() != null) {
            pipes.put(0, new PipeWriter(loop, this, child.stdin(), new PipeRelay(this, 0)));
        }
        if (child.stdout() != null) {
            pipes.put(1, new PipeReader(loop, this, 1, child.stdout(), new PipeRelay(this, 1)));
        }
        if (child.stderr() != null) {
            pipes.put(2, new PipeReader(loop, this, 2, child.stderr(), new PipeRelay(this, 2)));
        }
        try {
            protocol.connectionMade(this);
        } catch (RuntimeException | Error e) {
            // Nobody will hold this transport.
            child.abandon();
            throw e;
        }
        core.addCloseHook(closeHook);
        pipes.values().forEach(PipePump::start);
        process.onExit().whenComplete((p, error) -> core.pushThreadsafe(this::processExited));
    }

    SubprocessProtocol protocol() {
        return protocol;
    }

    // ---------------------------------------------------------------- events, on the loop

    private void processExited() {
        assert core.inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        returncode = Spawn.returncode(process.exitValue());
        protocol.processExited();
        // The child is gone: its stdin can take nothing more (asyncio's pipe sees the hang-up).
        PipePump stdin = pipes.get(0);
        if (stdin != null) {
            stdin.close();
        }
        tryFinish();
    }

    void pipeLost(int fd) {
        tryFinish();
    }

    private void tryFinish() {
        assert core.inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        if (finished || returncode == null || pipes.values().stream().anyMatch(p -> !p.lost)) {
            return;
        }
        finished = true;
        loop.callSoon(() -> {
            try {
                protocol.connectionLost(null);
            } finally {
                core.removeCloseHook(closeHook);
                for (Future<Integer> waiter : exitWaiters) {
                    if (!waiter.isDone()) {
                        waiter.setResult(returncode);
                    }
                }
                exitWaiters.clear();
            }
        });
    }

    /**
     * Parks until the process has exited and its pipes are closed; returns the return code. If
     * the code is already known, returns it at once. Cancelling the wait leaves the child running.
     */
    public int awaitExit() {
        if (returncode != null) {
            return returncode;
        }
        Future<Integer> waiter = loop.createFuture();
        exitWaiters.add(waiter);
        try {
            return waiter.await();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            exitWaiters.remove(waiter);
        }
    }

    void reportError(Exception error, String message) {
        Map<String, Object> context = ExceptionHandler.context(message, error);
        context.put("transport", this);
        context.put("protocol", protocol);
        loop.callExceptionHandler(context);
    }

    /**
     * The loop is closing: what asyncio's transport does when it is collected (kill and close),
     * without callbacks, then a short wait for the exit and the pipe threads so that none outlives
     * the loop (stdout and stderr threads end as their pipes are closed, even while a grandchild
     * holds them; a stdin thread blocked in a write ends only when the child reads or exits).
     */
    private void loopClosing() {
        closed = true;
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipes.values().forEach(PipePump::shutDown);
    }

    // ---------------------------------------------------------------- SubprocessTransport

    @Override
    public long getPid() {
        return process.pid();
    }

    @Override
    public Integer getReturncode() {
        return returncode;
    }

    @Override
    public Transport getPipeTransport(int fd) {
        if (fd < 0 || fd > 2) {
            throw new IllegalArgumentException("a child's pipes are fd 0 (stdin), 1 (stdout) and 2 (stderr), not " + fd);
        }
        return pipes.get(fd);
    }

    @Override
    public void sendSignal(int signal) {
        checkRunning();
        Spawn.signal(process, signal);
    }

    @Override
    public void sendSignal(String signal) {
        Objects.requireNonNull(signal, "signal");
        sendSignal(Spawn.signalNumber(signal));
    }

    @Override
    public void terminate() {
        sendSignal(Spawn.SIGTERM);
    }

    @Override
    public void kill() {
        sendSignal(Spawn.SIGKILL);
    }

    private void checkRunning() {
        if (finished) {
            throw new IllegalStateException("the process " + process.pid() + " has exited (return code " + returncode
                    + ") and its transport is closed: there is nothing to signal");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PipePump pipe : pipes.values()) {
            pipe.close();
        }
        if (returncode == null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Override
    public boolean isClosing() {
        return closed;
    }

    @Override
    public SubprocessProtocol getProtocol() {
        return protocol;
    }

    /** Whether every pipe thread of this child has ended. */
    public boolean pipeThreadsEnded() {
        return pipes.values().stream().noneMatch(PipePump::threadAlive);
    }

    @Override
    public String toString() {
        return "<ProcessTransport pid=" + process.pid() + (returncode != null ? " returncode=" + returncode : " running")
                + (closed ? " closed" : "") + ">";
    }
}
