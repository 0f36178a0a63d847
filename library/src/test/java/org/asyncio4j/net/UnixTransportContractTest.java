// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The stream-transport contract over Unix-domain sockets. */
class UnixTransportContractTest extends SocketTransportContract {
    private Path dir;

    @Override
    Server listen(Supplier<EchoPeer> peers) throws Exception {
        dir = Files.createTempDirectory("asyncio4j-contract");
        return Transports.createUnixServer(peers, dir.resolve("echo.sock"));
    }

    @Override
    Connection<Side> connect(Server server, Supplier<Side> side) throws Exception {
        return Transports.createUnixConnection(side, dir.resolve("echo.sock"));
    }

    @Override
    String infoKey() {
        return "socket";
    }

    @Override
    void cleanUp() throws Exception {
        Files.deleteIfExists(dir.resolve("echo.sock"));
        Files.delete(dir);
    }
}
