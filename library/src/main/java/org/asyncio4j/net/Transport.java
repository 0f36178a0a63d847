// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One end of a byte-stream connection (TCP or Unix-domain socket), driven by the event loop's
 * selector. asyncio's {@code asyncio.Transport}.
 *
 * {@snippet :
 * Connection<Protocol> c = Transports.createConnection(() -> new Protocol() {}, "example.org", 80);
 * c.transport().write("HEAD / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
 * c.transport().close(); // sends what is buffered, then closes
 * }
 *
 * <h2>Writing and flow control</h2>
 * {@link #write} never blocks: it writes to the socket at once as far as the socket accepts and
 * buffers the rest, which the loop sends when the socket becomes writable. When the buffer goes
 * above the high-water mark the protocol's {@code pauseWriting} is called, and
 * {@code resumeWriting} once it drains to the low-water mark (see
 * {@link #setWriteBufferLimits}).
 *
 * <h2>Threads</h2>
 * Not thread-safe: call it on its loop's thread (from a task or callback of that loop).
 */
public interface Transport {

    /**
     * Queues {@code data} for sending; the array may be reused as soon as this returns.
     *
     * @param data the bytes to send
     */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(Objects.requireNonNull(data, "data")));
    }

    /**
     * Queues the remaining bytes of {@code data}, consuming them.
     *
     * @param data the bytes to send, from its position to its limit
     */
    void write(ByteBuffer data);

    /**
     * Writes each array in turn, with one system call where the socket allows it.
     *
     * @param data the arrays to send, in order
     */
    void writelines(Iterable<byte[]> data);

    /**
     * Half-closes: after the buffered data is sent the peer sees end of stream, while this side
     * can still receive.
     *
     * @throws UnsupportedOperationException if {@link #canWriteEof()} is false
     */
    void writeEof();

    /** {@return whether {@link #writeEof()} is supported} True for plain sockets, false over TLS. */
    boolean canWriteEof();

    /**
     * Closes gracefully: stops reading, sends what is buffered, then closes the socket and calls
     * the protocol's {@code connectionLost(null)}. Closing twice does nothing.
     */
    void close();

    /** Closes at once, dropping buffered data; the protocol's {@code connectionLost(null)} follows. */
    void abort();

    /** {@return whether {@link #close()} or {@link #abort()} was called or the connection was lost} */
    boolean isClosing();

    /**
     * Optional information about the connection: {@code "peername"} and {@code "sockname"}
     * ({@code SocketAddress}), {@code "socket"} (the {@code SocketChannel}), and over TLS
     * {@code "sslcontext"} ({@code SSLContext}), {@code "ssl_object"} and {@code "sslobject"}
     * ({@code SSLEngine}), {@code "ssl_session"}, {@code "peercert"} ({@code Certificate[]}, null
     * if the peer sent none), {@code "cipher"}, {@code "protocol"}, {@code "alpn_protocol"} and
     * {@code "compression"} (always null: JSSE does no TLS compression). Over TLS the keys of
     * asyncio's TLS transport answer null, not {@code defaultValue}, when they have no value, as
     * asyncio's answer None.
     *
     * @param name the name of the information wanted
     * @return the value, or null if this transport has no such information
     */
    Object getExtraInfo(String name);

    /**
     * {@link #getExtraInfo(String)}, or {@code defaultValue} if there is none.
     *
     * @param name the name of the information wanted
     * @param defaultValue what to return when the information is null
     * @return the value, or {@code defaultValue} if it is null
     */
    default Object getExtraInfo(String name, Object defaultValue) {
        Object value = getExtraInfo(name);
        return value != null ? value : defaultValue;
    }

    /** Stops delivering data to the protocol until {@link #resumeReading()}; the peer is slowed by TCP. */
    void pauseReading();

    /** Delivers data again after {@link #pauseReading()}. */
    void resumeReading();

    /** {@return whether the transport is delivering received data (not paused, not closing)} */
    boolean isReading();

    /**
     * Sets the write buffer's water marks in bytes: {@code pauseWriting} is called above
     * {@code high}, {@code resumeWriting} at or below {@code low}. Defaults: 64 KiB and 16 KiB.
     *
     * @param high the high-water mark, in bytes
     * @param low the low-water mark, in bytes
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * {@link #setWriteBufferLimits(int, int)} with the low mark a quarter of {@code high}.
     *
     * @param high the high-water mark, in bytes
     */
    default void setWriteBufferLimits(int high) {
        setWriteBufferLimits(high, high / 4);
    }

    /** {@return how many bytes wait in the write buffer} */
    int getWriteBufferSize();

    /** {@return the low and high water marks, in that order} */
    int[] getWriteBufferLimits();

    /** {@return the protocol receiving this transport's events} */
    BaseProtocol getProtocol();

    /**
     * Switches the protocol that receives events from now on (used, for example, by {@code startTls}).
     *
     * @param protocol the protocol to receive events from now on
     */

    void setProtocol(BaseProtocol protocol);
}
