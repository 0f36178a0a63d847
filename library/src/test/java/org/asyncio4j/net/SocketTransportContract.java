// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Future;

/**
 * The contract's fixture for the socket transports: a protocol server whose peers echo, and a
 * client connection to it. Subclasses say how to listen and how to connect (TCP, TLS, Unix).
 */
abstract class SocketTransportContract extends StreamTransportContract {

    /** The server's side: treats what it receives as {@code mode} says; closes when our side ends. */
    static final class EchoPeer implements Protocol {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Future<byte[]> ended = Asyncio.getRunningLoop().createFuture();
        private final Peer mode;
        private Transport transport;

        EchoPeer(Peer mode) {
            this.mode = mode;
        }

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(byte[] data) {
            received.writeBytes(data);
            if (mode != Peer.SINK) {
                transport.write(data);
            }
        }

        @Override
        public void pauseWriting() {
            if (mode == Peer.BACKPRESSURE) {
                transport.pauseReading();
            }
        }

        @Override
        public void resumeWriting() {
            if (mode == Peer.BACKPRESSURE) {
                transport.resumeReading();
            }
        }

        @Override
        public void connectionLost(Exception error) {
            ended.setResult(received.toByteArray());
        }
    }

    abstract Server listen(Supplier<EchoPeer> peers) throws Exception;

    abstract Connection<Side> connect(Server server, Supplier<Side> side) throws Exception;

    @Override
    boolean canWriteEof() {
        return true;
    }

    @Override
    String infoKey() {
        return "peername";
    }

    @Override
    final Link open(Peer mode) throws Exception {
        Future<EchoPeer> accepted = Asyncio.getRunningLoop().createFuture();
        Server server = listen(() -> {
            EchoPeer peer = new EchoPeer(mode);
            accepted.setResult(peer);
            return peer;
        });
        Connection<Side> c = connect(server, Side::new);
        EchoPeer peer = accepted.await();
        return new Link() {
            @Override
            public Transport out() {
                return c.transport();
            }

            @Override
            public Transport in() {
                return c.transport();
            }

            @Override
            public Side outSide() {
                return c.protocol();
            }

            @Override
            public Side inSide() {
                return c.protocol();
            }

            @Override
            public Future<byte[]> peerGot() {
                return peer.ended;
            }

            @Override
            public void release() throws Exception {
                c.transport().abort();
                c.protocol().lost.await();
                peer.ended.await();
                server.close();
                server.waitClosed();
                cleanUp();
            }
        };
    }

    /** What the fixture must remove after the server has closed (a socket file). */
    void cleanUp() throws Exception {
    }
}
