// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.asyncio4j.EventLoop;
import org.asyncio4j.ExceptionHandler;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.LoopIo;
import org.asyncio4j.net.Transport;
import org.asyncio4j.subprocess.SubprocessOptions;
import org.asyncio4j.subprocess.SubprocessProtocol;
import org.asyncio4j.subprocess.SubprocessTransport;

/**
 * A child process, its pipe transports, and the events its protocol hears: asyncio's
 * {@code BaseSubprocessTransport}. How the child is started and its pipes are moved is the
 * {@link Child}'s business, chosen once per JVM ({@link SpawnPath}): natively, with the pipes and
 * the exit on the loop's selector ({@link NativeChild}), or with {@link ProcessBuilder} and a
 * thread per pipe ({@link JdkChild}).
 *
 * <h2>Lifecycle</h2>
 * {@code connectionMade} first; data, pipe ends and {@code processExited} as they come;
 * {@code connectionLost} once the process has exited and every pipe is closed, and only then do
 * {@link #awaitExit()} waiters wake (asyncio 3.12+: so that no output is left unread). Closing
 * the loop kills a child whose transport is still open, as closing the transport does, and waits
 * briefly for its exit, so that nothing of it outlives the loop.
 */
public final class ProcessTransport implements SubprocessTransport {
    private static final long EXIT_WAIT_MILLIS = 2_000;
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    private final EventLoop loop;
    private final LoopIo core;
    private final Child child;
    private final SubprocessProtocol protocol;
    private final Map<Integer, Transport> pipes = new LinkedHashMap<>();
    private final Set<Integer> lostPipes = new HashSet<>();
    private final List<Future<Integer>> exitWaiters = new ArrayList<>();
    private final Runnable closeHook = this::loopClosing;
    private Integer returncode;
    private boolean closed;
    private boolean finished;

    private ProcessTransport(EventLoop loop, Child child, SubprocessProtocol protocol) {
        this.loop = loop;
        this.core = LOOPS.io(loop);
        this.child = child;
        this.protocol = protocol;
    }

    /**
     * Starts {@code command} with {@code options} the way this JVM starts children
     * ({@link SpawnPath#chosen()}), then connects its pipes and tells {@code protocol}; parks the
     * calling task while the child starts. If the task is cancelled meanwhile, the child is killed.
     *
     * @throws java.io.FileNotFoundException if the program, the working directory or a file to redirect does not exist
     * @throws IOException if the child could not be started for another reason
     */
    public static ProcessTransport start(EventLoop loop, List<String> command, SubprocessOptions options,
                                         SubprocessProtocol protocol) throws IOException {
        return start(loop, command, options, protocol, SpawnPath.chosen());
    }

    /** {@link #start} on a given path. */
    static ProcessTransport start(EventLoop loop, List<String> command, SubprocessOptions options,
                                  SubprocessProtocol protocol, SpawnPath path) throws IOException {
        ProcessTransport transport = new ProcessTransport(loop, path.spawn(loop, command, options), protocol);
        transport.connect();
        return transport;
    }

    private void connect() throws IOException {
        try {
            for (int fd = 0; fd <= 2; fd++) {
                Transport pipe = child.openPipe(fd, this);
                if (pipe != null) {
                    pipes.put(fd, pipe);
                }
            }
            protocol.connectionMade(this);
        } catch (IOException | RuntimeException | Error e) {
            // Nobody will hold this transport.
            child.abandon();
            throw e;
        }
        core.addCloseHook(closeHook);
        child.start(this::processExited);
    }

    SubprocessProtocol protocol() {
        return protocol;
    }

    // ---------------------------------------------------------------- events, on the loop

    private void processExited(int code) {
        assert core.inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        returncode = code;
        protocol.processExited();
        // The child is gone: its stdin can take nothing more (asyncio's pipe sees the hang-up).
        Transport stdin = pipes.get(0);
        if (stdin != null) {
            stdin.close();
        }
        tryFinish();
    }

    /** The pipe {@code fd} has ended: its protocol's {@code connectionLost} has run. */
    void pipeLost(int fd) {
        lostPipes.add(fd);
        tryFinish();
    }

    private void tryFinish() {
        assert core.inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        if (finished || returncode == null || lostPipes.size() < pipes.size()) {
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
     * without callbacks, then a short wait for the exit so that nothing of the child outlives the loop.
     */
    private void loopClosing() {
        closed = true;
        child.loopClosing(EXIT_WAIT_MILLIS);
    }

    // ---------------------------------------------------------------- SubprocessTransport

    @Override
    public long getPid() {
        return child.pid();
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
        Spawn.checkSignal(signal);
        checkRunning();
        child.signal(signal);
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
            throw new IllegalStateException("the process " + child.pid() + " has exited (return code " + returncode
                    + ") and its transport is closed: there is nothing to signal");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Transport pipe : pipes.values()) {
            pipe.close();
        }
        if (returncode == null && child.isRunning()) {
            child.signal(Spawn.SIGKILL);
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

    @Override
    public String toString() {
        return "<ProcessTransport pid=" + child.pid() + (returncode != null ? " returncode=" + returncode : " running")
                + (closed ? " closed" : "") + ">";
    }
}
