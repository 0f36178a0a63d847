// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.net.SocketAddress;

/**
 * A datagram endpoint made by {@link Transports#createDatagramEndpoint}: sends datagrams,
 * delivers received ones to its {@link DatagramProtocol}. asyncio's
 * {@code asyncio.DatagramTransport}.
 *
 * {@snippet :
 * DatagramEndpoint<DatagramProtocol> e = Transports.createDatagramEndpoint(
 *         () -> new DatagramProtocol() {}, null, new InetSocketAddress("127.0.0.1", 9999));
 * e.transport().sendto("ping".getBytes());
 * e.transport().close();
 * }
 *
 * <p>A send the socket cannot take at once is queued and sent when it can; above the high-water
 * mark (64 KiB) the protocol's {@code pauseWriting} is called. Not thread-safe: use it on its
 * loop's thread.
 */
public interface DatagramTransport {

    /**
     * Sends {@code data} to {@code address}; on a connected endpoint {@code address} must be null
     * or the remote address. An empty {@code data} sends a zero-length datagram.
     *
     * @param data the datagram's bytes
     * @param address where to send it, or null on a connected endpoint
     * @throws IllegalArgumentException if the address does not fit the endpoint
     */
    void sendto(byte[] data, SocketAddress address);

    /**
     * Sends {@code data} to the remote address of a connected endpoint.
     *
     * @param data the datagram's bytes
     */
    default void sendto(byte[] data) {
        sendto(data, null);
    }

    /** Closes after the queued datagrams are sent; the protocol's {@code connectionLost(null)} follows. */
    void close();

    /** Closes at once, dropping queued datagrams. */
    void abort();

    /** {@return whether the endpoint is closed or closing} */
    boolean isClosing();

    /**
     * {@code "sockname"}, {@code "peername"} (connected endpoints), {@code "socket"} (the channel); null if unknown.
     *
     * @param name the name of the information wanted
     * @return the information, or null if the name is unknown
     */
    Object getExtraInfo(String name);

    /**
     * {@return how many bytes of datagrams wait to be sent} Each datagram's header counts 8 bytes
     * (asyncio 3.13).
     */
    int getWriteBufferSize();

    /** {@return the protocol receiving this endpoint's events} */
    DatagramProtocol getProtocol();

    /**
     * Switches the protocol that receives this endpoint's datagrams and events from now on:
     * asyncio's {@code set_protocol}. The new protocol's {@code connectionMade} is not called.
     *
     * @param protocol the protocol to receive events from now on
     */
    void setProtocol(DatagramProtocol protocol);

}
