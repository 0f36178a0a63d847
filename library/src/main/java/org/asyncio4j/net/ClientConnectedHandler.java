// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

/**
 * What a stream server runs, as a new task, for each connection it accepts: asyncio's
 * {@code client_connected_cb}.
 *
 * {@snippet :
 * ClientConnectedHandler echo = (reader, writer) -> {
 *     try (writer) {
 *         for (byte[] line : reader) {
 *             writer.write(line);
 *             writer.drain();
 *         }
 *     }
 * };
 * }
 *
 * <p>If the handler throws, the error goes to the loop's exception handler and the connection
 * is closed; if its task is cancelled the connection is closed too. When it returns normally the
 * connection stays open until someone closes the writer, so close it when done.
 */
@FunctionalInterface
public interface ClientConnectedHandler {
    /**
     * Serves one connection, in a task of its own.
     *
     * @param reader what the client sends
     * @param writer what to send to the client; closing it closes the connection
     * @throws Exception anything the handler fails with: it goes to the loop's exception handler
     *     and the connection is closed
     */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;

}
