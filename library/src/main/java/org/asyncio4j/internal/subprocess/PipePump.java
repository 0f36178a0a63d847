// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.LoopIo;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.Transport;

/**
 * What the two pipe transports share: the platform thread that does the blocking I/O, the hand-off
 * of its results to the loop, the closing state and the one {@code connectionLost}.
 *
 * <p>A child's pipes are not selectable channels, so each pipe has a platform thread of its own
 * that blocks in {@code read} or {@code write} and posts what happened to the loop's inbox; see
 * {@link JdkChild} for why.
 */
abstract class PipePump implements Transport {
    /** How long closing the loop waits for a pipe's thread after killing the child. */
    private static final long JOIN_MILLIS = 2_000;
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    /** Guards what the loop shares with the thread; {@link #changed} wakes the thread when it changes. */
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    /** The thread must end at its next chance; set under {@link #lock} so that a waiting thread cannot miss it. */
    volatile boolean stopped;

    final EventLoop loop;
    final ProcessTransport owner;
    final int fd;
    private final LoopIo core;
    private final Thread thread;
    private BaseProtocol protocol;
    boolean closing;
    /** connectionLost is scheduled: from then on the transport does nothing. */
    boolean lost;

    PipePump(EventLoop loop, ProcessTransport owner, int fd, BaseProtocol protocol) {
        this.loop = loop;
        this.owner = owner;
        this.fd = fd;
        this.protocol = protocol;
        this.core = LOOPS.io(loop);
        // Platform, not virtual: a virtual thread made inside a task would run on the loop itself.
        this.thread = Thread.ofPlatform().daemon().stackSize(256 * 1024)
                .name("asyncio4j-pipe-" + owner.getPid() + "-fd" + fd).unstarted(this::pump);
    }

    /** The thread's body: blocking I/O until the pipe ends or {@link #stopPump()}. */
    abstract void pump();

    /** Makes the thread stop at its next chance and releases the stream (a blocked call still ends only with the pipe). */
    abstract void stopPump();

    final void start() {
        thread.start();
    }

    /**
     * Takes {@link #lock}, never parking the loop's side. A task parked on the lock can only
     * resume on the loop thread; if the loop thread then parked on the same lock behind it (a
     * callback such as the child's exit closing the pipe), neither would run again: seen as a loop
     * stuck in {@code processExited} while the task writing stdin waited for the lock. The pipe's
     * thread holds the lock only for a few field updates, so the loop's side spins instead.
     */
    final void lockShared() {
        if (core.inLoop()) {
            while (!lock.tryLock()) {
                Thread.onSpinWait();
            }
        } else {
            lock.lock();
        }
    }

    /** Debug mode: refuses a call from a thread that is not the loop's; see {@link LoopIo#checkThread}. */
    final void checkThread(String operation) {
        core.checkThread(operation);
    }

    /** For assertions: the caller is on the pipe's loop (or none runs it). */
    final boolean onLoop() {
        return core.inLoopOrIdle();
    }

    /** Runs {@code action} on the loop; false if the loop has closed (the thread then just ends). */
    final boolean post(Runnable action) {
        return core.pushThreadsafe(action);
    }

    /** For the loop's closing: stops the thread and waits a little for it, once the child has been killed. */
    final void shutDown() {
        stopPump();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Schedules, once, the protocol's {@code connectionLost(error)}, then tells the process transport. */
    final void scheduleConnectionLost(Exception error) {
        assert onLoop() : "loop-only, called from " + Thread.currentThread();
        if (lost) {
            return;
        }
        lost = true;
        closing = true;
        stopPump();
        loop.callSoon(() -> {
            try {
                protocol.connectionLost(error);
            } finally {
                owner.pipeLost(fd);
            }
        });
    }

    @Override
    public void abort() {
        checkThread("abort");
        scheduleConnectionLost(null);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public Object getExtraInfo(String name) {
        return "pipe".equals(name) ? fd : null;
    }

    static UnsupportedOperationException wrongDirection(int fd, String operation) {
        return new UnsupportedOperationException(operation + "() is not available on the pipe of fd " + fd
                + (fd == 0 ? ", the child's stdin, which is write-only" : ", a read-only output of the child"));
    }

    /** Copies what remains of {@code data}, consuming it. */
    static byte[] take(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " fd=" + fd + " pid=" + owner.getPid() + (closing ? " closing" : "") + ">";
    }
}
