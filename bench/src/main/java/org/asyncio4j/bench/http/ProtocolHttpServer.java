// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.http;

import java.nio.ByteBuffer;
import org.asyncio4j.Asyncio;
import org.asyncio4j.bench.echo.EchoServerMain;
import org.asyncio4j.net.BufferedProtocol;
import org.asyncio4j.net.Transport;
import org.asyncio4j.net.Transports;

/**
 * The {@code http} benchmark's protocol server: a {@link BufferedProtocol} that answers every
 * complete request head in a read with the plaintext response, all of a read's responses in one
 * write (so 16 pipelined requests get one write), with no task per connection; the peers' protocol
 * servers (uvloop with httptools, Netty) do the same. Prints {@code READY <port>} and serves until
 * SIGTERM.
 *
 * <p>A request head split across reads is found by carrying how much of {@code CRLF CRLF} the
 * previous read ended with; all connections read into one direct buffer (the loop runs one
 * protocol call at a time, as in the echo server).
 *
 * {@snippet lang=shell :
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp ... org.asyncio4j.bench.http.ProtocolHttpServer 0
 * }
 */
public final class ProtocolHttpServer {
    private ProtocolHttpServer() {
    }

    public static void main(String[] args) throws Exception {
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        EchoServerMain.run(args, "ProtocolHttpServer", (host, port, options) -> {
            Plaintext.refreshDateEverySecond(Asyncio.getRunningLoop());
            return Transports.createServer(() -> new Http(in), host, port, options);
        });
    }

    /** One connection's protocol. */
    static final class Http implements BufferedProtocol {
        private final ByteBuffer in;
        private Transport transport;
        private int matched; // how many bytes of CRLF CRLF the data so far ends with

        Http(ByteBuffer in) {
            this.in = in;
        }

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return in.clear();
        }

        @Override
        public void bufferUpdated(int bytes) {
            int requests = 0;
            for (int i = 0; i < bytes; i++) {
                byte b = in.get(i);
                if (b == Plaintext.END_OF_HEAD[matched]) {
                    if (++matched == Plaintext.END_OF_HEAD.length) {
                        requests++;
                        matched = 0;
                    }
                } else {
                    matched = b == '\r' ? 1 : 0;
                }
            }
            if (requests == 0) {
                return;
            }
            byte[] response = Plaintext.response();
            byte[] out = new byte[response.length * requests];
            for (int r = 0; r < requests; r++) {
                System.arraycopy(response, 0, out, r * response.length, response.length);
            }
            transport.write(out);
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
