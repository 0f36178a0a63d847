// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeakedDescriptors.class)
class DatagramTest {

    /** Sends every datagram back where it came from. */
    static final class Echo implements DatagramProtocol {
        DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport transport) {
            this.transport = transport;
        }

        @Override
        public void datagramReceived(byte[] data, SocketAddress from) {
            transport.sendto(data, from);
        }
    }

    /** Completes futures with the first datagram, the first error, and the end. */
    static final class Client implements DatagramProtocol {
        final EventLoop loop = Asyncio.getRunningLoop();
        final Future<String> received = loop.createFuture();
        final Future<Exception> error = loop.createFuture();
        final Future<Exception> lost = loop.createFuture();
        SocketAddress sender;

        @Override
        public void datagramReceived(byte[] data, SocketAddress from) {
            sender = from;
            received.setResult(new String(data, US_ASCII));
        }

        @Override
        public void errorReceived(Exception e) {
            if (!error.isDone()) {
                error.setResult(e);
            }
        }

        @Override
        public void connectionLost(Exception e) {
            lost.setResult(e);
        }
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Test
    void aConnectedClientGetsItsDatagramEchoed() {
        Asyncio.run(() -> {
            DatagramEndpoint<Echo> server = Transports.createDatagramEndpoint(Echo::new, loopback(0), null);
            InetSocketAddress serverAddress = (InetSocketAddress) server.transport().getExtraInfo("sockname");
            DatagramEndpoint<Client> client = Transports.createDatagramEndpoint(Client::new, null, serverAddress);
            assertThat(client.transport().getExtraInfo("peername")).isEqualTo(serverAddress);
            assertThat(client.transport().getExtraInfo("socket")).isInstanceOf(DatagramChannel.class);
            client.transport().sendto("ping".getBytes(US_ASCII));
            assertThat(client.protocol().received.await()).isEqualTo("ping");
            assertThat(client.protocol().sender).isEqualTo(serverAddress);
            assertThatThrownBy(() -> client.transport().sendto(new byte[1], loopback(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connected");
            client.transport().close();
            assertThat(client.protocol().lost.await()).isNull();
            assertThat(client.transport().isClosing()).isTrue();
            server.transport().close();
        });
    }

    @Test
    void aNewProtocolGetsTheDatagramsFromThenOn() {
        Asyncio.run(() -> {
            DatagramEndpoint<Echo> server = Transports.createDatagramEndpoint(Echo::new, loopback(0), null);
            InetSocketAddress serverAddress = (InetSocketAddress) server.transport().getExtraInfo("sockname");
            DatagramEndpoint<Client> client = Transports.createDatagramEndpoint(Client::new, null, serverAddress);
            client.transport().sendto("first".getBytes(US_ASCII));
            assertThat(client.protocol().received.await()).isEqualTo("first");
            Client second = new Client();
            client.transport().setProtocol(second);
            assertThat(client.transport().getProtocol()).isSameAs(second);
            client.transport().sendto("second".getBytes(US_ASCII));
            assertThat(second.received.await()).isEqualTo("second");
            client.transport().close();
            assertThat(second.lost.await()).isNull();
            assertThat(client.protocol().lost.isDone()).isFalse();
            server.transport().close();
        });
    }

    @Test
    void anUnconnectedEndpointSendsToTheAddressGivenEachTime() {
        Asyncio.run(() -> {
            DatagramEndpoint<Echo> server = Transports.createDatagramEndpoint(Echo::new,
                    InetSocketAddress.createUnresolved("localhost", 0), null);
            int port = ((InetSocketAddress) server.transport().getExtraInfo("sockname")).getPort();
            DatagramEndpoint<Client> client = Transports.createDatagramEndpoint(Client::new, loopback(0), null);
            assertThatThrownBy(() -> client.transport().sendto(new byte[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not connected");
            client.transport().sendto("hello".getBytes(US_ASCII), loopback(port));
            assertThat(client.protocol().received.await()).isEqualTo("hello");
            client.transport().abort();
            client.protocol().lost.await();
            server.transport().close();
        });
    }

    @Test
    void aConnectedEndpointHearsThatNobodyListens() throws Exception {
        int closedPort;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(loopback(0));
            closedPort = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        Asyncio.run(() -> {
            DatagramEndpoint<Client> client = Transports.createDatagramEndpoint(Client::new, null, loopback(closedPort));
            client.transport().sendto("anyone?".getBytes(US_ASCII));
            assertThat(client.protocol().error.await()).isInstanceOf(PortUnreachableException.class);
            assertThat(client.transport().isClosing()).isFalse();
            client.transport().close();
            client.protocol().lost.await();
        });
    }

    /** Collects datagrams until one reads "end". */
    static final class Collector implements DatagramProtocol {
        final List<String> received = new ArrayList<>();
        final Future<List<String>> ended = Asyncio.getRunningLoop().createFuture();

        @Override
        public void datagramReceived(byte[] data, SocketAddress from) {
            received.add(new String(data, US_ASCII));
            if (received.getLast().equals("end")) {
                ended.setResult(received);
            }
        }
    }

    @Test
    void zeroLengthDatagramsAreSentByConnectedAndUnconnectedEndpoints() {
        Asyncio.run(() -> {
            DatagramEndpoint<Echo> server = Transports.createDatagramEndpoint(Echo::new, loopback(0), null);
            InetSocketAddress serverAddress = (InetSocketAddress) server.transport().getExtraInfo("sockname");
            // connected: the client sends with send(); the echo answers, unconnected, with sendto()
            DatagramEndpoint<Collector> connected = Transports.createDatagramEndpoint(Collector::new, null, serverAddress);
            connected.transport().sendto("first".getBytes(US_ASCII));
            assertThat(connected.protocol().ended.isDone()).isFalse();
            // Without a suspension in between, "queued" waits unread in the client's socket while it sends "".
            int clientPort = ((InetSocketAddress) connected.transport().getExtraInfo("sockname")).getPort();
            server.transport().sendto("queued".getBytes(US_ASCII), loopback(clientPort));
            connected.transport().sendto(new byte[0]);
            connected.transport().sendto("end".getBytes(US_ASCII));
            assertThat(connected.protocol().ended.await()).containsExactly("queued", "first", "", "end");
            DatagramEndpoint<Collector> unconnected = Transports.createDatagramEndpoint(Collector::new, loopback(0), null);
            unconnected.transport().sendto(new byte[0], serverAddress);
            unconnected.transport().sendto("end".getBytes(US_ASCII), serverAddress);
            assertThat(unconnected.protocol().ended.await()).containsExactly("", "end");
            connected.transport().close();
            unconnected.transport().close();
            server.transport().close();
        });
    }

    @Test
    void anEndpointNeedsAtLeastOneAddress() {
        Asyncio.run(() -> assertThatThrownBy(() -> Transports.createDatagramEndpoint(Client::new, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("local address"));
    }

    @Test
    void streamTransportsRefuseDatagramProtocols() {
        Asyncio.run(() -> {
            Server server = Transports.createServer(TransportTest.Echo::new, "127.0.0.1", 0);
            assertThatThrownBy(() -> Transports.createConnection(Client::new, "127.0.0.1", server.port()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createDatagramEndpoint");
            server.close();
            server.waitClosed();
        });
    }
}
