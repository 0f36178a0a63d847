// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.echo;

import java.nio.ByteBuffer;
import org.asyncio4j.net.BufferedProtocol;
import org.asyncio4j.net.Transport;
import org.asyncio4j.net.Transports;

/**
 * The {@code echo} benchmark's protocol server: a {@link BufferedProtocol} that writes back what
 * each read brought, with no task per connection; the peers' {@code echo_server.py --mode protocol}
 * (reading pauses while the write buffer is above its high-water mark). Prints
 * {@code READY <port>} and serves until SIGTERM.
 *
 * <p>All connections read into one direct buffer: the loop runs one protocol call at a time and
 * {@link Transport#write} consumes or copies the bytes before it returns, so the buffer is free
 * again when the next read starts, and no read or write copies through the JDK's temporary
 * direct buffers.
 *
 * {@snippet lang=shell :
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp ... org.asyncio4j.bench.echo.ProtocolEchoServer 0
 * }
 */
public final class ProtocolEchoServer {
    private ProtocolEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        ByteBuffer shared = ByteBuffer.allocateDirect(64 * 1024);
        EchoServerMain.run(args, "ProtocolEchoServer", (host, port, options) ->
                Transports.createServer(() -> new Echo(shared), host, port, options));
    }

    /** One connection's protocol. */
    static final class Echo implements BufferedProtocol {
        private final ByteBuffer buffer;
        private Transport transport;

        Echo(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();
        }

        @Override
        public void bufferUpdated(int bytes) {
            transport.write(buffer.flip());
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
