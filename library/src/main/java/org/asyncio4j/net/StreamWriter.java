// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import org.asyncio4j.Asyncio;
import org.asyncio4j.internal.net.Awaiting;

/**
 * The writing side of a stream connection. asyncio's {@code asyncio.StreamWriter}.
 *
 * {@snippet :
 * try (StreamWriter writer = connection.writer()) {
 *     writer.write("hello\n".getBytes(StandardCharsets.UTF_8));
 *     writer.drain(); // parks only while the transport's buffer is above its high-water mark
 * }
 * }
 *
 * <h2>Flow control</h2>
 * {@link #write} never blocks: what the socket does not take at once is buffered. Call
 * {@link #drain()} after writing to park while the buffer is above the transport's high-water
 * mark (64 KiB by default), so that a slow peer bounds the writer's memory.
 *
 * <h2>Closing</h2>
 * {@link #close()} (also through try-with-resources) sends what is buffered and then closes;
 * it does not wait. {@link #waitClosed()} parks until the connection is really closed.
 *
 * <h2>Cancellation and threads</h2>
 * Cancelling a task parked in {@code drain} leaves the buffered data to be sent. Not
 * thread-safe: use it from its loop's tasks.
 */
public final class StreamWriter implements AutoCloseable {
    private Transport transport;
    private final StreamProtocol protocol;
    private final StreamReader reader;

    StreamWriter(Transport transport, StreamProtocol protocol, StreamReader reader) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
    }

    /** {@return the underlying transport} */
    public Transport transport() {
        return transport;
    }

    /**
     * Queues {@code data} for sending; see {@link Transport#write(byte[])}.
     *
     * @param data the bytes to send
     */
    public void write(byte[] data) {
        transport.write(data);
    }

    /**
     * Queues each array in turn.
     *
     * @param data the arrays to send, in order
     */
    public void writelines(Iterable<byte[]> data) {
        transport.writelines(data);
    }

    /** Half-closes after the buffered data: the peer sees end of stream; reading goes on. */
    public void writeEof() {
        transport.writeEof();
    }

    /** {@return whether {@link #writeEof()} is supported} See {@link Transport#canWriteEof()}. */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /**
     * Parks the current task while the write buffer is above its high-water mark.
     *
     * @throws IOException the reader's error if the connection broke, or "Connection lost"
     */
    public void drain() throws IOException {
        Exception failure = reader != null ? reader.exception() : null;
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        if (transport.isClosing()) {
            // Let connectionLost run if it is already scheduled, so that drain reports it.
            Asyncio.sleep(0);
        }
        protocol.drainHelper();
    }

    /**
     * Upgrades the connection to TLS and parks until the handshake is done; reads and writes go
     * through TLS from then on. A server's handler upgrades as the TLS server, a client as the
     * TLS client verifying {@code serverHostname} ("" skips the check). asyncio's
     * {@code StreamWriter.start_tls}.
     *
     * @param context the TLS context to use
     * @param serverHostname for a client, the host name to verify the server's certificate
     *     against, or "" to skip the check
     * @throws javax.net.ssl.SSLHandshakeException if the handshake fails (the connection is aborted)
     */
    public void startTls(SSLContext context, String serverHostname) throws IOException {
        Transport tls = Transports.startTls(transport, protocol, context, protocol.isServerSide(), serverHostname);
        transport = tls;
        protocol.replaceTransport(tls);
    }

    /** Closes the connection after sending what is buffered; does not wait (see {@link #waitClosed()}). */
    @Override
    public void close() {
        transport.close();
    }

    /** {@return whether the connection is closed or closing} */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Parks the current task until the connection is closed.
     *
     * @throws IOException the error that broke the connection, if one did
     */
    public void waitClosed() throws IOException {
        Awaiting.await(protocol.closed());
    }

    /**
     * See {@link Transport#getExtraInfo(String)}.
     *
     * @param name the name of the information wanted
     * @return the value, or null if the transport has no such information
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /**
     * See {@link Transport#getExtraInfo(String, Object)}.
     *
     * @param name the name of the information wanted
     * @param defaultValue what to return when the information is null
     * @return the value, or {@code defaultValue} if it is null
     */
    public Object getExtraInfo(String name, Object defaultValue) {

        return transport.getExtraInfo(name, defaultValue);
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + (reader != null ? " reader=" + reader : "") + ">";
    }
}
