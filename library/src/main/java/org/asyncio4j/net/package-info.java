// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * Asynchronous network I/O on the event loop's own selector: asyncio's transports, protocols,
 * streams and servers.
 *
 * <p>Two levels, as in asyncio:
 * <ul>
 *   <li><b>Streams</b> ({@link org.asyncio4j.net.Streams}, {@link org.asyncio4j.net.StreamReader},
 *       {@link org.asyncio4j.net.StreamWriter}): a task reads and writes, parking where it waits.
 *       The usual choice.</li>
 *   <li><b>Transports and protocols</b> ({@link org.asyncio4j.net.Transports},
 *       {@link org.asyncio4j.net.Transport}, {@link org.asyncio4j.net.Protocol}): the loop calls
 *       the protocol back with the data; no task per connection. Streams are built on them.</li>
 * </ul>
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Server server = Streams.startServer((reader, writer) -> {
 *         try (writer) {
 *             for (byte[] line : reader) {     // async for line in reader
 *                 writer.write(line);
 *                 writer.drain();              // await writer.drain()
 *             }
 *         }
 *     }, "127.0.0.1", 8888);
 *     server.serveForever();
 * });
 * }
 *
 * <h2>How it runs</h2>
 * Every socket is a non-blocking channel registered once with the loop's {@code Selector}. When
 * the selector reports it ready, its transport runs as a callback of the loop, in the same
 * iteration, after the callbacks that were already ready. Writes go to the socket at once and
 * only what it refuses is buffered; reads go into one buffer per loop and are handed to the
 * protocol. TLS is an {@link javax.net.ssl.SSLEngine} layer between the socket's transport and
 * the protocol. Names are resolved on the loop's default executor, never on the loop thread.
 *
 * <h2>Threads</h2>
 * Transports, protocols, streams and servers belong to the loop that made them: use them from
 * its tasks and callbacks (debug mode checks it). Protocol methods run on the loop thread.
 *
 * <h2>Cancellation</h2>
 * Cancelling a task parked in a read, {@code drain}, {@code openConnection} or a handshake
 * raises {@link org.asyncio4j.CancelledError} in it; half-open sockets are closed and buffered
 * data stays where it was. Closing the loop closes every socket still registered with it.
 *
 * <h2>asyncio names</h2>
 * <table class="striped">
 *   <caption>asyncio to asyncio4j</caption>
 *   <thead><tr><th>asyncio</th><th>asyncio4j</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code asyncio.open_connection(host, port)}</td><td>{@code Streams.openConnection(host, port)}</td></tr>
 *     <tr><td>{@code asyncio.start_server(cb, host, port)}</td><td>{@code Streams.startServer(handler, host, port)}</td></tr>
 *     <tr><td>{@code loop.create_connection(factory, host, port)}</td><td>{@code Transports.createConnection(factory, host, port)}</td></tr>
 *     <tr><td>{@code loop.create_server(factory, host, port)}</td><td>{@code Transports.createServer(factory, host, port)}</td></tr>
 *     <tr><td>{@code loop.create_datagram_endpoint(...)}</td><td>{@code Transports.createDatagramEndpoint(...)}</td></tr>
 *     <tr><td>{@code loop.start_tls(...)}</td><td>{@code Transports.startTls(...)}, {@code StreamWriter.startTls}</td></tr>
 *     <tr><td>{@code loop.sendfile(...)}</td><td>{@code Transports.sendfile(...)}</td></tr>
 *     <tr><td>{@code loop.sock_recv(sock, n)} and the other {@code sock_*}</td><td>{@code Sockets.sockRecv(channel, n)}, ...</td></tr>
 *   </tbody>
 * </table>
 */
package org.asyncio4j.net;
