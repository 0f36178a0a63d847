// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;

/**
 * The high-level network API: connections as a {@link StreamReader} and {@link StreamWriter},
 * and servers that run a handler task per connection. asyncio's {@code asyncio.open_connection},
 * {@code asyncio.start_server} and their Unix-domain variants.
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Server server = Streams.startServer((reader, writer) -> {
 *         try (writer) {
 *             writer.write(reader.readline()); // echo one line
 *             writer.drain();
 *         }
 *     }, "127.0.0.1", 0);
 *     try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
 *         c.writer().write("hello\n".getBytes(StandardCharsets.UTF_8));
 *         System.out.print(new String(c.reader().readline(), StandardCharsets.UTF_8)); // hello
 *     }
 *     server.close();
 *     server.waitClosed();
 * });
 * }
 *
 * <p>Every method parks the calling task while it resolves names and connects, so call them
 * from a task. Cancelling the task while it is parked in {@code openConnection} closes the
 * half-open socket.
 */
public final class Streams {
    private Streams() {
    }

    /**
     * Connects to {@code host}:{@code port}; see {@link Transports#createConnection}.
     *
     * @param host the host name or address to connect to
     * @param port the TCP port
     * @return the connection's reader and writer
     * @throws IOException if the name does not resolve or no address accepts the connection
     */
    public static StreamConnection openConnection(String host, int port) throws IOException {
        return openConnection(host, port, ConnectOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /**
     * {@link #openConnection(String, int)} with connect options and a reader buffer limit.
     *
     * @param host the host name or address to connect to
     * @param port the TCP port
     * @param options the local address, TLS and Happy Eyeballs settings
     * @param limit the reader's buffer limit in bytes
     * @return the connection's reader and writer
     * @throws IOException if the name does not resolve, no address accepts the connection, or
     *     the TLS handshake fails
     */
    public static StreamConnection openConnection(String host, int port, ConnectOptions options, int limit) throws IOException {
        StreamProtocol protocol = Transports.createConnection(clientProtocol(limit), host, port, options).protocol();
        return connectionOf(protocol);
    }

    /**
     * Connects to the Unix-domain socket at {@code path}: asyncio's {@code open_unix_connection}.
     *
     * @param path the socket file
     * @return the connection's reader and writer
     * @throws IOException if nothing listens at {@code path}
     */
    public static StreamConnection openUnixConnection(Path path) throws IOException {
        return openUnixConnection(path, ConnectOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /**
     * {@link #openUnixConnection(Path)} with options (TLS needs {@link ConnectOptions#serverHostname})
     * and a reader limit.
     *
     * @param path the socket file
     * @param options the TLS settings (the local address and Happy Eyeballs do not apply)
     * @param limit the reader's buffer limit in bytes
     * @return the connection's reader and writer
     * @throws IOException if nothing listens at {@code path} or the TLS handshake fails
     */
    public static StreamConnection openUnixConnection(Path path, ConnectOptions options, int limit) throws IOException {
        return connectionOf(Transports.createUnixConnection(clientProtocol(limit), path, options).protocol());
    }

    /**
     * Listens on {@code host}:{@code port} (port 0: any free port) and runs {@code handler} in a
     * new task for each connection; see {@link Transports#createServer}.
     *
     * @param handler runs once per connection, in a task of its own
     * @param host the host name or address to listen on
     * @param port the TCP port, or 0 for any free port
     * @return the listening server
     * @throws IOException if the name does not resolve or the address cannot be bound
     */
    public static Server startServer(ClientConnectedHandler handler, String host, int port) throws IOException {
        return startServer(handler, host, port, ServerOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /**
     * {@link #startServer(ClientConnectedHandler, String, int)} with server options and a reader buffer limit.
     *
     * @param handler runs once per connection, in a task of its own
     * @param host the host name or address to listen on
     * @param port the TCP port, or 0 for any free port
     * @param options the backlog, socket options and TLS settings
     * @param limit each connection's reader buffer limit in bytes
     * @return the listening server
     * @throws IOException if the name does not resolve or the address cannot be bound
     */
    public static Server startServer(ClientConnectedHandler handler, String host, int port, ServerOptions options, int limit)
            throws IOException {
        return Transports.createServer(serverProtocol(handler, limit), host, port, options);
    }

    /**
     * Listens on a Unix-domain socket at {@code path}: asyncio's {@code start_unix_server}.
     *
     * @param handler runs once per connection, in a task of its own
     * @param path the socket file to create
     * @return the listening server
     * @throws IOException if the socket cannot be bound at {@code path}
     */
    public static Server startUnixServer(ClientConnectedHandler handler, Path path) throws IOException {
        return startUnixServer(handler, path, ServerOptions.defaults(), StreamReader.DEFAULT_LIMIT);
    }

    /**
     * {@link #startUnixServer(ClientConnectedHandler, Path)} with server options (TLS, backlog, ...)
     * and a reader limit.
     *
     * @param handler runs once per connection, in a task of its own
     * @param path the socket file to create
     * @param options the backlog, socket file clean-up and TLS settings
     * @param limit each connection's reader buffer limit in bytes
     * @return the listening server
     * @throws IOException if the socket cannot be bound at {@code path}
     */
    public static Server startUnixServer(ClientConnectedHandler handler, Path path, ServerOptions options, int limit)
            throws IOException {
        return Transports.createUnixServer(serverProtocol(handler, limit), path, options);
    }

    /**
     * {@link #startServer(ClientConnectedHandler, String, int, ServerOptions, int)} on every
     * address of every one of {@code hosts}.
     *
     * @param handler runs once per connection, in a task of its own
     * @param hosts the host names or addresses to listen on
     * @param port the TCP port, or 0 for any free port
     * @param options the backlog, socket options and TLS settings
     * @param limit each connection's reader buffer limit in bytes
     * @return the server, with one listening socket per address
     * @throws IOException if a name does not resolve or an address cannot be bound
     */
    public static Server startServer(ClientConnectedHandler handler, List<String> hosts, int port, ServerOptions options,
                                     int limit) throws IOException {
        return Transports.createServer(serverProtocol(handler, limit), hosts, port, options);
    }

    /**
     * A reader and writer over a transport made outside this package, such as a subprocess's
     * pipe: from now on the transport's events go to the stream protocol behind them (the
     * transport's previous protocol hears nothing more). The reader is fed only if the transport
     * delivers data; the writer's {@code drain} follows the transport's flow control.
     *
     * @param transport the transport to read from and write to
     * @param limit the reader's buffer limit in bytes
     * @return the reader and writer over {@code transport}

     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public static StreamConnection attach(Transport transport, int limit) {
        Objects.requireNonNull(transport, "transport");
        StreamReader.checkLimit(limit);
        EventLoop loop = Asyncio.getRunningLoop();
        StreamProtocol protocol = new StreamProtocol(loop, new StreamReader(loop, limit), null);
        transport.setProtocol(protocol);
        protocol.connectionMade(transport);
        return connectionOf(protocol);
    }

    private static Supplier<StreamProtocol> clientProtocol(int limit) {
        EventLoop loop = Asyncio.getRunningLoop();
        StreamReader reader = new StreamReader(loop, limit);
        return () -> new StreamProtocol(loop, reader, null);
    }

    static Supplier<StreamProtocol> serverProtocol(ClientConnectedHandler handler, int limit) {
        Objects.requireNonNull(handler, "handler");
        StreamReader.checkLimit(limit);
        EventLoop loop = Asyncio.getRunningLoop();
        return () -> new StreamProtocol(loop, new StreamReader(loop, limit), handler);
    }

    private static StreamConnection connectionOf(StreamProtocol protocol) {
        return new StreamConnection(protocol.reader(), protocol.writer());
    }
}
