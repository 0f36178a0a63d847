package org.asyncio4j.net;

/**
 * Optional settings for {@link Transports#createServer} and {@link Streams#startServer}: the
 * keyword arguments of asyncio's {@code loop.create_server}. Immutable; each setter returns a
 * changed copy.
 *
 * {@snippet :
 * ServerOptions options = ServerOptions.defaults().backlog(1024).startServing(false);
 * }
 */
public final class ServerOptions {
    private static final ServerOptions DEFAULTS = new ServerOptions(100, true, false, true);

    private final int backlog;
    private final boolean reuseAddress;
    private final boolean reusePort;
    private final boolean startServing;

    private ServerOptions(int backlog, boolean reuseAddress, boolean reusePort, boolean startServing) {
        this.backlog = backlog;
        this.reuseAddress = reuseAddress;
        this.reusePort = reusePort;
        this.startServing = startServing;
    }

    /** Backlog 100, reuse-address on, reuse-port off, serving at once: asyncio's defaults on Unix. */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The listen queue length, also how many connections one readiness event accepts at most.
     *
     * @throws IllegalArgumentException if {@code backlog} is not positive
     */
    public ServerOptions backlog(int backlog) {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be positive, not " + backlog);
        }
        return new ServerOptions(backlog, reuseAddress, reusePort, startServing);
    }

    /** {@code SO_REUSEADDR}: rebind a port whose old connections linger in TIME_WAIT. */
    public ServerOptions reuseAddress(boolean on) {
        return new ServerOptions(backlog, on, reusePort, startServing);
    }

    /** {@code SO_REUSEPORT}: let several sockets (processes) listen on the same port. */
    public ServerOptions reusePort(boolean on) {
        return new ServerOptions(backlog, reuseAddress, on, startServing);
    }

    /** Whether to accept at once (true) or only after {@link Server#startServing()} or {@link Server#serveForever()}. */
    public ServerOptions startServing(boolean on) {
        return new ServerOptions(backlog, reuseAddress, reusePort, on);
    }

    public int backlog() {
        return backlog;
    }

    public boolean reuseAddress() {
        return reuseAddress;
    }

    public boolean reusePort() {
        return reusePort;
    }

    public boolean startServing() {
        return startServing;
    }
}
