// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asyncio4j.Asyncio;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;

/**
 * A small line-based chat: the first line a client sends is its name, every later line goes to
 * everyone else as {@code name: line}, and {@code /quit} leaves. Issue 5's chat example.
 *
 * <p>No locks: every handler task runs on the loop thread, one at a time, so the map of members
 * is safe to share (asyncio's guarantee). A member that stops reading would make {@code drain}
 * park the sender, so a broadcast writes without draining and drops members whose buffer grows
 * past a bound instead.
 *
 * <p>Run: {@code ChatServer [port]} (default 8889), then connect with {@code nc 127.0.0.1 8889}.
 */
public final class ChatServer {
    private static final int MAX_BUFFERED = 1 << 20;

    private final Map<String, StreamWriter> members = new LinkedHashMap<>();

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8889;
        Asyncio.run(() -> {
            Server server = new ChatServer().start("127.0.0.1", port);
            System.out.println("chat server on " + server.addresses());
            EchoServer.serveUntilCancelled(server);
        });
    }

    /** Starts listening; call from a task. */
    Server start(String host, int port) throws IOException {
        return Streams.startServer(this::member, host, port);
    }

    private void member(StreamReader reader, StreamWriter writer) throws Exception {
        try (writer) {
            writer.write("name?\n".getBytes(UTF_8));
            String name = new String(reader.readline(), UTF_8).strip();
            if (name.isEmpty() || members.containsKey(name)) {
                writer.write("name taken or empty, bye\n".getBytes(UTF_8));
                return;
            }
            broadcast("* " + name + " joined");
            members.put(name, writer);
            writer.write(("welcome " + name + ", " + members.size() + " here\n").getBytes(UTF_8));
            try {
                for (byte[] raw : reader) {
                    String line = new String(raw, UTF_8).strip();
                    if (line.equals("/quit")) {
                        break;
                    }
                    broadcast(name + ": " + line, writer);
                }
            } finally {
                members.remove(name);
                broadcast("* " + name + " left");
            }
        }
    }

    private void broadcast(String message) {
        broadcast(message, null);
    }

    private void broadcast(String message, StreamWriter except) {
        byte[] line = (message + "\n").getBytes(UTF_8);
        for (StreamWriter member : members.values()) {
            if (member != except && !member.isClosing()) {
                if (member.transport().getWriteBufferSize() > MAX_BUFFERED) {
                    member.transport().abort(); // too slow to follow the chat
                } else {
                    member.write(line);
                }
            }
        }
    }
}
