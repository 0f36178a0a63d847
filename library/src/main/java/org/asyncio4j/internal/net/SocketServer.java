// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.asyncio4j.EventLoop;
import org.asyncio4j.ExceptionHandler;
import org.asyncio4j.Future;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.IoHandler;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.Server;

/**
 * A server listening on one or more bound {@link ServerSocketChannel}s: asyncio's
 * {@code asyncio.Server} with the accept loop of its selector event loop.
 */
public final class SocketServer implements Server {
    private static final double ACCEPT_RETRY_DELAY = 1.0;
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    private final EventLoop loop;
    private final Supplier<? extends BaseProtocol> protocolFactory;
    private final int backlog;
    private final List<Listener> listeners = new ArrayList<>();
    private final Set<SocketTransport> clients = new LinkedHashSet<>();
    private final List<UnixSocketFile> socketFiles = new ArrayList<>();
    private List<Future<Void>> closeWaiters = new ArrayList<>();
    private Future<Void> servingForever;
    /** Where accepted connections go: this server itself, or another loop's (a loop group's hand-off). */
    private Consumer<SocketChannel> acceptor = this::adopt;
    /** Sockets other loops handed over ({@link #handOver}) that this loop has not adopted yet; thread-safe. */
    private final Set<SocketChannel> handedOver = ConcurrentHashMap.newKeySet();
    /** Closes what is still handed over if the loop closes first; registered by {@link #receiveHandOvers()}. */
    private final Runnable closeHandedOver = this::closeHandedOver;
    private boolean serving;
    /** Volatile: {@link #handOver} reads it from other loops' threads. */
    private volatile boolean closed;

    /** Takes ownership of bound, listening {@code channels}; accepts nothing until {@link #startServing()}. */
    public SocketServer(EventLoop loop, List<ServerSocketChannel> channels, Supplier<? extends BaseProtocol> protocolFactory,
                        int backlog) throws IOException {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.backlog = backlog;
        try {
            for (ServerSocketChannel channel : channels) {
                channel.configureBlocking(false);
                listeners.add(new Listener(channel));
            }
        } catch (IOException | RuntimeException e) {
            for (ServerSocketChannel channel : channels) {
                Channels.closeQuietly(channel);
            }
            throw e;
        }
    }

    @Override
    public void startServing() {
        if (serving || closed) {
            return;
        }
        serving = true;
        for (Listener listener : listeners) {
            listener.listen(true);
        }
    }

    @Override
    public boolean isServing() {
        return serving;
    }

    @Override
    @SuppressWarnings("finally") // the cancellation wins over an error from closing, as in asyncio
    public void serveForever() throws Exception {
        if (servingForever != null) {
            throw new IllegalStateException("serveForever() is already running for this server in another task");
        }
        if (closed) {
            throw new IllegalStateException("the server is closed; start a new one");
        }
        startServing();
        Future<Void> forever = loop.createFuture();
        servingForever = forever;
        try {
            forever.await();
        } catch (org.asyncio4j.CancelledError cancelled) {
            try {
                close();
                waitClosed();
            } finally {
                throw cancelled;
            }
        } finally {
            if (servingForever == forever) {
                servingForever = null;
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
        for (Listener listener : listeners) {
            Channels.closeQuietly(listener.channel);
        }
        listeners.clear();
        LOOPS.io(loop).releaseClosedChannels();
        socketFiles.forEach(UnixSocketFile::removeIfStillOurs);
        socketFiles.clear();
        if (servingForever != null) {
            servingForever.cancel();
            servingForever = null;
        }
        forgetHandOversIfDone();
        wakeUpIfDone();
    }

    @Override
    public void waitClosed() throws Exception {
        if (closeWaiters == null) {
            return;
        }
        Future<Void> waiter = loop.createFuture();
        closeWaiters.add(waiter);
        waiter.await();
    }

    @Override
    public List<NetworkChannel> sockets() {
        List<NetworkChannel> result = new ArrayList<>();
        for (Listener listener : listeners) {
            result.add(listener.channel);
        }
        return result;
    }

    @Override
    public List<SocketAddress> addresses() {
        List<SocketAddress> result = new ArrayList<>();
        for (Listener listener : listeners) {
            result.add(listener.address);
        }
        return result;
    }

    @Override
    public int port() {
        for (Listener listener : listeners) {
            if (listener.address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        throw new IllegalStateException(closed ? "the server is closed: it has no port any more" : "the server listens on no TCP socket");
    }

    @Override
    public void closeClients() {
        for (SocketTransport client : List.copyOf(clients)) {
            client.close();
        }
    }

    @Override
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public void abortClients() {
        for (SocketTransport client : List.copyOf(clients)) {
            client.abort();
        }
    }

    /**
     * Sends the connections this server accepts to {@code target} instead of serving them itself;
     * a loop group's hand-off, which passes each to a server of another loop ({@link #adopt}).
     * Loop thread only, before serving starts.
     */
    public void handAcceptedTo(Consumer<SocketChannel> target) {
        acceptor = target;
    }

    /**
     * Makes this server take connections accepted on other loops ({@link #handOver}): from now on
     * a socket handed over is closed with this loop if the loop closes before adopting it. Loop
     * thread only, before the first hand-over.
     */
    public void receiveHandOvers() {
        LOOPS.io(loop).addCloseHook(closeHandedOver);
    }

    /**
     * From another loop's thread: has this server's loop {@link #adopt} {@code client}. The socket
     * is never dropped: closed here if this server is closed, and closed with this loop if the loop
     * closes before it runs the hand-over (a loop group shutting down, or a loop of it failing).
     *
     * @return false if this server's loop is closed already: the socket is still the caller's
     */
    public boolean handOver(SocketChannel client) {
        handedOver.add(client);
        // closed is read after the add, as close() reads the set after setting closed: one side
        // sees the other, so either the socket is closed here or the close hook stays registered
        // until the callback below has run.
        boolean closedHere = closed && handedOver.remove(client);
        if (closedHere) {
            Channels.closeQuietly(client);
        }
        try {
            loop.callSoonThreadsafe(() -> {
                if (handedOver.remove(client)) {
                    adopt(client);
                }
                forgetHandOversIfDone();
            });
            return true;
        } catch (IllegalStateException loopClosed) {
            return closedHere || !handedOver.remove(client); // if not ours any more, the close hook closed it
        }
    }

    /** Once closed with no hand-over in flight, the close hook has nothing left to do. Loop thread only. */
    private void forgetHandOversIfDone() {
        if (closed && handedOver.isEmpty()) {
            LOOPS.io(loop).removeCloseHook(closeHandedOver);
        }
    }

    /** The loop closes: the sockets handed over that it never adopted are closed, not leaked. */
    private void closeHandedOver() {
        for (SocketChannel client : handedOver) {
            if (handedOver.remove(client)) {
                Channels.closeQuietly(client);
            }
        }
    }

    /**
     * Serves {@code client}, accepted here or on another loop, on this server's loop for the rest
     * of its life; closes it if the server is closed already. Loop thread only.
     */
    public void adopt(SocketChannel client) {
        if (closed) {
            Channels.closeQuietly(client);
            return;
        }
        SocketTransport transport;
        try {
            client.configureBlocking(false);
            if (client.getLocalAddress() instanceof InetSocketAddress) {
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            SelectionKey clientKey = LOOPS.io(loop).register(client, 0, null);
            transport = new SocketTransport(loop, client, clientKey, protocolFactory.get(), this);
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(client);
            reportError("Error on transport creation for incoming connection", e);
            return;
        }
        transport.start(null);
    }

    /** Removes {@code file} when the server closes (once its socket is closed). */
    void removeOnClose(UnixSocketFile file) {
        socketFiles.add(file);
    }

    void attach(SocketTransport client) {
        assert LOOPS.io(loop).inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        clients.add(client);
    }

    void detach(SocketTransport client) {
        assert LOOPS.io(loop).inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        if (clients.remove(client)) {
            wakeUpIfDone();
        }
    }

    private void wakeUpIfDone() {
        if (!closed || !clients.isEmpty() || closeWaiters == null) {
            return;
        }
        List<Future<Void>> waiters = closeWaiters;
        closeWaiters = null;
        for (Future<Void> waiter : waiters) {
            if (!waiter.isDone()) {
                waiter.setResult(null);
            }
        }
    }

    private void reportError(String message, Exception error) {
        Map<String, Object> context = ExceptionHandler.context(message, error);
        context.put("server", this);
        loop.callExceptionHandler(context);
    }

    /** EMFILE, ENFILE, ENOBUFS or ENOMEM, as the C library words them (glibc and macOS alike). */
    private static boolean isOutOfResources(IOException error) {
        String message = String.valueOf(error.getMessage());
        return message.contains("Too many open files") || message.contains("No buffer space available")
                || message.contains("Cannot allocate memory");
    }

    @Override
    public String toString() {
        return "<Server " + (closed ? "closed" : "sockets=" + addresses()) + " clients=" + clients.size() + ">";
    }

    /** One listening socket and its selection key. */
    private final class Listener implements IoHandler {
        final ServerSocketChannel channel;
        final SocketAddress address;
        final SelectionKey key;

        Listener(ServerSocketChannel channel) throws IOException {
            this.channel = channel;
            this.address = channel.getLocalAddress();
            this.key = LOOPS.io(loop).register(channel, 0, this);
        }

        void listen(boolean on) {
            if (key.isValid()) {
                key.interestOps(on ? SelectionKey.OP_ACCEPT : 0);
            }
        }

        /** Accepts up to a backlog's worth of connections per readiness event, as asyncio does. */
        @Override
        public void run() {
            assert LOOPS.io(loop).inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
            for (int i = 0; i < backlog && serving && key.isValid(); i++) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (IOException e) {
                    if (!closed) {
                        pauseAccepting(e);
                    }
                    return;
                }
                if (client == null) {
                    return;
                }
                acceptor.accept(client);
            }
        }

        /**
         * Out of descriptors or memory, the socket stays readable and accepting again at once
         * would spin: stop for a second, as asyncio does. asyncio pauses only for EMFILE, ENFILE,
         * ENOBUFS and ENOMEM; the JDK reports those only as text, in the system's language, so an
         * error not recognised as one of them pauses too rather than risk a busy loop.
         */
        private void pauseAccepting(IOException error) {
            reportError(isOutOfResources(error)
                    ? "socket.accept() out of system resource; accepting again in 1 second"
                    : "socket.accept() failed; accepting again in 1 second", error);
            listen(false);
            loop.callLater(ACCEPT_RETRY_DELAY, () -> listen(serving));
        }

        @Override
        public String toString() {
            return "<Listener " + address + " of " + SocketServer.this + ">";
        }
    }
}
