// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.asyncio4j.EventLoop;
import org.asyncio4j.ExceptionHandler;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.IoHandler;
import org.asyncio4j.internal.loop.LoopIo;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.BufferedProtocol;
import org.asyncio4j.net.Protocol;

/**
 * What the stream and datagram transports share: the channel's one selection key and its
 * interest set, the closing state, extra information, and the end of the connection.
 */
abstract class SelectorTransport implements IoHandler {

    /* Implementation notes: the connection's life, one state machine for stream and datagram transports
     *
     *   from            event                                      to
     *   OPEN            close(), nothing queued                    LOST
     *   OPEN            close(), writes queued                     CLOSING
     *   CLOSING         the queue flushed                          LOST
     *   OPEN, CLOSING   abort(), a fatal error                     LOST (queued writes dropped)
     *   LOST            anything                                   LOST (nothing more happens)
     *
     * Entering LOST schedules connectionLost, once; its callback then closes the channel.
     * Reading stops on leaving OPEN.
     */

    /** Where the connection is in its life; see the table above. */
    enum Life { OPEN, CLOSING, LOST }

    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    final EventLoop loop;
    private final LoopIo core;
    final SelectableChannel channel;
    final SelectionKey key;
    final Map<String, Object> extra = new LinkedHashMap<>();
    /** Mirrors the key's interest set, so that the key is only touched when it must change. */
    int interest;
    private Life life = Life.OPEN;

    /** Takes over {@code key}, the registration of {@code channel} with the loop's selector. */
    SelectorTransport(EventLoop loop, SelectableChannel channel, SelectionKey key) {
        this.loop = loop;
        this.core = LOOPS.io(loop);
        this.channel = channel;
        this.key = key;
        this.interest = key.interestOps();
        extra.put("socket", channel);
        key.attach(this);
    }

    /** The protocol to tell about the end of the connection and to name in error reports. */
    abstract BaseProtocol protocol();

    abstract boolean hasPendingWrites();

    abstract void dropPendingWrites();

    /** Stops reading, sends what is queued, then ends the connection. */
    public void close() {
        checkThread("close");
        if (closing()) {
            return;
        }
        life = Life.CLOSING;
        setInterest(interest & ~SelectionKey.OP_READ);
        if (!hasPendingWrites()) {
            scheduleConnectionLost(null);
        }
    }

    /** Ends the connection at once, dropping what is queued. */
    public void abort() {
        forceClose(null);
    }

    public boolean isClosing() {
        return closing();
    }

    /** Whether the connection has left OPEN: closing or lost. */
    final boolean closing() {
        return life != Life.OPEN;
    }

    /** Whether connectionLost is scheduled: from then on the transport does nothing. */
    final boolean lost() {
        return life == Life.LOST;
    }

    /** Drops the queued writes and ends the connection with {@code error} as the protocol's reason. */
    final void forceClose(Exception error) {
        assert core.inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        if (lost()) {
            return;
        }
        dropPendingWrites();
        setInterest(0);
        scheduleConnectionLost(error);
    }

    /** For assertions: the caller is on this transport's loop (or none runs it). */
    final boolean onLoop() {
        return core.inLoopOrIdle();
    }

    /** Debug mode: refuses a call from a thread that is not the loop's; see {@link LoopIo#checkThread}. */
    final void checkThread(String operation) {
        core.checkThread(operation);
    }

    final void setInterest(int ops) {
        assert core.inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        if (ops != interest) {
            interest = ops;
            if (key.isValid()) {
                key.interestOps(ops);
            }
        }
    }

    /** Schedules, once, the protocol's {@code connectionLost(error)} followed by closing the channel. */
    final void scheduleConnectionLost(Exception error) {
        assert core.inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        if (lost()) {
            return;
        }
        life = Life.LOST;
        loop.callSoon(() -> {
            try {
                protocol().connectionLost(error);
            } finally {
                channelClosed();
            }
        });
    }

    /** Closes the channel; subclasses also tell whoever tracks the connection. */
    void channelClosed() {
        Channels.closeQuietly(channel);
    }

    /** The buffered protocol's buffer to read into, or null after reporting a protocol that gave none and ending the connection. */
    final ByteBuffer borrowBuffer(BufferedProtocol buffered) {
        try {
            ByteBuffer buffer = buffered.getBuffer(-1);
            if (buffer == null || !buffer.hasRemaining()) {
                throw new IllegalStateException("getBuffer() returned " + (buffer == null ? "null" : "a full buffer")
                        + "; it must return a buffer with room to read into");
            }
            return buffer;
        } catch (RuntimeException e) {
            reportError(e, "Fatal error: protocol.getBuffer() call failed.");
            forceClose(e);
            return null;
        }
    }

    /**
     * Hands the {@code n} bytes just read into {@code buffer} to {@code protocol}: a
     * {@link BufferedProtocol}'s own buffer is only marked filled, a {@link Protocol} gets a copy.
     * A protocol that fails is reported and ends the connection.
     */
    final void deliver(BaseProtocol protocol, ByteBuffer buffer, int n) {
        try {
            if (protocol instanceof BufferedProtocol buffered) {
                buffered.bufferUpdated(n);
            } else {
                byte[] data = new byte[n];
                buffer.flip().get(data);
                ((Protocol) protocol).dataReceived(data);
            }
        } catch (RuntimeException e) {
            reportError(e, "Fatal error: the protocol failed to take the data it received.");
            forceClose(e);
        }
    }

    final void reportError(Exception error, String message) {
        Map<String, Object> context = ExceptionHandler.context(message, error);
        context.put("transport", this);
        context.put("protocol", protocol());
        loop.callExceptionHandler(context);
    }

    public Object getExtraInfo(String name) {
        return extra.get(Objects.requireNonNull(name, "name"));
    }

    /** Completes {@code waiter} in a callback of its own, after those already scheduled (unless it was cancelled). */
    static void completeSoon(EventLoop loop, Future<Void> waiter) {
        loop.callSoon(() -> {
            if (!waiter.isDone()) {
                waiter.setResult(null);
            }
        });
    }

    /**
     * Parks until {@code waiter} completes, aborting the transport if the wait fails or is
     * cancelled, so that nothing is left open.
     */
    static void awaitStarted(Future<Void> waiter, Runnable abort) throws IOException {
        try {
            Awaiting.await(waiter);
        } catch (IOException | RuntimeException | Error e) {
            abort.run();
            throw e;
        }
    }
}
