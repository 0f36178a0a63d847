// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.LoopGroup;
import org.asyncio4j.internal.net.Listeners;
import org.asyncio4j.internal.net.Resolver;
import org.asyncio4j.internal.net.SocketServer;

/**
 * One TCP server whose connections are spread over the loops of a {@link LoopGroup}: the way to
 * use every core for a server. Beyond asyncio (whose users run one process per core on
 * {@code SO_REUSEPORT}); Netty's and Vert.x's servers on N event loops.
 *
 * {@snippet :
 * try (LoopGroup group = new LoopGroup()) {
 *     GroupServer server = GroupServer.startServer(group, (reader, writer) -> {
 *         writer.write(reader.read(4096)); // runs on the loop that owns this connection
 *         writer.drain();
 *         writer.close();
 *     }, "127.0.0.1", 8888);
 *     System.out.println("serving on " + server.port() + " with " + server.spread());
 *     group.submit(() -> { server.serveForever(); return null; }).join(); // until cancelled
 * }
 * }
 *
 * <h2>How connections are spread</h2>
 * {@link Spread#REUSE_PORT}: every loop listens on its own socket bound to the same address with
 * {@code SO_REUSEPORT}, and the kernel spreads incoming connections over them (Linux). Otherwise
 * {@link Spread#HAND_OFF}: the group's first loop listens alone and hands each accepted socket to
 * the next loop of the group in turn ({@link LoopGroup#next()}), which registers it with its own
 * selector on its own thread. Either way a connection lives on one loop for its whole life: its
 * protocol (or stream handler) is made, called and closed there, so inside it everything is
 * asyncio's single-threaded world. {@link Spread#AUTO}, the default, picks {@code REUSE_PORT} on
 * Linux and {@code HAND_OFF} elsewhere (other systems either lack the option or do not balance
 * with it); {@link #spread()} says which one is in use.
 *
 * <h2>Lifecycle</h2>
 * As for one {@link Server}: {@link #close()} stops listening on every loop (connections go on),
 * {@link #closeClients()} and {@link #abortClients()} end the connections on every loop,
 * {@link #waitClosed()} waits until the server is closed and every connection has ended, and
 * {@link #serveForever()} serves until its task is cancelled, then closes and waits. Closing the
 * group ends everything, connections included.
 *
 * <h2>Threads</h2>
 * Thread-safe: call it from a task of any loop or from a thread outside the group (each step runs
 * on the loop that owns it, and the caller waits for all of them). {@link #waitClosed()} and
 * {@link #serveForever()} park the calling task. The protocol factory is called on the loop that
 * will own the connection, from several loops at once: it must be safe to call from any thread.
 */
public final class GroupServer implements Server {

    /** How a {@link GroupServer} spreads its connections over the loops. */
    public enum Spread {
        /** {@link #REUSE_PORT} where the system balances {@code SO_REUSEPORT} sockets (Linux), {@link #HAND_OFF} elsewhere. */
        AUTO,
        /** One listening socket per loop on the same address; the kernel spreads the connections. */
        REUSE_PORT,
        /** One listening socket on the first loop, which hands each accepted connection to the next loop. */
        HAND_OFF
    }

    private final LoopGroup group;
    private final Spread spread;
    private final List<Shard> shards;
    private volatile boolean serving;
    private volatile boolean closed;
    private volatile Future<Void> servingForever;

    /** One loop's part of the server, with what it listens on (empty for a hand-off shard). */
    private record Shard(EventLoop loop, SocketServer server, List<NetworkChannel> sockets, List<SocketAddress> addresses) {
    }

    private GroupServer(LoopGroup group, Spread spread, List<Shard> shards) {
        this.group = group;
        this.spread = spread;
        this.shards = List.copyOf(shards);
    }

    /**
     * A protocol server on every loop of {@code group}, serving at once, with the default options
     * and {@link Spread#AUTO}; {@link Transports#createServer(Supplier, String, int)} for a group.
     *
     * @param group the loops that serve the connections
     * @param protocolFactory makes the protocol of each accepted connection; it is called on the
     *     loop that will own the connection, from several loops at once
     * @param host the host name or address to listen on, or null for every interface
     * @param port the TCP port, or 0 for any free port (every loop then shares the one picked)
     * @return the server, listening and accepting
     * @throws IOException if the name does not resolve or the address cannot be bound; nothing is
     *     left listening then
     * @throws IllegalStateException if the group is closed
     */
    public static GroupServer createServer(LoopGroup group, Supplier<? extends BaseProtocol> protocolFactory, String host,
                                           int port) throws IOException {
        return createServer(group, protocolFactory, host, port, ServerOptions.defaults(), Spread.AUTO);
    }

    /**
     * {@link #createServer(LoopGroup, Supplier, String, int)} with server options and a way to
     * spread the connections.
     *
     * @param group the loops that serve the connections
     * @param protocolFactory makes the protocol of each accepted connection; it is called on the
     *     loop that will own the connection, from several loops at once
     * @param host the host name or address to listen on, or null for every interface
     * @param port the TCP port, or 0 for any free port (every loop then shares the one picked)
     * @param options the backlog, socket options and TLS settings, applied on every loop; with
     *     {@code startServing(false)} the server waits for {@link #startServing()}
     * @param spread how the connections are spread over the loops
     * @return the server
     * @throws IOException if the name does not resolve or the address cannot be bound; nothing is
     *     left listening then
     * @throws IllegalStateException if the group is closed
     * @throws UnsupportedOperationException if {@code spread} is {@link Spread#REUSE_PORT} and the
     *     system has no {@code SO_REUSEPORT}
     */
    public static GroupServer createServer(LoopGroup group, Supplier<? extends BaseProtocol> protocolFactory, String host,
                                           int port, ServerOptions options, Spread spread) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        return start(group, () -> protocolFactory, host, port, options, spread);
    }

    /**
     * A streams server on every loop of {@code group}, serving at once, with the default options,
     * reader limit and {@link Spread#AUTO};
     * {@link Streams#startServer(ClientConnectedHandler, String, int)} for a group.
     *
     * @param group the loops that serve the connections
     * @param handler runs once per connection, in a task of the loop that owns the connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the TCP port, or 0 for any free port (every loop then shares the one picked)
     * @return the server, listening and accepting
     * @throws IOException if the name does not resolve or the address cannot be bound; nothing is
     *     left listening then
     * @throws IllegalStateException if the group is closed
     */
    public static GroupServer startServer(LoopGroup group, ClientConnectedHandler handler, String host, int port)
            throws IOException {
        return startServer(group, handler, host, port, ServerOptions.defaults(), StreamReader.DEFAULT_LIMIT, Spread.AUTO);
    }

    /**
     * {@link #startServer(LoopGroup, ClientConnectedHandler, String, int)} with options, a reader
     * limit and a spread.
     *
     * @param group the loops that serve the connections
     * @param handler runs once per connection, in a task of the loop that owns the connection
     * @param host the host name or address to listen on, or null for every interface
     * @param port the TCP port, or 0 for any free port (every loop then shares the one picked)
     * @param options the backlog, socket options and TLS settings, applied on every loop; with
     *     {@code startServing(false)} the server waits for {@link #startServing()}
     * @param limit each connection's reader buffer limit in bytes
     * @param spread how the connections are spread over the loops
     * @return the server
     * @throws IOException if the name does not resolve or the address cannot be bound; nothing is
     *     left listening then
     * @throws IllegalArgumentException if {@code limit} is not positive
     * @throws IllegalStateException if the group is closed
     * @throws UnsupportedOperationException if {@code spread} is {@link Spread#REUSE_PORT} and the
     *     system has no {@code SO_REUSEPORT}
     */
    public static GroupServer startServer(LoopGroup group, ClientConnectedHandler handler, String host, int port,
                                          ServerOptions options, int limit, Spread spread) throws IOException {
        Objects.requireNonNull(handler, "handler");
        StreamReader.checkLimit(limit);
        return start(group, () -> Streams.serverProtocol(handler, limit), host, port, options, spread);
    }

    /**
     * {@return whether this system spreads connections over sockets bound with
     * {@code SO_REUSEPORT}} {@link Spread#AUTO} picks {@link Spread#REUSE_PORT} when it does.
     */
    public static boolean reusePortBalances() {
        return hasReusePort() && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    /** {@return how this server spreads its connections: {@link Spread#REUSE_PORT} or {@link Spread#HAND_OFF}} */
    public Spread spread() {
        return spread;
    }

    /** {@return the group whose loops serve the connections} */
    public LoopGroup group() {
        return group;
    }

    @Override
    public void startServing() {
        if (closed) {
            return;
        }
        serving = true;
        onEveryLoop(SocketServer::startServing);
    }

    @Override
    public boolean isServing() {
        return serving;
    }

    @Override
    @SuppressWarnings("finally") // the cancellation wins over an error from closing, as in Server
    public void serveForever() throws Exception {
        if (closed) {
            throw new IllegalStateException("the server is closed; start a new one");
        }
        Future<Void> forever = Asyncio.getRunningLoop().createFuture();
        synchronized (this) {
            if (servingForever != null) {
                throw new IllegalStateException("serveForever() is already running for this server in another task");
            }
            servingForever = forever;
        }
        try {
            startServing();
            forever.await();
        } catch (CancelledError cancelled) {
            try {
                close();
                waitClosed();
            } finally {
                throw cancelled;
            }
        } finally {
            synchronized (this) {
                if (servingForever == forever) {
                    servingForever = null;
                }
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serving = false;
        onEveryLoop(SocketServer::close);
        Future<Void> forever;
        synchronized (this) {
            forever = servingForever;
            servingForever = null;
        }
        if (forever != null && !forever.getLoop().isClosed()) {
            forever.getLoop().callSoonThreadsafe(forever::cancel);
        }
    }

    @Override
    public void waitClosed() throws Exception {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Shard shard : shards) {
            if (!shard.loop.isClosed()) {
                waits.add(group.submit(shard.loop, () -> {
                    shard.server.waitClosed();
                    return null;
                }));
            }
        }
        waitFor(CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)));
    }

    @Override
    public List<NetworkChannel> sockets() {
        return closed ? List.of() : shards.stream().flatMap(shard -> shard.sockets.stream()).toList();
    }

    @Override
    public List<SocketAddress> addresses() {
        return closed ? List.of() : shards.stream().flatMap(shard -> shard.addresses.stream()).toList();
    }

    @Override
    public int port() {
        for (SocketAddress address : addresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        throw new IllegalStateException(closed ? "the server is closed: it has no port any more" : "the server listens on no TCP socket");
    }

    @Override
    public void closeClients() {
        onEveryLoop(SocketServer::closeClients);
    }

    @Override
    public void abortClients() {
        onEveryLoop(SocketServer::abortClients);
    }

    @Override
    public EventLoop getLoop() {
        return shards.get(0).loop();
    }

    @Override
    public String toString() {
        return "<GroupServer " + spread + " loops=" + shards.size() + (closed ? " closed" : " sockets=" + addresses()) + ">";
    }

    /** Binds every shard (not yet serving), links the hand-off if there is one, then serves if the options say so. */
    private static GroupServer start(LoopGroup group, Supplier<Supplier<? extends BaseProtocol>> factoryOnLoop, String host,
                                     int port, ServerOptions options, Spread asked) throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(asked, "spread");
        Spread spread = switch (asked) {
            case AUTO -> reusePortBalances() ? Spread.REUSE_PORT : Spread.HAND_OFF;
            case REUSE_PORT -> {
                if (!hasReusePort()) {
                    throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this system;"
                            + " use Spread.HAND_OFF (or AUTO, which picks it)");
                }
                yield Spread.REUSE_PORT;
            }
            case HAND_OFF -> Spread.HAND_OFF;
        };
        ServerOptions bindOptions = (spread == Spread.REUSE_PORT ? options.reusePort(true) : options).startServing(false);
        List<EventLoop> loops = group.loops();
        List<Shard> shards = new ArrayList<>();
        try {
            Shard first = waitFor(group.submit(loops.getFirst(), () -> {
                EventLoop loop = loops.getFirst();
                List<InetSocketAddress> addresses = host == null ? List.of(new InetSocketAddress(checkedPort(port)))
                        : Resolver.resolve(loop, host, port);
                return shard(loop, Listeners.createServer(loop, factoryOnLoop.get(), addresses, bindOptions), true);
            }));
            shards.add(first);
            List<InetSocketAddress> bound = first.addresses.stream().map(InetSocketAddress.class::cast).toList();
            for (EventLoop loop : loops.subList(1, loops.size())) {
                shards.add(waitFor(group.submit(loop, () -> spread == Spread.REUSE_PORT
                        ? shard(loop, Listeners.createServer(loop, factoryOnLoop.get(), bound, bindOptions), true)
                        : shard(loop, Listeners.createShard(loop, factoryOnLoop.get(), bindOptions), false))));
            }
        } catch (IOException | RuntimeException | Error e) {
            new GroupServer(group, spread, shards).close();
            throw e;
        }
        GroupServer server = new GroupServer(group, spread, shards);
        if (spread == Spread.HAND_OFF) {
            Shard first = shards.getFirst();
            waitFor(group.submit(first.loop, () -> {
                first.server.handAcceptedTo(server::handOff);
                return null;
            }));
        }
        if (options.startServing()) {
            server.startServing();
        }
        return server;
    }

    /**
     * On the accepting loop: gives {@code client} to the next loop of the group, which serves it
     * from then on (or closes it, if it closes first); serves it here if that loop is closed
     * already or the group is closing.
     */
    private void handOff(SocketChannel client) {
        Shard here = shards.getFirst();
        try {
            EventLoop target = group.next();
            if (target != here.loop && shardOf(target).server.handOver(client)) {
                return;
            }
        } catch (IllegalStateException closing) {
            // the group is closing: the connection stays here, where closing ends it too
        }
        here.server.adopt(client);
    }

    private Shard shardOf(EventLoop loop) {
        for (Shard shard : shards) {
            if (shard.loop == loop) {
                return shard;
            }
        }
        throw new IllegalArgumentException("not a loop of this server's group: " + loop);
    }

    /** Runs {@code action} on every shard's loop (at once on the caller's own) and waits for all of them. */
    private void onEveryLoop(java.util.function.Consumer<SocketServer> action) {
        List<CompletableFuture<Void>> steps = new ArrayList<>();
        EventLoop here = currentLoopOrNull();
        for (Shard shard : shards) {
            if (shard.loop == here) {
                action.accept(shard.server);
            } else if (!shard.loop.isClosed()) {
                try {
                    steps.add(group.submit(shard.loop, () -> {
                        action.accept(shard.server);
                        return null;
                    }));
                } catch (IllegalStateException loopClosed) {
                    // that loop has closed its sockets already
                }
            }
        }
        try {
            waitFor(CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Shard shard(EventLoop loop, SocketServer server, boolean listens) {
        return new Shard(loop, server, listens ? server.sockets() : List.of(), listens ? server.addresses() : List.of());
    }

    private static int checkedPort(int port) {
        Resolver.checkPort(port);
        return port;
    }

    private static boolean hasReusePort() {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        } catch (IOException e) {
            return false;
        }
    }

    private static EventLoop currentLoopOrNull() {
        try {
            return Asyncio.getRunningLoop();
        } catch (IllegalStateException none) {
            return null;
        }
    }

    /**
     * Waits for a step that runs on another loop: parks the task if called from one (cancellation
     * reaches the step), blocks the thread otherwise; rethrows the step's exception unchanged.
     */
    private static <T> T waitFor(CompletableFuture<T> step) throws IOException {
        try {
            if (Asyncio.currentTask() != null) {
                return Asyncio.wrapFuture(step).await();
            }
            return step.get();
        } catch (ExecutionException e) {
            return rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.cancel(false);
            throw new InterruptedIOException("interrupted while waiting for the group's loops");
        } catch (Exception e) {
            return rethrow(e);
        }
    }

    private static <T> T rethrow(Throwable error) throws IOException {
        if (error instanceof IOException e) {
            throw e;
        }
        if (error instanceof RuntimeException e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error);
    }
}
