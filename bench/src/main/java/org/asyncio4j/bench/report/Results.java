// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All figures of one run (asyncio4j's and the peers', read from {@code results.jsonl}),
 * arranged as comparable rows.
 *
 * <p>The peers name a few things differently; this is where they are reconciled: CPython reports
 * timer overhead in seconds as {@code timers_overhead_s} and its memory as
 * {@code timers_bytes_per_task}, the JVM peers report {@code timers} in {@code ms_over_1s} with
 * {@code heap_bytes_per_task} beside it; per-item units differ only in wording
 * ({@code ns/task}, {@code ns/thread}, {@code ns/coroutine}). Echo servers are named
 * {@code <system>-streams} and {@code <system>-protocol} ({@code uvloop-protocol}); the suffix picks
 * the row ({@code echo_streams_64B} or {@code echo_64B}, where the servers without streams, Netty
 * and the rest, also go) and the rest the column, and each echo line also gives the server's CPU
 * time per request ({@code cpu_ns_per_req}) and the p99 latency ({@code p99_us}) as rows of
 * their own. The HTTP servers' figures ({@code http_plaintext}, {@code http_pipelined16}) are
 * named and arranged the same way ({@code http_streams_plaintext} and so on), and so are the
 * idle connections' ({@code idle_conns}: resident bytes per connection, with the live heap per
 * connection, JVMs only, as {@code idle_conns_heap}; the streams servers' {@code idle_conns_streams}), and so
 * are the loop-group cases' ({@code group_echo_1loop}, {@code group_http_2loops}, ..., with the server's
 * requests per CPU-second and CPUs busy as {@code _per_cpu_s} and {@code _cpus} rows; the hand-off
 * server {@code asyncio4j-handoff-protocol} is the column {@code asyncio4j-handoff}) and the TLS
 * servers' ({@code tls_echo_64B}, {@code tls_echo_16384B}, {@code tls_handshakes}; the streams
 * servers' {@code tls_streams_echo_64B} and so on). A figure's median and process CPU time per operation ({@code median}, {@code cpu_ns}
 * or {@code cpu_ns_per_mb}) become rows {@code <case>_median} and {@code <case>_cpu} (and the
 * blocking cases' worker calls per second, {@code calls_per_s}, the row {@code <case>_calls}); a loaded
 * figure is its own case ({@code callsoon_loaded}; the timer overhead's is {@code timers_overhead_loaded}). CPython's {@code idle_memory} is tracemalloc's
 * live bytes (the JVM's is the used heap after GC), its resident-set figure the row
 * {@code idle_memory_rss}.
 *
 * {@snippet :
 * Results results = Results.read(Path.of("bench/target/results.jsonl"));
 * for (Row row : results.rows()) { ... }
 * }
 */
public final class Results {
    /** Systems in column order; peers not in this list are appended in order of appearance. */
    static final List<String> SYSTEM_ORDER = List.of("asyncio4j", "asyncio", "uvloop", "kotlin-coroutines",
            "java-vthreads-1carrier", "java-vthreads", "netty-epoll", "netty-nio", "nio-single", "vthread-per-conn", "vertx");
    /** The loop cases with a per-operation row, each measured bare and {@code _loaded} (an idle listening socket on the loop). */
    static final List<String> LOOP_CASES = List.of("spawn", "switch", "pingpong", "queue", "callsoon");
    private static final List<String> ROW_ORDER = rowOrder(
            "timers_overhead", "timers_overhead_loaded", "timers_memory", "idle_memory", "idle_memory_rss", "floor_vthread", "floor_continuation",
            "floor_pingpong", "subprocess_cat",
            "echo_64B", "echo_64B_cpu", "echo_64B_p99", "echo_4096B", "echo_4096B_cpu", "echo_4096B_p99",
            "echo_streams_64B", "echo_streams_64B_cpu", "echo_streams_64B_p99",
            "echo_streams_4096B", "echo_streams_4096B_cpu", "echo_streams_4096B_p99",
            "http_plaintext", "http_plaintext_cpu", "http_plaintext_p99",
            "http_pipelined16", "http_pipelined16_cpu", "http_pipelined16_p99",
            "http_streams_plaintext", "http_streams_plaintext_cpu", "http_streams_plaintext_p99",
            "http_streams_pipelined16", "http_streams_pipelined16_cpu", "http_streams_pipelined16_p99",
            "idle_conns", "idle_conns_heap", "idle_conns_streams", "idle_conns_streams_heap",
            "group_echo_1loop", "group_echo_2loops", "group_echo_streams_1loop", "group_echo_streams_2loops",
            "group_http_1loop", "group_http_2loops", "group_http_streams_1loop", "group_http_streams_2loops",
            "tls_echo_64B", "tls_echo_64B_cpu", "tls_echo_64B_p99", "tls_echo_16384B", "tls_echo_16384B_cpu",
            "tls_echo_16384B_p99", "tls_handshakes", "tls_handshakes_cpu", "tls_handshakes_p99",
            "tls_streams_echo_64B", "tls_streams_echo_64B_cpu", "tls_streams_echo_64B_p99",
            "tls_streams_echo_16384B", "tls_streams_echo_16384B_cpu", "tls_streams_echo_16384B_p99",
            "tls_streams_handshakes", "tls_streams_handshakes_cpu", "tls_streams_handshakes_p99");
    /** The prefixes of the server cases, measured by a load generator against a server process. */
    static final List<String> SERVER_CASES = List.of("echo_", "http_", "idle_conns", "group_echo_", "group_http_", "tls_");
    private static final String STREAMS = "-streams";
    private static final String PROTOCOL = "-protocol";

    /**
     * A row's own median and CPU rows follow it (a blocking case's also its calls per second, a
     * group case's its requests per CPU-second and CPUs busy).
     */
    private static final List<String> DERIVED = List.of("", "_median", "_cpu", "_calls", "_per_cpu_s", "_cpus");

    /** Each loop case bare and loaded, then {@code others}. */
    private static List<String> rowOrder(String... others) {
        List<String> order = new ArrayList<>();
        for (String kase : LOOP_CASES) {
            order.addAll(List.of(kase, kase + "_loaded"));
        }
        order.addAll(List.of(others));
        return List.copyOf(order);
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Set<String> systems = new LinkedHashSet<>();

    /** Reads every non-blank line of {@code jsonl}; a malformed line is an error naming its number. */
    public static Results read(Path jsonl) throws IOException {
        Results results = new Results();
        List<String> lines = Files.readAllLines(jsonl);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                results.add(FlatJson.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(jsonl + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return results;
    }

    /** Adds one figure (a parsed JSON line). */
    public void add(Map<String, Object> figure) {
        String system = (String) figure.get("system");
        String kase = (String) figure.get("case");
        String unit = (String) figure.get("unit");
        if (system == null || kase == null || !(figure.get("value") instanceof Double value)) {
            throw new IllegalArgumentException("a figure needs system, case and a numeric value: " + figure);
        }
        for (String server : SERVER_CASES) {
            if (kase.startsWith(server)) {
                addServer(system, server, kase.substring(server.length()), value, figure);
                return;
            }
        }
        systems.add(system);
        switch (kase) {
            case "timers" -> {
                put("timers_overhead", "ms over the longest delay", false, system, value);
                if (figure.get("heap_bytes_per_task") instanceof Double heap && !"asyncio4j".equals(system)) {
                    put("timers_memory", "bytes/task", false, system, heap);
                }
            }
            case "timers_loaded" -> put("timers_overhead_loaded", "ms over the longest delay", false, system, value);
            case "timers_overhead_s" -> put("timers_overhead", "ms over the longest delay", false, system, value * 1000);
            case "timers_overhead_s_loaded" ->
                    put("timers_overhead_loaded", "ms over the longest delay", false, system, value * 1000);
            case "timers_bytes_per_task" -> put("timers_memory", "bytes/task", false, system, value);
            case "idle_memory" -> {
                put("idle_memory", "live bytes/task", false, system, value);
                if (figure.get("rss_bytes_per_task") instanceof Double rss) {
                    put("idle_memory_rss", "resident bytes/task", false, system, rss);
                }
            }
            default -> {
                boolean rate = unit != null && unit.endsWith("/s");
                put(kase, rate ? unit : perOperation(unit), rate, system, value);
                if (figure.get("median") instanceof Double median) {
                    put(kase + "_median", (rate ? unit : perOperation(unit)) + " (median)", rate, system, median);
                }
                if (figure.get("cpu_ns") instanceof Double cpu) {
                    put(kase + "_cpu", "process CPU ns/op", false, system, cpu);
                }
                if (figure.get("cpu_ns_per_mb") instanceof Double cpu) {
                    put(kase + "_cpu", "process CPU ns/MB", false, system, cpu);
                }
                if (figure.get("calls_per_s") instanceof Double calls) { // the blocking cases' workers
                    put(kase + "_calls", "worker calls/s", true, system, calls);
                }
            }
        }
    }

    /**
     * A server's figures (echo, HTTP, idle connections): requests/s or bytes per connection, then
     * each of CPU time per request, p99 latency and live heap per connection it has, in rows of their own.
     */
    private void addServer(String system, String prefix, String variant, double requestsPerSecond,
            Map<String, Object> figure) {
        String row = prefix + variant;
        String column = system;
        if (system.endsWith(STREAMS)) {
            row = variant.isEmpty() ? prefix + "_streams" : prefix + "streams_" + variant;
            column = system.substring(0, system.length() - STREAMS.length());
        } else if (system.endsWith(PROTOCOL)) {
            column = system.substring(0, system.length() - PROTOCOL.length());
        }
        systems.add(column);
        String unit = figure.get("unit") instanceof String u ? u : "req/s";
        put(row, unit, unit.endsWith("/s"), column, requestsPerSecond);
        if (figure.get("heap_bytes_per_conn") instanceof Double heap) {
            put(row + "_heap", "live heap bytes/conn", false, column, heap);
        }
        if (figure.get("cpu_ns_per_req") instanceof Double cpu) {
            put(row + "_cpu", "server CPU ns/req", false, column, cpu);
        }
        if (figure.get("req_per_cpu_s") instanceof Double perCpuSecond) {
            put(row + "_per_cpu_s", "requests per server CPU-second", true, column, perCpuSecond);
        }
        if (figure.get("server_cpus") instanceof Double cpus) {
            put(row + "_cpus", "server CPUs busy", false, column, cpus);
        }
        if (figure.get("p99_us") instanceof Double p99) {
            put(row + "_p99", "p99 latency µs", false, column, p99);
        }
    }

    /** The rows in a stable order: the known cases first, each followed by its median and CPU rows, others after. */
    public List<Row> rows() {
        Map<String, Row> ordered = new LinkedHashMap<>();
        for (String key : ROW_ORDER) {
            for (String suffix : DERIVED) {
                Row row = rows.get(key + suffix);
                if (row != null) {
                    ordered.putIfAbsent(row.key(), row);
                }
            }
        }
        for (Row row : rows.values()) {
            ordered.putIfAbsent(row.key(), row);
        }
        return List.copyOf(ordered.values());
    }

    /** Every system that reported at least one figure, asyncio4j first. */
    public List<String> systems() {
        List<String> ordered = new ArrayList<>();
        for (String s : SYSTEM_ORDER) {
            if (systems.contains(s)) {
                ordered.add(s);
            }
        }
        for (String s : systems) {
            if (!ordered.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    /** The figure of {@code system} in row {@code key}, or null. */
    public Double value(String key, String system) {
        Row row = rows.get(key);
        return row == null ? null : row.values().get(system);
    }

    private void put(String key, String unit, boolean higherIsBetter, String system, double value) {
        rows.computeIfAbsent(key, k -> new Row(k, unit, higherIsBetter, new LinkedHashMap<>()))
                .values().putIfAbsent(system, value);
    }

    /** "ns/task", "ns/thread", "ns/coroutine" are one unit: nanoseconds per operation of the case. */
    private static String perOperation(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "ns/task", "ns/thread", "ns/coroutine" -> "ns/task";
            case "ns/round-trip", "ns/roundtrip" -> "ns/round trip";
            default -> unit;
        };
    }
}
