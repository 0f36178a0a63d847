// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.asyncio4j.Asyncio;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a file descriptor open: counts {@code /proc/self/fd} before and after
 * each test. A warm-up connection first lets the JDK open what it keeps for the whole run.
 */
final class NoLeakedDescriptors implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final Path FDS = Path.of("/proc/self/fd");
    private static boolean warmedUp;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (warmedUp) {
            return;
        }
        warmedUp = true;
        Asyncio.run(() -> {
            Server server = Streams.startServer((reader, writer) -> {
                try (writer) {
                    writer.write(reader.readline());
                }
            }, "127.0.0.1", 0);
            try (StreamConnection c = Streams.openConnection("localhost", server.port())) {
                c.writer().write("warm-up\n".getBytes(StandardCharsets.US_ASCII));
                c.reader().readline();
            }
            server.close();
            server.waitClosed();
            // The JDK keeps a socket open after the first Unix-domain channel of the JVM.
            Path dir = Files.createTempDirectory("asyncio4j-warm-up");
            Path path = dir.resolve("warm-up.sock");
            Server unix = Streams.startUnixServer((reader, writer) -> writer.close(), path);
            try (StreamConnection c = Streams.openUnixConnection(path)) {
                c.reader().read();
            }
            unix.close();
            unix.waitClosed();
            Files.delete(dir);
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        store(context).put("fds", count());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        long before = store(context).get("fds", Long.class);
        long after = count();
        // Another thread of the JVM (the test runner's, the JDK's) may hold a descriptor for a moment.
        for (int i = 0; i < 50 && after > before; i++) {
            Thread.sleep(20);
            after = count();
        }
        assertThat(after).as("open file descriptors after the test (before: %d)", before).isLessThanOrEqualTo(before);
    }

    static long count() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(NoLeakedDescriptors.class, context.getUniqueId()));
    }
}
