// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.internal.net.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 8305 racing in the connector (package-private parts reached through Connector and the options). */
@ExtendWith(NoLeakedDescriptors.class)
class HappyEyeballsTest {

    private static InetSocketAddress at(String literal, int port) {
        return new InetSocketAddress(InetAddress.ofLiteral(literal), port);
    }

    @Test
    void aStuckFirstAddressDoesNotDelayTheConnectionBeyondTheDelay() throws Exception {
        // A listener whose accept queue is full never completes a new handshake: the kernel drops the SYN.
        try (ServerSocketChannel stuck = ServerSocketChannel.open()) {
            stuck.bind(at("127.0.0.1", 0), 1);
            List<SocketChannel> fill = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    fill.add(SocketChannel.open(stuck.getLocalAddress()));
                }
                Asyncio.run(() -> {
                    Server good = Transports.createServer(() -> new Protocol() {}, "127.0.0.1", 0);
                    List<SocketAddress> addresses = List.of(stuck.getLocalAddress(), at("127.0.0.1", good.port()));
                    long start = System.nanoTime();
                    Connection<Protocol> c = Connector.connect(Asyncio.getRunningLoop(), addresses, null, () -> new Protocol() {},
                            null, Duration.ofMillis(50));
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                    assertThat(c.transport().getExtraInfo("peername")).isEqualTo(at("127.0.0.1", good.port()));
                    c.transport().close();
                    good.close();
                    good.waitClosed();
                });
            } finally {
                for (SocketChannel channel : fill) {
                    channel.close();
                }
            }
        }
    }

    @Test
    void whenEveryAttemptFailsTheErrorsAreCombined() throws Exception {
        int[] closedPorts = new int[2];
        for (int i = 0; i < 2; i++) {
            try (ServerSocketChannel probe = ServerSocketChannel.open()) {
                probe.bind(at("127.0.0.1", 0));
                closedPorts[i] = ((InetSocketAddress) probe.getLocalAddress()).getPort();
            }
        }
        Asyncio.run(() -> {
            List<SocketAddress> addresses = List.of(at("127.0.0.1", closedPorts[0]), at("127.0.0.1", closedPorts[1]));
            assertThatThrownBy(() -> Connector.connect(Asyncio.getRunningLoop(), addresses, null, () -> new Protocol() {},
                    null, Duration.ofMillis(250)))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("Multiple exceptions")
                    .hasMessageContaining(String.valueOf(closedPorts[0]))
                    .hasMessageContaining(String.valueOf(closedPorts[1]));
        });
    }

    @Test
    void thePublicOptionTurnsItOnForAHostName() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(() -> new Protocol() {}, "127.0.0.1", 0);
            Connection<Protocol> c = Transports.createConnection(() -> new Protocol() {}, "localhost", server.port(),
                    ConnectOptions.defaults().happyEyeballsDelay(Duration.ofMillis(250)));
            assertThat(c.transport().isClosing()).isFalse();
            c.transport().close();
            server.close();
            server.waitClosed();
        });
    }
}
