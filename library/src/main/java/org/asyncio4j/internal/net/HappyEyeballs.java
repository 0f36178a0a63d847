// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimerHandle;

/**
 * RFC 8305 connection racing: attempts start one after another, {@code delay} apart or as soon
 * as the previous one fails, and the first to connect wins; the others are cancelled and their
 * sockets closed. asyncio's {@code staggered_race} under {@code happy_eyeballs_delay}.
 */
final class HappyEyeballs {
    /** Opens one connection attempt; a task runs each. */
    interface Attempt {
        Connector.Connected open(SocketAddress address) throws IOException;
    }

    private HappyEyeballs() {
    }

    /**
     * Races attempts to {@code addresses} (interleaved by address family, the first family
     * first, as RFC 8305 section 4 asks) and returns the first connection made.
     *
     * @throws IOException combining every attempt's error if none connects
     */
    static Connector.Connected race(EventLoop loop, List<? extends SocketAddress> addresses, double delaySeconds,
                                    Attempt attempt) throws IOException {
        Deque<SocketAddress> waiting = new ArrayDeque<>(interleave(addresses));
        List<Task<Connector.Connected>> running = new ArrayList<>();
        List<IOException> errors = new ArrayList<>();
        Task<Connector.Connected> winner = null;
        try {
            while (winner == null && (!waiting.isEmpty() || running.stream().anyMatch(t -> !t.isDone()))) {
                if (!waiting.isEmpty()) {
                    SocketAddress address = waiting.pollFirst();
                    running.add(loop.createTask(() -> attempt.open(address)));
                }
                awaitChange(loop, running, waiting.isEmpty() ? -1 : delaySeconds);
                winner = collect(running, errors);
            }
        } finally {
            for (Task<Connector.Connected> task : running) {
                if (task != winner) {
                    discard(task);
                }
            }
        }
        if (winner == null) {
            throw Connector.combine(errors);
        }
        return winner.result();
    }

    /** Parks until an attempt finishes or, if {@code timeoutSeconds >= 0}, that much time passes. */
    private static void awaitChange(EventLoop loop, List<Task<Connector.Connected>> running, double timeoutSeconds)
            throws IOException {
        Future<Void> changed = loop.createFuture();
        java.util.function.Consumer<Future<Connector.Connected>> wake = t -> {
            if (!changed.isDone()) {
                changed.setResult(null);
            }
        };
        TimerHandle timer = timeoutSeconds < 0 ? null : loop.callLater(timeoutSeconds, () -> wake.accept(null));
        for (Task<Connector.Connected> task : running) {
            task.addDoneCallback(wake);
        }
        try {
            Awaiting.await(changed);
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            for (Task<Connector.Connected> task : running) {
                task.removeDoneCallback(wake);
            }
        }
    }

    /** The first attempt that connected, or null; moves the errors of failed attempts to {@code errors}. */
    private static Task<Connector.Connected> collect(List<Task<Connector.Connected>> running, List<IOException> errors) {
        Task<Connector.Connected> winner = null;
        for (var it = running.iterator(); it.hasNext(); ) {
            Task<Connector.Connected> task = it.next();
            if (!task.isDone()) {
                continue;
            }
            Throwable error = task.isCancelled() ? null : task.exception();
            if (error == null && !task.isCancelled() && winner == null) {
                winner = task;
                continue;
            }
            it.remove();
            if (error instanceof IOException io) {
                errors.add(io);
            } else if (error == null && !task.isCancelled()) {
                Channels.closeQuietly(task.result().channel()); // a second winner in the same iteration
            } else if (error != null) {
                errors.add(new IOException(error.getMessage(), error));
            }
        }
        return winner;
    }

    /** Cancels a losing attempt; one that connected anyway has its socket closed. */
    private static void discard(Task<Connector.Connected> task) {
        if (!task.isDone()) {
            task.cancel(); // the attempt closes its own socket when cancelled
        } else if (!task.isCancelled() && task.exception() == null) {
            Channels.closeQuietly(task.result().channel());
        }
    }

    /** Alternates address families, starting with the family of the first address. */
    static List<SocketAddress> interleave(List<? extends SocketAddress> addresses) {
        Deque<SocketAddress> first = new ArrayDeque<>();
        Deque<SocketAddress> other = new ArrayDeque<>();
        boolean firstIsV6 = isV6(addresses.getFirst());
        for (SocketAddress address : addresses) {
            (isV6(address) == firstIsV6 ? first : other).add(address);
        }
        List<SocketAddress> result = new ArrayList<>(addresses.size());
        while (!first.isEmpty() || !other.isEmpty()) {
            if (!first.isEmpty()) {
                result.add(first.pollFirst());
            }
            if (!other.isEmpty()) {
                result.add(other.pollFirst());
            }
        }
        return result;
    }

    private static boolean isV6(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() instanceof Inet6Address;
    }
}
