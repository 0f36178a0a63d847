// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.EventLoop;

/**
 * Host name resolution for the transports: literals are parsed on the spot, names are resolved
 * on the loop's default executor so that a slow DNS server never stalls the loop (asyncio's
 * {@code loop.getaddrinfo}).
 */
public final class Resolver {
    private Resolver() {
    }

    /**
     * The socket addresses of {@code host} at {@code port}, in the resolver's order; parks the
     * current task while a name is looked up.
     *
     * @throws java.net.UnknownHostException if the name does not resolve
     */
    public static List<InetSocketAddress> resolve(EventLoop loop, String host, int port) throws IOException {
        checkPort(port);
        try {
            return List.of(new InetSocketAddress(InetAddress.ofLiteral(host), port));
        } catch (IllegalArgumentException notALiteral) {
            // a name: look it up off the loop thread
        }
        InetAddress[] all = Awaiting.await(loop.runInExecutor(null, () -> InetAddress.getAllByName(host)));
        List<InetSocketAddress> result = new ArrayList<>(all.length);
        for (InetAddress address : all) {
            result.add(new InetSocketAddress(address, port));
        }
        return result;
    }

    /** @throws IllegalArgumentException if {@code port} is not a TCP/UDP port number */
    public static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
    }
}
