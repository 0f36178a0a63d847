// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.util.function.Supplier;

/** The stream-transport contract over TCP. */
class TcpTransportContractTest extends SocketTransportContract {

    @Override
    Server listen(Supplier<EchoPeer> peers) throws Exception {
        return Transports.createServer(peers, "127.0.0.1", 0);
    }

    @Override
    Connection<Side> connect(Server server, Supplier<Side> side) throws Exception {
        return Transports.createConnection(side, "127.0.0.1", server.port());
    }
}
