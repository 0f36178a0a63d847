// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md point down only: the loop knows nothing above it, the carrier only the loop. */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/org/asyncio4j");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.asyncio4j[\\w.]*)\\.\\w+;", Pattern.MULTILINE);

    /** For each internal layer, the asyncio4j packages it may import. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "internal/loop", List.of("org.asyncio4j.internal.loop"),
            "internal/carrier", List.of("org.asyncio4j.internal.carrier"),
            "internal/signals", List.of("org.asyncio4j.internal.signals"),
            "internal/diag", List.of("org.asyncio4j.internal.diag"));

    @Test
    void lowerLayersDoNotImportHigherOnes() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : ALLOWED.entrySet()) {
            Path dir = SOURCES.resolve(layer.getKey());
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher imports = IMPORT.matcher(Files.readString(file));
                    while (imports.find()) {
                        String imported = imports.group(1);
                        if (layer.getValue().stream().noneMatch(imported::startsWith)) {
                            violations.add(file + " imports " + imported);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheCarrierTouchesTheVirtualThreadBuilder() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> touching = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("ThreadBuilders"))
                    .map(p -> p.getFileName().toString())
                    .toList();
            assertThat(touching).containsExactly("LoopCarrier.java");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
