// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.net.Connector;
import org.asyncio4j.internal.net.Datagrams;
import org.asyncio4j.internal.net.FileSender;
import org.asyncio4j.internal.net.Listeners;
import org.asyncio4j.internal.net.Resolver;
import org.asyncio4j.internal.net.TlsSetup;
import org.asyncio4j.internal.net.TlsUpgrade;

/**
 * The low-level network API on the running event loop: asyncio's {@code loop.create_connection},
 * {@code loop.create_server} and their Unix-domain variants. Streams ({@link Streams}) are built
 * on these.
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Server server = Transports.createServer(Echo::new, "127.0.0.1", 0);
 *     Connection<Protocol> c = Transports.createConnection(() -> new Protocol() {}, "127.0.0.1", server.port());
 *     c.transport().write("hello".getBytes());
 *     c.transport().close();
 *     server.close();
 * });
 * }
 *
 * <p>These methods park the calling task (name resolution, connecting) and so must be called
 * from a task; the transports they make belong to the task's loop. They are static methods on
 * the running loop rather than methods of {@code EventLoop} because network I/O is a layer above
 * the loop: the core package does not depend on it.
 *
 * <h2>Cancellation</h2>
 * Cancelling a task parked in {@code createConnection} closes the half-open socket; nothing leaks.
 */
public final class Transports {
    private Transports() {
    }

    /**
     * Opens a TCP connection to {@code host}:{@code port}, trying each resolved address in turn,
     * and returns its transport and the protocol {@code protocolFactory} made for it, once the
     * protocol's {@code connectionMade} has run.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the protocol for the connection
     * @param host the host name or address to connect to
     * @param port the TCP port
     * @return the connection's transport and protocol
     * @throws IOException if the connection fails, as below or otherwise (unreachable, reset, ...)
     * @throws java.net.ConnectException if the connection is refused (by every address)
     * @throws java.net.UnknownHostException if {@code host} does not resolve
     */
    public static <P extends BaseProtocol> Connection<P> createConnection(Supplier<P> protocolFactory, String host, int port)
            throws IOException {
        return createConnection(protocolFactory, host, port, ConnectOptions.defaults());
    }

    /**
     * {@link #createConnection(Supplier, String, int)} with options: local address, TLS (the
     * method returns once the handshake succeeded; a failed one throws
     * {@link javax.net.ssl.SSLHandshakeException} saying why), Happy Eyeballs.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the protocol for the connection
     * @param host the host name or address to connect to
     * @param port the TCP port
     * @param options the local address, TLS and Happy Eyeballs settings
     * @return the connection's transport and protocol
     * @throws IOException if the name does not resolve, no address accepts the connection, or
     *     the TLS handshake fails
     */
    public static <P extends BaseProtocol> Connection<P> createConnection(Supplier<P> protocolFactory, String host, int port,
                                                                          ConnectOptions options) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(host, "host: give a name or address to connect to, e.g. \"127.0.0.1\"");
        Objects.requireNonNull(options, "options");
        EventLoop loop = Asyncio.getRunningLoop();
        List<InetSocketAddress> addresses = Resolver.resolve(loop, host, port);
        return Connector.connect(loop, addresses, options.localAddress(), protocolFactory, tlsFor(options, host),
                options.happyEyeballsDelay());
    }

    /** The TLS settings of a client connection, or null for plain TCP; the name defaults to the host connected to. */
    private static TlsSetup tlsFor(ConnectOptions options, String host) {
        if (options.ssl() == null) {
            return null;
        }
        String name = options.serverHostname() != null ? options.serverHostname() : host;
        if (name == null) {
            throw new IllegalArgumentException("TLS over a Unix-domain socket needs serverHostname: the name the"
                    + " server's certificate must carry (\"\" skips host name verification)");
        }
        return TlsSetup.of(options.tls(), name);
    }

    /**
     * Connects to the Unix-domain socket at {@code path}: asyncio's {@code loop.create_unix_connection}.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the protocol for the connection
     * @param path the socket file
     * @return the connection's transport and protocol
     * @throws IOException if nothing listens at {@code path}
     */
    public static <P extends BaseProtocol> Connection<P> createUnixConnection(Supplier<P> protocolFactory, Path path)
            throws IOException {
        return createUnixConnection(protocolFactory, path, ConnectOptions.defaults());
    }

    /**
     * {@link #createUnixConnection(Supplier, Path)} with options; only the TLS ones apply, and
     * TLS needs {@link ConnectOptions#serverHostname}.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the protocol for the connection
     * @param path the socket file
     * @param options the TLS settings
     * @return the connection's transport and protocol
     * @throws IOException if nothing listens at {@code path} or the TLS handshake fails
     * @throws IllegalArgumentException if TLS is asked for without a server host name
     */
    public static <P extends BaseProtocol> Connection<P> createUnixConnection(Supplier<P> protocolFactory, Path path,
                                                                              ConnectOptions options) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        SocketAddress address = UnixDomainSocketAddress.of(Objects.requireNonNull(path, "path"));
        return Connector.connect(Asyncio.getRunningLoop(), List.of(address), null, protocolFactory, tlsFor(options, null), null);
    }

    /**
     * Wraps a channel that is already connected (for example accepted elsewhere) in a transport:
     * asyncio's {@code loop.connect_accepted_socket}. The channel is switched to non-blocking mode.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the protocol for the connection
     * @param channel a connected channel
     * @return the connection's transport and protocol
     * @throws IOException if the channel cannot be made non-blocking or registered with the loop
     */
    public static <P extends BaseProtocol> Connection<P> connectAccepted(Supplier<P> protocolFactory, SocketChannel channel)
            throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(channel, "channel");
        return Connector.adopt(Asyncio.getRunningLoop(), channel, protocolFactory);
    }

    /**
     * Upgrades an open connection to TLS (for protocols such as SMTP's STARTTLS): runs the
     * handshake over {@code transport} and returns the transport {@code protocol} must write to
     * from now on; the old one must not be used any more. asyncio's {@code loop.start_tls}.
     *
     * @param transport the open connection's transport
     * @param protocol the protocol that receives the decrypted data from now on
     * @param context the TLS context to use
     * @param serverSide whether this end is the TLS server
     * @param serverHostname client side: the name the server's certificate must carry ("" skips
     *     the check); ignored on the server side
     * @return the TLS transport to write to from now on
     * @throws IOException if the upgrade fails, for example:
     * @throws javax.net.ssl.SSLHandshakeException if the handshake fails (the connection is aborted)
     */
    public static Transport startTls(Transport transport, BaseProtocol protocol, SSLContext context, boolean serverSide,
                                     String serverHostname) throws IOException {
        return TlsUpgrade.startTls(Asyncio.getRunningLoop(), transport, protocol, context, serverSide, serverHostname,
                TlsOptions.defaults().handshakeTimeout(), TlsOptions.defaults().shutdownTimeout());
    }

    /**
     * Sends {@code count} bytes of {@code file} starting at {@code offset} (count &lt; 0: to the
     * end of the file) and returns how many were sent: asyncio's {@code loop.sendfile}. On a
     * plain socket the kernel copies the file straight to the socket ({@code sendfile(2)});
     * over TLS the file is read in chunks off the loop and written. Other writes to the
     * transport are refused while it runs.
     *
     * @param transport the connection to send on
     * @param file the file to send from
     * @param offset where in the file to start
     * @param count how many bytes to send, or a negative number for the rest of the file
     * @return how many bytes were sent
     * @throws IOException if reading the file or writing to the connection fails
     */
    public static long sendfile(Transport transport, FileChannel file, long offset, long count) throws IOException {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(file, "file");
        return FileSender.sendfile(Asyncio.getRunningLoop(), transport, file, offset, count);
    }

    /**
     * Listens on {@code host}:{@code port} (port 0: any free port; host null: every interface)
     * and makes a protocol with {@code protocolFactory} for each accepted connection.
     *
     * @param protocolFactory makes the protocol for each accepted connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the TCP port, or 0 for any free port
     * @return the listening server
     * @throws IOException if the name does not resolve or the address cannot be bound, for example:
     * @throws java.net.BindException if the address is in use or not local
     */
    public static Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port) throws IOException {
        return createServer(protocolFactory, host, port, ServerOptions.defaults());
    }

    /**
     * {@link #createServer(Supplier, String, int)} with options (backlog, reuse-port, ...).
     *
     * @param protocolFactory makes the protocol for each accepted connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the TCP port, or 0 for any free port
     * @param options the backlog, socket options and TLS settings
     * @return the listening server
     * @throws IOException if the name does not resolve or the address cannot be bound
     */
    public static Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port,
                                      ServerOptions options) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        EventLoop loop = Asyncio.getRunningLoop();
        List<InetSocketAddress> addresses;
        if (host == null) {
            Resolver.checkPort(port);
            addresses = List.of(new InetSocketAddress(port));
        } else {
            addresses = Resolver.resolve(loop, host, port);
        }
        return Listeners.createServer(loop, protocolFactory, addresses, options);
    }

    /**
     * {@link #createServer(Supplier, String, int, ServerOptions)} listening on every address of
     * every one of {@code hosts}.
     *
     * @param protocolFactory makes the protocol for each accepted connection
     * @param hosts the host names or addresses to listen on
     * @param port the TCP port, or 0 for any free port
     * @param options the backlog, socket options and TLS settings
     * @return the server, with one listening socket per address
     * @throws IOException if a name does not resolve or an address cannot be bound
     * @throws IllegalArgumentException if {@code hosts} is empty
     */
    public static Server createServer(Supplier<? extends BaseProtocol> protocolFactory, List<String> hosts, int port,
                                      ServerOptions options) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(hosts, "hosts");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("give at least one host to listen on (or a null host for every interface)");
        }
        EventLoop loop = Asyncio.getRunningLoop();
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String host : hosts) {
            addresses.addAll(Resolver.resolve(loop, Objects.requireNonNull(host, "hosts contains null"), port));
        }
        return Listeners.createServer(loop, protocolFactory, addresses, options);
    }

    /**
     * Opens a UDP endpoint bound to {@code localAddress} and/or connected to {@code remoteAddress}
     * (either may be null, not both; unresolved addresses are resolved off the loop). asyncio's
     * {@code loop.create_datagram_endpoint}.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the endpoint's protocol
     * @param localAddress the address to bind to, or null
     * @param remoteAddress the address to connect to, or null
     * @return the endpoint's transport and protocol
     * @throws IOException if an address does not resolve or the socket cannot be bound or connected
     */
    public static <P extends DatagramProtocol> DatagramEndpoint<P> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress localAddress, InetSocketAddress remoteAddress) throws IOException {
        return createDatagramEndpoint(protocolFactory, localAddress, remoteAddress, false);
    }

    /**
     * {@link #createDatagramEndpoint(Supplier, InetSocketAddress, InetSocketAddress)}, with
     * {@code SO_BROADCAST} if asked.
     *
     * @param <P> the protocol type
     * @param protocolFactory makes the endpoint's protocol
     * @param localAddress the address to bind to, or null
     * @param remoteAddress the address to connect to, or null
     * @param allowBroadcast whether to set {@code SO_BROADCAST}
     * @return the endpoint's transport and protocol
     * @throws IOException if an address does not resolve or the socket cannot be bound or connected
     */
    public static <P extends DatagramProtocol> DatagramEndpoint<P> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress localAddress, InetSocketAddress remoteAddress, boolean allowBroadcast)
            throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        return Datagrams.open(Asyncio.getRunningLoop(), protocolFactory, localAddress, remoteAddress, allowBroadcast);
    }

    /**
     * Listens on a Unix-domain socket at {@code path}: asyncio's {@code loop.create_unix_server}.
     *
     * @param protocolFactory makes the protocol for each accepted connection
     * @param path the socket file to create
     * @return the listening server
     * @throws IOException if the socket cannot be bound at {@code path}
     */
    public static Server createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, Path path) throws IOException {
        return createUnixServer(protocolFactory, path, ServerOptions.defaults());
    }

    /**
     * {@link #createUnixServer(Supplier, Path)} with options (backlog, start serving).
     *
     * @param protocolFactory makes the protocol for each accepted connection
     * @param path the socket file to create
     * @param options the backlog, socket file clean-up and TLS settings
     * @return the listening server
     * @throws IOException if the socket cannot be bound at {@code path}
     */

    public static Server createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, Path path, ServerOptions options)
            throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        SocketAddress address = UnixDomainSocketAddress.of(Objects.requireNonNull(path, "path"));
        return Listeners.createServer(Asyncio.getRunningLoop(), protocolFactory, List.of(address), options);
    }
}
