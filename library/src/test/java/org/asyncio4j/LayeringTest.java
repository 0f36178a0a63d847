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

/**
 * The layers of docs/design.md point down only, and every package has its place: the runtime
 * under {@code internal} (loop, carrier, signals) knows nothing above it; the core
 * ({@code org.asyncio4j}) builds on the runtime only; each feature (sync, queues, net,
 * subprocess) uses the core and its own internal package, and nothing beside it but what it is
 * built on (subprocess pipes are stream transports, so subprocess uses net).
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/org/asyncio4j");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.asyncio4j[\\w.]*)\\.\\w+;", Pattern.MULTILINE);
    private static final String ROOT = "org.asyncio4j";
    private static final Pattern SUN_MISC = Pattern.compile("\\bsun\\.misc\\b");

    /** For each package (relative to org/asyncio4j), the other asyncio4j packages it may import. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            // the runtime: below everything
            Map.entry("internal/loop", List.of()),
            Map.entry("internal/carrier", List.of("internal.loop")),
            Map.entry("internal/signals", List.of()),
            Map.entry("internal/diag", List.of()),
            // the core: futures, tasks, the loop's contract, the facade and the combinators
            Map.entry("", List.of("internal.loop", "internal.carrier", "internal.signals", "internal.diag")),
            // the features' machinery, each under its public package
            Map.entry("internal/sync", List.of("", "internal.loop")),
            Map.entry("internal/net", List.of("", "internal.loop", "net")),
            Map.entry("internal/subprocess", List.of("", "internal.loop", "internal.net", "internal.signals", "net", "subprocess")),
            // the features
            Map.entry("sync", List.of("", "internal.sync")),
            Map.entry("queues", List.of("", "internal.sync")),
            Map.entry("net", List.of("", "internal.net")),
            Map.entry("subprocess", List.of("", "net", "internal.subprocess")));

    /**
     * The feature machinery reaches the loop's core only through its narrow door: {@code CoreAccess}
     * hands out the {@code LoopIo} view (channels, the inbox, close hooks, thread checks), never
     * {@code LoopCore} itself, whose ready queue, timers and life belong to the loop and the carrier.
     */
    private static final List<String> MACHINERY = List.of("internal/sync", "internal/net", "internal/subprocess");
    private static final List<String> LOOP_DOOR = List.of("CoreAccess", "LoopIo", "IoHandler", "SafeLog");
    private static final Pattern LOOP_IMPORT = Pattern.compile("^import org\\.asyncio4j\\.internal\\.loop\\.(\\w+)", Pattern.MULTILINE);

    private static String packageOf(String relative) {
        return relative.isEmpty() ? ROOT : ROOT + "." + relative.replace('/', '.');
    }

    @Test
    void everyPackageHasAPlaceInTheLayers() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            List<String> packages = dirs.filter(Files::isDirectory)
                    .filter(LayeringTest::hasSources)
                    .map(d -> SOURCES.relativize(d).toString())
                    .toList();
            assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(packages);
        }
    }

    @Test
    void importsPointDownOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : ALLOWED.entrySet()) {
            String own = packageOf(layer.getKey());
            List<String> allowed = layer.getValue().stream().map(LayeringTest::packageOf).toList();
            try (Stream<Path> files = Files.list(SOURCES.resolve(layer.getKey()))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher imports = IMPORT.matcher(read(file));
                    while (imports.find()) {
                        String imported = packageWithoutNestedClass(imports.group(1));
                        if (!imported.equals(own) && !allowed.contains(imported)) {
                            violations.add(file + " imports " + imports.group(1));
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theFeatureMachineryReachesTheCoreOnlyThroughItsNarrowDoor() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String layer : MACHINERY) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(layer))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = read(file);
                    Matcher imports = LOOP_IMPORT.matcher(source);
                    while (imports.find()) {
                        if (!LOOP_DOOR.contains(imports.group(1))) {
                            violations.add(file + " imports internal.loop." + imports.group(1));
                        }
                    }
                    if (source.contains("LoopCore")) {
                        violations.add(file + " names LoopCore");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** {@code org.asyncio4j.net.Transport} (an import of a nested class) names package {@code org.asyncio4j.net}. */
    private static String packageWithoutNestedClass(String qualifier) {
        String[] parts = qualifier.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (String part : parts) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.isEmpty() ? "" : ".").append(part);
        }
        return pkg.toString();
    }

    private static boolean hasSources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    /**
     * The JDK's unsupported signal API is reached in one class, through method handles: javac
     * warns on every line that names it. Checked in every module of the build (the REPL and the
     * tests go through the same class), comments aside.
     */
    @Test
    void onlyJvmSignalReachesSunMisc() throws IOException {
        List<String> naming = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path src : modules.map(m -> m.resolve("src")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> read(p).lines().map(String::strip)
                                    .anyMatch(line -> SUN_MISC.matcher(line).find() && !line.startsWith("*") && !line.startsWith("//")))
                            .forEach(p -> naming.add(p.getFileName().toString()));
                }
            }
        }
        assertThat(naming).containsExactly("JvmSignal.java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
