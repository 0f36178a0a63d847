// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.util.function.Supplier;

/** The stream-transport contract over TLS on TCP: no half-close, and the session in the extra information. */
class TlsTransportContractTest extends SocketTransportContract {

    @Override
    Server listen(Supplier<EchoPeer> peers) throws Exception {
        return Transports.createServer(peers, "127.0.0.1", 0, ServerOptions.defaults().ssl(TestCertificates.server()));
    }

    @Override
    Connection<Side> connect(Server server, Supplier<Side> side) throws Exception {
        return Transports.createConnection(side, "localhost", server.port(), ConnectOptions.defaults().ssl(TestCertificates.client()));
    }

    @Override
    boolean canWriteEof() {
        return false;
    }

    @Override
    String infoKey() {
        return "cipher";
    }
}
