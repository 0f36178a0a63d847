// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.util.Objects;

/**
 * A datagram transport and its protocol: what asyncio's {@code loop.create_datagram_endpoint()}
 * returns as the pair {@code (transport, protocol)}.
 *
 * {@snippet :
 * DatagramEndpoint<Listener> e = Transports.createDatagramEndpoint(Listener::new, new InetSocketAddress("0.0.0.0", 9999), null);
 * }
 *
 * @param transport the endpoint's transport
 * @param protocol the protocol the factory made
 * @param <P> the protocol type
 */
public record DatagramEndpoint<P extends DatagramProtocol>(DatagramTransport transport, P protocol) {
    /**
     * Pairs a datagram transport with its protocol.
     *
     * @param transport the endpoint's transport
     * @param protocol the protocol the factory made
     */
    public DatagramEndpoint {

        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocol, "protocol");
    }
}
