// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.IoHandler;
import org.asyncio4j.internal.loop.LoopIo;

/**
 * Lets a task park until a channel it drives itself is ready to read, write, connect or accept:
 * what asyncio's {@code loop.sock_*} methods do with {@code add_reader}/{@code add_writer}. The
 * channel stays registered (once) until it is closed; its interest set is only non-empty while
 * a task waits. One task may wait to read (or accept) and another to write (or connect) at once.
 */
final class Readiness implements IoHandler {
    private static final int INBOUND = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    private final SelectionKey key;
    private Future<Void> inbound;
    private Future<Void> outbound;

    private Readiness(SelectionKey key) {
        this.key = key;
    }

    /**
     * Parks the current task until {@code channel} is ready for {@code op} (one
     * {@code SelectionKey.OP_*}).
     *
     * @throws IllegalStateException if the channel belongs to a transport, or another task already waits for the same direction
     */
    static void await(EventLoop loop, SelectableChannel channel, int op) throws IOException {
        requireNonBlocking(channel);
        LoopIo io = LOOPS.io(loop);
        SelectionKey key = io.keyFor(channel);
        Readiness readiness;
        if (key == null) {
            key = io.register(channel, 0, null);
            readiness = new Readiness(key);
            key.attach(readiness);
        } else if (key.attachment() instanceof Readiness existing) {
            readiness = existing;
        } else {
            throw new IllegalStateException("the channel is driven by a transport; use the transport, not the socket");
        }
        readiness.park(loop, op);
    }

    /** A blocking channel would stall the whole loop: refuse it. */
    static void requireNonBlocking(SelectableChannel channel) {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("the channel must be in non-blocking mode: call configureBlocking(false) first");
        }
    }

    private void park(EventLoop loop, int op) throws IOException {
        boolean in = (op & INBOUND) != 0;
        Future<Void> current = in ? inbound : outbound;
        if (current != null && !current.isDone()) {
            throw new IllegalStateException("another task is already waiting to " + (in ? "read from" : "write to") + " this channel");
        }
        Future<Void> waiter = loop.createFuture();
        if (in) {
            inbound = waiter;
        } else {
            outbound = waiter;
        }
        key.interestOps(key.interestOps() | op);
        try {
            Awaiting.await(waiter);
        } finally {
            if (key.isValid()) {
                key.interestOps(key.interestOps() & ~op);
            }
        }
    }

    @Override
    public void run() {
        if (!key.isValid()) {
            return;
        }
        int ready = key.readyOps() & key.interestOps();
        if ((ready & INBOUND) != 0) {
            wake(inbound);
        }
        if ((ready & ~INBOUND) != 0) {
            wake(outbound);
        }
    }

    @Override
    public String toString() {
        return "<Readiness of " + key.channel() + ">";
    }

    private static void wake(Future<Void> waiter) {
        if (waiter != null && !waiter.isDone()) {
            waiter.setResult(null);
        }
    }
}
