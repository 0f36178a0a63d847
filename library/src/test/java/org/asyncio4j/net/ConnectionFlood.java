// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;

/** Many clients at once against one echo server on loopback; each checks its own answer. */
final class ConnectionFlood {
    private ConnectionFlood() {
    }

    /** Opens {@code total} connections, at most {@code concurrent} at a time. */
    static void run(int total, int concurrent) {
        Asyncio.run(() -> {
            Server server = Streams.startServer(StreamsTest.ECHO_LINES, "127.0.0.1", 0,
                    ServerOptions.defaults().backlog(4096), StreamReader.DEFAULT_LIMIT);
            int served = 0;
            for (int start = 0; start < total; start += concurrent) {
                List<Task<Boolean>> clients = new ArrayList<>();
                for (int i = start; i < Math.min(total, start + concurrent); i++) {
                    String line = "client " + i + "\n";
                    clients.add(Asyncio.createTask(() -> {
                        try (StreamConnection c = Streams.openConnection("127.0.0.1", server.port())) {
                            c.writer().write(line.getBytes(US_ASCII));
                            return new String(c.reader().readline(), US_ASCII).equals(line);
                        }
                    }));
                }
                for (Task<Boolean> client : clients) {
                    if (client.await()) {
                        served++;
                    }
                }
            }
            assertThat(served).isEqualTo(total);
            server.close();
            server.waitClosed();
        });
    }
}
