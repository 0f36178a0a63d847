// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Network I/O is a layer above the loop and the tasks (DESIGN.md): nothing below imports it. */
class NetLayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/org/asyncio4j");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.asyncio4j[\\w.]*)\\.\\w+;", Pattern.MULTILINE);

    @Test
    void theCorePackageAndTheLoopDoNotImportNetworkIo() throws IOException {
        List<Path> lower;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            lower = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.getParent().equals(SOURCES) || p.startsWith(SOURCES.resolve("internal/loop")))
                    .toList();
        }
        assertThat(lower).contains(SOURCES.resolve("EventLoop.java"), SOURCES.resolve("internal/loop/LoopCore.java"));
        List<String> violations = lower.stream()
                    .flatMap(p -> imports(p).stream()
                            .filter(i -> i.startsWith("org.asyncio4j.net") || i.startsWith("org.asyncio4j.internal.net"))
                            .map(i -> p + " imports " + i))
                    .toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void networkIoReachesTheLoopOnlyThroughItsSelectorBridge() throws IOException {
        List<String> violations;
        try (Stream<Path> files = Stream.concat(Files.walk(SOURCES.resolve("net")), Files.walk(SOURCES.resolve("internal/net")))) {
            violations = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> imports(p).stream()
                            .filter(i -> i.startsWith("org.asyncio4j.internal.carrier") || i.startsWith("org.asyncio4j.internal.signals"))
                            .map(i -> p + " imports " + i))
                    .toList();
        }
        assertThat(violations).isEmpty();
    }

    private static List<String> imports(Path file) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            return m.results().map(r -> r.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
