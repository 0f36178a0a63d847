// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.List;
import org.asyncio4j.EventLoop;

/**
 * A listening server made by {@link Transports#createServer} or {@link Streams#startServer}.
 * asyncio's {@code asyncio.Server}.
 *
 * {@snippet :
 * try (Server server = Streams.startServer(Echo::handle, "127.0.0.1", 8888)) {
 *     System.out.println("serving on " + server.addresses());
 *     server.serveForever(); // until the task is cancelled
 * }
 * }
 *
 * <h2>Lifecycle</h2>
 * {@link #close()} stops listening; connections already accepted go on until they close.
 * {@link #waitClosed()} waits until the server is closed and every one of its connections has
 * ended, as in Python 3.12+. {@link #closeClients()} and {@link #abortClients()} end them early.
 *
 * <h2>Threads</h2>
 * Not thread-safe: use it on its loop's thread. {@code waitClosed} and {@code serveForever} park
 * the calling task.
 */
public interface Server extends AutoCloseable {

    /**
     * Stops listening and closes the listening sockets; accepted connections stay open. Closing
     * twice does nothing. The port is free again as soon as this returns.
     */
    @Override
    void close();

    /**
     * Parks the current task until the server is closed and all its connections are gone.
     *
     * @throws org.asyncio4j.CancelledError if the task is cancelled meanwhile
     * @throws Exception declared because the wait is on a future; closing never fails it, so in
     *     practice only the cancellation above
     */
    void waitClosed() throws Exception;

    /**
     * Starts accepting if it was not yet, then parks the current task until it is cancelled; the
     * server is closed (and its closing awaited) when that happens.
     *
     * @throws IllegalStateException if the server is closed or another task already serves it forever
     * @throws Exception declared because the wait is on a future; cancellation, the normal way
     *     out, arrives as {@link org.asyncio4j.CancelledError}
     */
    void serveForever() throws Exception;

    /** Starts accepting connections (a server created with {@code startServing(false)} waits for this). */
    void startServing();

    /** {@return whether the server is accepting connections} */
    boolean isServing();

    /** {@return the listening sockets (empty once closed)} */
    List<NetworkChannel> sockets();

    /** {@return the addresses the server listens on, one per socket (empty once closed)} */
    List<SocketAddress> addresses();

    /**
     * The TCP port of the first listening socket, handy after binding to port 0.
     *
     * @return the port of the first TCP listening socket

     * @throws IllegalStateException if the server is closed or listens on no TCP socket
     */
    int port();

    /** Closes every connection this server accepted, gracefully (buffered data is sent first). */
    void closeClients();

    /** Aborts every connection this server accepted, dropping buffered data. */
    void abortClients();

    /**
     * The loop the server runs on: asyncio's {@code Server.get_loop()}. A {@link GroupServer}
     * runs on every loop of its group and answers the group's first loop, where a hand-off server
     * listens.
     *
     * @return the server's loop
     */
    EventLoop getLoop();
}
