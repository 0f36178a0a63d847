// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.IOException;
import org.asyncio4j.Asyncio;
import org.asyncio4j.net.Protocol;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;
import org.asyncio4j.net.Transport;
import org.asyncio4j.net.Transports;

/**
 * An echo server in the two styles asyncio offers: streams (a task per connection that reads and
 * writes) and a protocol (callbacks, no task). Issue 5's echo example; the benchmark module can
 * start either with {@link #startStreams} or {@link #startProtocol} from a task.
 *
 * <p>Run: {@code EchoServer [port] [streams|protocol]} (default 8888, streams), then for example
 * {@link EchoClient}. Stops on Ctrl+C.
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8888;
        boolean protocol = args.length > 1 && args[1].equals("protocol");
        Asyncio.run(() -> {
            Server server = protocol ? startProtocol("127.0.0.1", port) : startStreams("127.0.0.1", port);
            System.out.println("echo server (" + (protocol ? "protocol" : "streams") + ") on " + server.addresses());
            serveUntilCancelled(server);
        });
    }

    /**
     * Serves until the task is cancelled (Ctrl+C), then closes the server and its connections.
     * {@code server.serveForever()} would instead wait, as asyncio's does, until every client has
     * left on its own.
     */
    static void serveUntilCancelled(Server server) throws Exception {
        try {
            Asyncio.getRunningLoop().createFuture().await(); // completed by no one: parks until cancelled
        } finally {
            server.close();
            server.closeClients();
            server.waitClosed();
        }
    }

    /** Starts a stream echo server: each connection's task copies what it reads back, honouring drain. */
    public static Server startStreams(String host, int port) throws IOException {
        return Streams.startServer(EchoServer::echo, host, port);
    }

    /** Starts a protocol echo server: each received chunk is written back from the callback. */
    public static Server startProtocol(String host, int port) throws IOException {
        return Transports.createServer(EchoProtocol::new, host, port);
    }

    private static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        try (writer) {
            for (byte[] data; (data = reader.read(64 * 1024)).length > 0; ) {
                writer.write(data);
                writer.drain();
            }
        }
    }

    /** Echoes in callbacks; pauses reading while the peer does not keep up with our writes. */
    static final class EchoProtocol implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }

        @Override
        public void pauseWriting() {
            transport.pauseReading();
        }

        @Override
        public void resumeWriting() {
            transport.resumeReading();
        }
    }
}
