// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

/**
 * A byte-stream protocol: receives data as the transport reads it. asyncio's
 * {@code asyncio.Protocol}.
 *
 * {@snippet :
 * final class Echo implements Protocol {
 *     private Transport transport;
 *     @Override public void connectionMade(Transport transport) { this.transport = transport; }
 *     @Override public void dataReceived(byte[] data) { transport.write(data); }
 * }
 * }
 *
 * <p>Call order: {@code connectionMade}, then any number of {@code dataReceived}, then at most one
 * {@code eofReceived}, then {@code connectionLost} once. Everything runs on the loop's thread.
 */
public interface Protocol extends BaseProtocol {

    /**
     * Some bytes arrived; the array is the protocol's to keep.
     *
     * @param data the bytes received
     */
    default void dataReceived(byte[] data) {
    }

    /**
     * The peer will send nothing more (it half-closed its side). Return true to keep the
     * connection open for writing (then close it yourself), false to let the transport close it.
     *
     * @return true to keep the connection open for writing, false to let the transport close it
     */

    default boolean eofReceived() {
        return false;
    }
}
