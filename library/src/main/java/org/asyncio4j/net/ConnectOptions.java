package org.asyncio4j.net;

import java.net.SocketAddress;

/**
 * Optional settings for {@link Transports#createConnection} and {@link Streams#openConnection}:
 * the keyword arguments of asyncio's {@code loop.create_connection}. Immutable; each setter
 * returns a changed copy.
 *
 * {@snippet :
 * ConnectOptions options = ConnectOptions.defaults().localAddress(new InetSocketAddress("127.0.0.1", 0));
 * }
 */
public final class ConnectOptions {
    private static final ConnectOptions DEFAULTS = new ConnectOptions(null);

    private final SocketAddress localAddress;

    private ConnectOptions(SocketAddress localAddress) {
        this.localAddress = localAddress;
    }

    /** No local address: the system picks one. */
    public static ConnectOptions defaults() {
        return DEFAULTS;
    }

    /** Binds the socket to {@code address} before connecting (asyncio's {@code local_addr}); null: any. */
    public ConnectOptions localAddress(SocketAddress address) {
        return new ConnectOptions(address);
    }

    public SocketAddress localAddress() {
        return localAddress;
    }
}
