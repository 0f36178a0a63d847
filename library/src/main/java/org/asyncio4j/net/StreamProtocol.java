// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asyncio4j.EventLoop;
import org.asyncio4j.ExceptionHandler;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.internal.net.Awaiting;

/**
 * The protocol that connects a transport to a {@link StreamReader} and {@link StreamWriter}:
 * feeds the reader, tracks write flow control for {@code drain}, and on a server runs the
 * client handler as a task. asyncio's {@code StreamReaderProtocol} with its {@code FlowControlMixin}.
 */
final class StreamProtocol implements Protocol {
    private final EventLoop loop;
    private final StreamReader reader;
    private final ClientConnectedHandler handler;
    private final Future<Void> closed;
    private final List<Future<Void>> drainWaiters = new ArrayList<>();
    private Transport transport;
    private StreamWriter writer;
    private Task<Void> handlerTask;
    private boolean writingPaused;
    private boolean connectionLost;

    /** A client-side protocol feeding {@code reader}; or a server-side one if {@code handler} is not null. */
    StreamProtocol(EventLoop loop, StreamReader reader, ClientConnectedHandler handler) {
        this.loop = loop;
        this.reader = reader;
        this.handler = handler;
        this.closed = loop.createFuture();
    }

    StreamReader reader() {
        return reader;
    }

    /** The writer, made when the connection is made. */
    StreamWriter writer() {
        return writer;
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        reader.setTransport(transport);
        writer = new StreamWriter(transport, this, reader);
        if (handler != null) {
            handlerTask = loop.createTask(() -> handler.handle(reader, writer));
            handlerTask.addDoneCallback(this::handlerDone);
        }
    }

    /** A handler that fails or is cancelled takes its connection with it, as in asyncio 3.12+. */
    private void handlerDone(Future<Void> task) {
        if (task.isCancelled()) {
            transport.close();
            return;
        }
        Throwable error = task.exception();
        if (error != null) {
            Map<String, Object> context = ExceptionHandler.context("Unhandled exception in client_connected_cb", error);
            context.put("transport", transport);
            loop.callExceptionHandler(context);
            transport.close();
        }
    }

    @Override
    public void dataReceived(byte[] data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return transport.canWriteEof(); // over TLS a half-close cannot be kept open
    }

    @Override
    public void connectionLost(Exception error) {
        if (error == null) {
            reader.feedEof();
        } else {
            reader.setException(error);
        }
        if (!closed.isDone()) {
            if (error == null) {
                closed.setResult(null);
            } else {
                closed.setException(error);
                closed.exception(); // waitClosed() may never be called; the reader reports the error
            }
        }
        connectionLost = true;
        wakeDrainWaiters(error);
        handlerTask = null;
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        wakeDrainWaiters(null);
    }

    /** Parks the calling task while writing is paused; fails once the connection is lost. */
    void drainHelper() throws IOException {
        if (connectionLost) {
            throw new SocketException("Connection lost");
        }
        if (!writingPaused) {
            return;
        }
        Future<Void> waiter = loop.createFuture();
        drainWaiters.add(waiter);
        try {
            Awaiting.await(waiter);
        } finally {
            drainWaiters.remove(waiter);
        }
    }

    /** Whether this is a server's protocol (it runs a handler), which decides the side of {@code startTls}. */
    boolean isServerSide() {
        return handler != null;
    }

    /** After {@code startTls}: the TLS transport replaces the plain one. */
    void replaceTransport(Transport tls) {
        transport = tls;
    }

    Future<Void> closed() {
        return closed;
    }

    private void wakeDrainWaiters(Exception error) {
        for (Future<Void> waiter : List.copyOf(drainWaiters)) {
            if (!waiter.isDone()) {
                if (error == null) {
                    waiter.setResult(null);
                } else {
                    waiter.setException(error);
                }
            }
        }
    }
}
