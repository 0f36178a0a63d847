// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedDescriptors.class)
class SocketsTest {

    private static ServerSocketChannel listener() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        listener.configureBlocking(false);
        return listener;
    }

    @Test
    void acceptConnectSendAndReceiveParkOnlyTheirTasks() {
        Asyncio.run(() -> {
            try (ServerSocketChannel listener = listener(); SocketChannel client = SocketChannel.open()) {
                Task<SocketChannel> accepting = Asyncio.createTask(() -> Sockets.sockAccept(listener));
                client.configureBlocking(false);
                Sockets.sockConnect(client, listener.getLocalAddress());
                try (SocketChannel server = accepting.await()) {
                    assertThat(server.isBlocking()).isFalse();
                    Task<byte[]> receiving = Asyncio.createTask(() -> Sockets.sockRecv(server, 100));
                    Asyncio.sleep(0.01);
                    assertThat(receiving.isDone()).isFalse();
                    Sockets.sockSendall(client, "hello".getBytes(US_ASCII));
                    assertThat(new String(receiving.await(), US_ASCII)).isEqualTo("hello");

                    byte[] big = new byte[4 << 20];
                    Task<Void> sending = Asyncio.createTask(() -> Sockets.sockSendall(client, big));
                    ByteBuffer into = ByteBuffer.allocate(64 * 1024);
                    long total = 0;
                    while (total < big.length) {
                        into.clear();
                        total += Sockets.sockRecvInto(server, into);
                    }
                    sending.await();
                    assertThat(total).isEqualTo(big.length);
                    client.shutdownOutput();
                    assertThat(Sockets.sockRecv(server, 10)).isEmpty();
                }
            }
        });
    }

    @Test
    void cancellingAReceiveLeavesTheChannelUsable() {
        Asyncio.run(() -> {
            try (ServerSocketChannel listener = listener(); SocketChannel client = SocketChannel.open()) {
                client.configureBlocking(false);
                Task<SocketChannel> accepting = Asyncio.createTask(() -> Sockets.sockAccept(listener));
                Sockets.sockConnect(client, listener.getLocalAddress());
                try (SocketChannel server = accepting.await()) {
                    Task<byte[]> receiving = Asyncio.createTask(() -> Sockets.sockRecv(server, 10));
                    Asyncio.sleep(0.01);
                    receiving.cancel();
                    assertThatThrownBy(receiving::await).isInstanceOf(CancelledError.class);
                    Sockets.sockSendall(client, "again".getBytes(US_ASCII));
                    assertThat(new String(Sockets.sockRecv(server, 10), US_ASCII)).isEqualTo("again");
                }
            }
        });
    }

    @Test
    void blockingChannelsAndTransportChannelsAreRefused() {
        Asyncio.run(() -> {
            try (SocketChannel blocking = SocketChannel.open()) {
                assertThatThrownBy(() -> Sockets.sockRecv(blocking, 1)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("non-blocking");
            }
            Server server = Transports.createServer(() -> new Protocol() {}, "127.0.0.1", 0);
            Connection<Protocol> c = Transports.createConnection(() -> new Protocol() {}, "127.0.0.1", server.port());
            SocketChannel owned = (SocketChannel) c.transport().getExtraInfo("socket");
            assertThatThrownBy(() -> Sockets.sockRecv(owned, 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transport");
            c.transport().close();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void namesResolveAndReverseResolveOffTheLoop() {
        Asyncio.run(() -> {
            assertThat(Sockets.getaddrinfo("localhost", 80)).isNotEmpty()
                    .allSatisfy(address -> assertThat(address.getAddress().isLoopbackAddress()).isTrue());
            assertThat(Sockets.getaddrinfo("127.0.0.1", 80)).containsExactly(new InetSocketAddress("127.0.0.1", 80));
            assertThat(Sockets.getnameinfo(new InetSocketAddress("127.0.0.1", 80))).isNotBlank();
        });
    }
}
