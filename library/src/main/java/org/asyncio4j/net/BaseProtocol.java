// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

/**
 * What every protocol hears from its transport: the connection's start and end, and write-side
 * flow control. asyncio's {@code asyncio.BaseProtocol}. Implement {@link Protocol} or
 * {@link BufferedProtocol} for byte streams, {@link DatagramProtocol} for datagrams.
 *
 * {@snippet :
 * final class Counting implements Protocol {
 *     long received;
 *     @Override public void dataReceived(byte[] data) { received += data.length; }
 *     @Override public void connectionLost(Exception error) { System.out.println(received + " bytes"); }
 * }
 * }
 *
 * <h2>Threads</h2>
 * The transport calls every method on its event loop's thread, one call at a time, so a
 * protocol needs no locking. A method must not block; it may start tasks with
 * {@code Asyncio.createTask}.
 */
public interface BaseProtocol {

    /**
     * The connection is established; {@code transport} is how to write to it and close it.
     *
     * @param transport the connection's transport
     */
    default void connectionMade(Transport transport) {
    }

    /**
     * The connection is closed; called once, last. {@code error} is null after a normal close or
     * end of stream, otherwise what broke it (an {@code IOException} such as a reset).
     *
     * @param error what broke the connection, or null after a normal close
     */

    default void connectionLost(Exception error) {
    }

    /**
     * The transport's write buffer went above its high-water mark: stop writing until
     * {@link #resumeWriting()}. Writes still succeed meanwhile, but they fill memory.
     */
    default void pauseWriting() {
    }

    /** The write buffer drained to its low-water mark: writing is welcome again. */
    default void resumeWriting() {
    }
}
