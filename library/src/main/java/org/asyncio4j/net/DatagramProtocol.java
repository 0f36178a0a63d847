// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.net.SocketAddress;

/**
 * A datagram (UDP) protocol: receives whole datagrams with their sender's address. asyncio's
 * {@code asyncio.DatagramProtocol}.
 *
 * {@snippet :
 * final class EchoUdp implements DatagramProtocol {
 *     private DatagramTransport transport;
 *     @Override public void connectionMade(DatagramTransport transport) { this.transport = transport; }
 *     @Override public void datagramReceived(byte[] data, SocketAddress from) { transport.sendto(data, from); }
 * }
 * }
 *
 * <p>Everything runs on the loop's thread.
 */
public interface DatagramProtocol extends BaseProtocol {

    /**
     * The endpoint is ready; {@code transport} sends datagrams and closes the endpoint. (The
     * inherited {@code connectionMade(Transport)} is never called on a datagram protocol.)
     *
     * @param transport the endpoint's transport
     */
    default void connectionMade(DatagramTransport transport) {
    }

    /**
     * A datagram arrived from {@code from}; the array is the protocol's to keep.
     *
     * @param data the datagram's bytes
     * @param from the sender's address
     */
    default void datagramReceived(byte[] data, SocketAddress from) {
    }

    /**
     * A send or receive failed without closing the endpoint, for example with
     * {@link java.net.PortUnreachableException} when a connected endpoint's peer has no listener.
     *
     * @param error what failed
     */

    default void errorReceived(Exception error) {
    }
}
