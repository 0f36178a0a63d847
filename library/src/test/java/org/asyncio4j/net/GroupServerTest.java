// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.LoopGroup;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
@ExtendWith(NoLeakedDescriptors.class)
class GroupServerTest {

    /** Answers each line with the index of the loop that serves the connection. */
    private static ClientConnectedHandler echoWithLoop(LoopGroup group) {
        return (reader, writer) -> {
            try (writer) {
                for (byte[] line : reader) {
                    int loop = group.loops().indexOf(Asyncio.getRunningLoop());
                    writer.write(("loop" + loop + " " + new String(line, US_ASCII)).getBytes(US_ASCII));
                    writer.drain();
                }
            }
        };
    }

    private static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(20_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            out = socket.getOutputStream();
        }

        String ask(String line) throws IOException {
            out.write((line + "\n").getBytes(US_ASCII));
            out.flush();
            return in.readLine();
        }

        /** True once the server has ended the connection (end of stream, or a reset). */
        boolean endedByServer() throws IOException {
            try {
                return in.readLine() == null;
            } catch (SocketException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void assumeSpreadAvailable(GroupServer.Spread spread) {
        if (spread == GroupServer.Spread.REUSE_PORT) {
            assumeTrue(GroupServer.reusePortBalances(), "this system does not balance SO_REUSEPORT sockets");
        }
    }

    @ParameterizedTest
    @EnumSource(value = GroupServer.Spread.class, names = {"REUSE_PORT", "HAND_OFF"})
    void connectionsAreSpreadOverEveryLoopAndStayOnTheirLoop(GroupServer.Spread spread) throws Exception {
        assumeSpreadAvailable(spread);
        try (LoopGroup group = new LoopGroup(2)) {
            GroupServer server = GroupServer.startServer(group, echoWithLoop(group), "127.0.0.1", 0, ServerOptions.defaults(),
                    StreamReader.DEFAULT_LIMIT, spread);
            assertThat(server.spread()).isEqualTo(spread);
            assertThat(server.isServing()).isTrue();
            assertThat(server.getLoop()).isSameAs(group.loops().getFirst());
            assertThat(server.sockets()).hasSize(spread == GroupServer.Spread.REUSE_PORT ? 2 : 1);
            Map<String, Integer> perLoop = new HashMap<>();
            List<Client> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 32; i++) {
                    Client client = new Client(server.port());
                    clients.add(client);
                    String first = client.ask("hello " + i);
                    assertThat(first).endsWith(" hello " + i);
                    String loop = first.substring(0, first.indexOf(' '));
                    assertThat(client.ask("again")).isEqualTo(loop + " again"); // the same loop for its whole life
                    perLoop.merge(loop, 1, Integer::sum);
                }
            } finally {
                for (Client client : clients) {
                    client.close();
                }
            }
            if (spread == GroupServer.Spread.HAND_OFF) {
                assertThat(perLoop).containsOnly(Map.entry("loop0", 16), Map.entry("loop1", 16)); // round robin
            } else {
                assertThat(perLoop).containsOnlyKeys("loop0", "loop1"); // the kernel's hash: 2^-31 to miss a loop
            }
            server.close();
            server.waitClosed();
            assertThat(server.sockets()).isEmpty();
            assertThat(server.isServing()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = GroupServer.Spread.class, names = {"REUSE_PORT", "HAND_OFF"})
    void closeStopsListeningOnEveryLoopThenCloseClientsEndsTheConnectionsAndWaitClosedReturns(GroupServer.Spread spread)
            throws Exception {
        assumeSpreadAvailable(spread);
        try (LoopGroup group = new LoopGroup(2)) {
            GroupServer server = GroupServer.startServer(group, echoWithLoop(group), "127.0.0.1", 0, ServerOptions.defaults(),
                    StreamReader.DEFAULT_LIMIT, spread);
            int port = server.port();
            List<Client> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(new Client(port));
                    assertThat(clients.get(i).ask("up")).endsWith(" up");
                }
                CompletableFuture<Void> waited = group.submit(group.loops().get(1), () -> {
                    server.waitClosed();
                    return null;
                });
                server.close();
                assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                        .isInstanceOf(ConnectException.class);
                for (Client client : clients) {
                    assertThat(client.ask("still served")).endsWith(" still served"); // close() leaves connections open
                }
                assertThat(waited).isNotDone();
                server.closeClients();
                for (Client client : clients) {
                    assertThat(client.endedByServer()).isTrue();
                }
                waited.get(20, TimeUnit.SECONDS);
                server.waitClosed(); // from a thread outside the group too
            } finally {
                for (Client client : clients) {
                    client.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = GroupServer.Spread.class, names = {"REUSE_PORT", "HAND_OFF"})
    void closingTheGroupWithClientsConnectedEndsEveryConnectionAndLeavesNoLoopThread(GroupServer.Spread spread)
            throws Exception {
        assumeSpreadAvailable(spread);
        LoopGroup group = new LoopGroup(2);
        List<Thread> loopThreads = new ArrayList<>();
        for (EventLoop loop : group.loops()) {
            loopThreads.add(group.submit(loop, () -> {
                Asyncio.toThread(() -> { }).await(); // the default executor is shut down too
                return Thread.currentThread();
            }).get(20, TimeUnit.SECONDS));
        }
        List<String> cleanedUp = new CopyOnWriteArrayList<>();
        ClientConnectedHandler handler = (reader, writer) -> {
            try (writer) {
                writer.write("hello\n".getBytes(US_ASCII));
                writer.drain();
                reader.read(); // waits until the client goes, or the group closes
            } finally {
                cleanedUp.add("handler on loop" + group.loops().indexOf(Asyncio.getRunningLoop()));
            }
        };
        GroupServer server = GroupServer.startServer(group, handler, "127.0.0.1", 0, ServerOptions.defaults(),
                StreamReader.DEFAULT_LIMIT, spread);
        CompletableFuture<Void> serving = group.submit(group.loops().getFirst(), () -> {
            server.serveForever();
            return null;
        });
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                clients.add(new Client(server.port()));
                assertThat(clients.get(i).in.readLine()).isEqualTo("hello");
            }
            group.close();
            assertThat(serving).isCancelled();
            for (Client client : clients) {
                assertThat(client.endedByServer()).isTrue();
            }
            assertThat(cleanedUp).hasSize(8);
            assertThat(loopThreads).noneMatch(Thread::isAlive);
            assertThat(group.loops()).allMatch(EventLoop::isClosed);
        } finally {
            group.close();
            for (Client client : clients) {
                client.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = GroupServer.Spread.class, names = {"REUSE_PORT", "HAND_OFF"})
    void aProtocolServerServesEachConnectionOnOneLoopAndServeForeverEndsWithItsTask(GroupServer.Spread spread)
            throws Exception {
        assumeSpreadAvailable(spread);
        try (LoopGroup group = new LoopGroup(2)) {
            List<String> made = new CopyOnWriteArrayList<>();
            GroupServer server = GroupServer.createServer(group, () -> new Protocol() {
                private final EventLoop loop = Asyncio.getRunningLoop();
                private Transport transport;

                @Override
                public void connectionMade(Transport transport) {
                    this.transport = transport;
                    made.add("loop" + group.loops().indexOf(loop));
                }

                @Override
                public void dataReceived(byte[] data) {
                    assertThat(Asyncio.getRunningLoop()).isSameAs(loop);
                    transport.write(data);
                }
            }, "127.0.0.1", 0, ServerOptions.defaults(), spread);
            CompletableFuture<Void> serving = group.submit(group.loops().get(1), () -> {
                server.serveForever();
                return null;
            });
            for (int i = 0; i < 4; i++) {
                try (Client client = new Client(server.port())) {
                    assertThat(client.ask("echo " + i)).isEqualTo("echo " + i);
                }
            }
            assertThat(made).hasSize(4);
            if (spread == GroupServer.Spread.HAND_OFF) {
                assertThat(made).containsExactly("loop0", "loop1", "loop0", "loop1");
            }
            int port = server.port();
            serving.cancel(false);
            server.waitClosed(); // serveForever's task closes the server as it ends
            assertThat(server.sockets()).isEmpty();
            assertThat(server.isServing()).isFalse();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    /**
     * A loop ends while the hand-over of a connection waits in its queue: the socket must be
     * closed with the loop (the client sees the end), never left open with nothing to serve it.
     * Here loop 1 fails with the hand-over queued behind the failing callback, and fails again in
     * its clean-up before it reaches the hand-over.
     */
    @org.junit.jupiter.api.Test
    void aConnectionHandedToALoopThatClosesBeforeTakingItIsClosedWithThatLoop() throws Exception {
        LoopGroup group = new LoopGroup(2);
        EventLoop target = group.loops().get(1);
        GroupServer server = GroupServer.startServer(group, echoWithLoop(group), "127.0.0.1", 0, ServerOptions.defaults(),
                StreamReader.DEFAULT_LIMIT, GroupServer.Spread.HAND_OFF);
        try {
            try (Client first = new Client(server.port())) {
                assertThat(first.ask("one")).isEqualTo("loop0 one"); // the next connection goes to loop 1
            }
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            target.callSoonThreadsafe(() -> {
                int queued = target.statistics().readyCallbacks();
                holding.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (target.statistics().readyCallbacks() == queued && System.nanoTime() < deadline) {
                    Thread.onSpinWait(); // loop 1's thread is held here until the hand-over is queued
                }
                target.callSoon(() -> {
                    throw new org.asyncio4j.KeyboardInterrupt(); // runs first in the clean-up, ending it too
                });
                throw new org.asyncio4j.KeyboardInterrupt();
            });
            assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
            try (Client second = new Client(server.port())) {
                assertThat(second.endedByServer()).as("the handed-over connection was closed").isTrue();
            }
            assertThat(target.isClosed()).isTrue();
        } finally {
            assertThatThrownBy(group::close).isInstanceOf(org.asyncio4j.KeyboardInterrupt.class);
        }
    }

    @org.junit.jupiter.api.Test
    void badArgumentsAreRefusedClearly() throws Exception {
        try (LoopGroup group = new LoopGroup(1)) {
            assertThatThrownBy(() -> GroupServer.startServer(group, (r, w) -> { }, "127.0.0.1", 70000))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
            if (!GroupServer.reusePortBalances()) {
                return;
            }
            GroupServer server = GroupServer.startServer(group, (r, w) -> { }, null, 0);
            assertThat(server.spread()).isEqualTo(GroupServer.Spread.REUSE_PORT); // AUTO on Linux
            server.close();
        }
    }
}
