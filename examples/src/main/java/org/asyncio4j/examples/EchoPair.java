// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.net.Server;

/**
 * The echo server and its client on one event loop: {@link EchoServer} listens on a free port,
 * {@link EchoClient} sends two lines and reads them back, then the server closes. The tour's
 * network program; both sides are tasks of the same loop, so no thread is added for either.
 *
 * {@snippet :
 * EchoPair.run(System.out); // echo server on /127.0.0.1:41234, echoed: hello, echoed: echo, ...
 * }
 */
public final class EchoPair {
    private EchoPair() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            Server server = EchoServer.startStreams("127.0.0.1", 0);
            out.println("echo server on " + server.addresses().getFirst());
            EchoClient.talk(out, server.port(), List.of("hello", "echo"));
            server.close();
            server.waitClosed();
            out.println("server closed");
        });
    }
}
