// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.util.Objects;

/**
 * A connected transport and the protocol created for it: what asyncio's
 * {@code loop.create_connection()} returns as the pair {@code (transport, protocol)}.
 *
 * {@snippet :
 * Connection<MyProtocol> c = Transports.createConnection(MyProtocol::new, "127.0.0.1", 8888);
 * c.transport().write(request);
 * }
 *
 * @param transport the connection's transport
 * @param protocol the protocol the factory made
 * @param <P> the protocol type
 */
public record Connection<P extends BaseProtocol>(Transport transport, P protocol) {
    /**
     * Pairs a transport with its protocol.
     *
     * @param transport the connection's transport
     * @param protocol the protocol the factory made
     */
    public Connection {

        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocol, "protocol");
    }
}
