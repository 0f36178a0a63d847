// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/** The table, targets and chart built from a fixed set of lines in each peer's own format. */
class ReportTest {
    private static final String LINES = """
            {"system":"asyncio4j","case":"spawn","n":1000,"value":500.0,"unit":"ns/task","median":510.0}
            {"system":"asyncio4j","case":"timers","n":1000,"value":12.0,"unit":"ms_over_1s","heap_bytes_per_task":900.0}
            {"system":"asyncio4j","case":"timers_bytes_per_task","n":1000,"value":900.0,"unit":"bytes/task"}
            {"system":"asyncio4j","case":"switch","n":1000,"value":150.0,"unit":"ns/switch"}
            {"system":"asyncio4j","case":"floor_vthread","n":1000,"value":140.0,"unit":"ns/switch"}
            {"system": "uvloop", "case": "spawn", "n": 1000, "value": 10000.0, "unit": "ns/task"}
            {"system": "asyncio", "case": "timers_overhead_s", "n": 1000, "value": 0.25, "unit": "s"}
            {"system": "asyncio", "case": "timers_bytes_per_task", "n": 1000, "value": 1200.5, "unit": "bytes/task"}
            {"system":"kotlin-coroutines","case":"spawn","n":1000,"value":400.0,"unit":"ns/coroutine"}
            {"system":"kotlin-coroutines","case":"timers","n":1000,"value":30.0,"unit":"ms_over_1s","heap_bytes_per_task":300.0}
            """;

    private static Results results(Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, LINES);
        return Results.read(file);
    }

    @Test
    void thePeersSpellingsAreReconciledIntoComparableRows(@TempDir Path dir) throws Exception {
        Results r = results(dir);
        assertThat(r.systems()).containsExactly("asyncio4j", "asyncio", "uvloop", "kotlin-coroutines");
        assertThat(r.value("timers_overhead", "asyncio")).isEqualTo(250.0);
        assertThat(r.value("timers_overhead", "kotlin-coroutines")).isEqualTo(30.0);
        assertThat(r.value("timers_memory", "kotlin-coroutines")).isEqualTo(300.0);
        assertThat(r.value("timers_memory", "asyncio4j")).isEqualTo(900.0);
        assertThat(r.value("spawn", "kotlin-coroutines")).isEqualTo(400.0);
    }

    @Test
    void loadedFiguresMediansAndCpuTimesBecomeRowsAndTheLoadedTargetsAreChecked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, """
                {"system":"asyncio4j","case":"callsoon","n":10,"value":20.0,"unit":"ns/callback","median":22.0,"cpu_ns":19.0}
                {"system":"asyncio4j","case":"callsoon_loaded","n":10,"value":30.0,"unit":"ns/callback","cpu_ns":28.0}
                {"system": "uvloop", "case": "callsoon_loaded", "n": 10, "value": 600.0, "unit": "ns/callback", "cpu_ns": 590.0}
                {"system": "asyncio", "case": "idle_memory", "n": 10, "value": 1190.0, "unit": "bytes/task", "rss_bytes_per_task": 1210.0}
                {"system": "asyncio", "case": "subprocess_cat", "n": 10, "value": 400.0, "unit": "MB/s", "cpu_ns_per_mb": 700000.0}
                {"system": "asyncio", "case": "blocking_jdbc", "n": 10, "value": 900.0, "unit": "us p99 lateness", "cpu_ns": 3000.0, "calls_per_s": 600.0}
                """);
        Results r = Results.read(file);
        assertThat(r.value("blocking_jdbc_calls", "asyncio")).isEqualTo(600.0);
        assertThat(r.rows()).extracting(Row::key).containsSubsequence("callsoon", "callsoon_median", "callsoon_cpu",
                "callsoon_loaded", "callsoon_loaded_cpu", "idle_memory", "idle_memory_rss", "subprocess_cat", "subprocess_cat_cpu");
        assertThat(r.value("callsoon_loaded_cpu", "uvloop")).isEqualTo(590.0);
        assertThat(r.value("idle_memory_rss", "asyncio")).isEqualTo(1210.0);
        assertThat(r.value("subprocess_cat_cpu", "asyncio")).isEqualTo(700000.0);
        assertThat(Targets.render(r)).contains("callsoon loaded within 1.2x of bare: 30.0 / 20.0 = 1.50x -> MISSED")
                .contains("callsoon loaded >= 10x faster than uvloop loaded: 30.0 / 600 = 0.050x -> met");
    }

    @Test
    void theTableShowsRatiosAndMissingPeers(@TempDir Path dir) throws Exception {
        String table = TextTable.render(results(dir), Map.of("java-vthreads-1carrier", "did not build"));
        assertThat(table).contains("0.050x").contains("1.25x").contains("missing")
                .contains("missing peer java-vthreads-1carrier: did not build");
    }

    @Test
    void targetsSayWhichAreMetAndWhichCannotBeChecked(@TempDir Path dir) throws Exception {
        String targets = Targets.render(results(dir));
        assertThat(targets).contains("spawn >= 10x faster than uvloop: 500 / 10,000 = 0.050x -> met")
                .contains("spawn within 2x of Kotlin coroutines: 500 / 400 = 1.25x -> met")
                .contains("switch within 1.3x of the bare loop-carried vthread yield: 150 / 140 = 1.07x -> met")
                .contains("timer overhead below CPython asyncio's: 12.0 / 250 = 0.048x -> met")
                .contains("pingpong >= 10x faster than uvloop: not measured");
    }

    @Test
    void theChartIsWellFormedSvg(@TempDir Path dir) throws Exception {
        String svg = SvgChart.render(results(dir), Map.of("uvloop-x", "not installed"));
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("rect").getLength()).isGreaterThan(10);
        assertThat(svg).contains("missing peer uvloop-x");
    }

    private static final String ECHO_LINES = """
            {"system":"asyncio4j-protocol","case":"echo_64B","n":100,"value":90000.0,"unit":"req/s","cpu_ns_per_req":8000.0,"p99_us":2100.0}
            {"system":"asyncio4j-streams","case":"echo_64B","n":100,"value":70000.0,"unit":"req/s","cpu_ns_per_req":11000.0,"p99_us":3000.0}
            {"system":"uvloop-protocol","case":"echo_64B","n":100,"value":80000.0,"unit":"req/s","cpu_ns_per_req":9000.0,"p99_us":2500.0}
            {"system":"uvloop-streams","case":"echo_64B","n":100,"value":60000.0,"unit":"req/s","cpu_ns_per_req":13000.0,"p99_us":3500.0}
            {"system":"netty-epoll","case":"echo_64B","n":100,"value":100000.0,"unit":"req/s","cpu_ns_per_req":7000.0,"p99_us":null}
            """;

    @Test
    void echoServersGoInOneRowPerApiLevelAndMoreRequestsPerSecondIsBetter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, ECHO_LINES);
        Results r = Results.read(file);
        assertThat(r.systems()).containsExactly("asyncio4j", "uvloop", "netty-epoll");
        assertThat(r.value("echo_64B", "asyncio4j")).isEqualTo(90000.0);
        assertThat(r.value("echo_streams_64B", "asyncio4j")).isEqualTo(70000.0);
        assertThat(r.value("echo_streams_64B", "uvloop")).isEqualTo(60000.0);
        assertThat(r.value("echo_64B_cpu", "netty-epoll")).isEqualTo(7000.0);
        assertThat(r.value("echo_64B_p99", "netty-epoll")).isNull();
        assertThat(r.rows()).extracting(Row::key).startsWith("echo_64B", "echo_64B_cpu", "echo_64B_p99")
                .contains("echo_streams_64B");
        String targets = Targets.render(r);
        assertThat(targets).contains("echo 64B >= uvloop's protocol server: 90,000 / 80,000 = 1.13x -> met")
                .contains("echo 64B >= Netty epoll on one loop: 90,000 / 100,000 = 0.90x -> MISSED")
                .contains("echo 64B server CPU per request vs uvloop's (information): 8,000 / 9,000 = 0.89x -> met")
                .contains("echo 64B streams >= uvloop's streams (information): 70,000 / 60,000 = 1.17x -> met")
                .contains("echo 4096B >= uvloop's protocol server: not measured")
                .doesNotContain("spawn");
        assertThat(TextTable.render(r, Map.of())).contains("90,000").contains("80,000 (1.13x)");
    }

    @Test
    void httpServersGoInTheirOwnRowsWithTheirOwnTargets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, """
                {"system":"asyncio4j-protocol","case":"http_pipelined16","n":100,"value":150000.0,"unit":"req/s","depth":16,"cpu_ns_per_req":600.0,"p99_us":6000}
                {"system":"asyncio4j-streams","case":"http_plaintext","n":100,"value":50000.0,"unit":"req/s","depth":1,"cpu_ns_per_req":9000.0,"p99_us":4000}
                {"system":"uvloop-protocol","case":"http_pipelined16","n":100,"value":100000.0,"unit":"req/s","depth":16,"cpu_ns_per_req":1200.0,"p99_us":9000}
                {"system":"vertx","case":"http_pipelined16","n":100,"value":200000.0,"unit":"req/s","depth":16,"cpu_ns_per_req":500.0,"p99_us":3000}
                """);
        Results r = Results.read(file);
        assertThat(r.systems()).containsExactly("asyncio4j", "uvloop", "vertx");
        assertThat(r.value("http_pipelined16", "asyncio4j")).isEqualTo(150000.0);
        assertThat(r.value("http_streams_plaintext", "asyncio4j")).isEqualTo(50000.0);
        assertThat(r.value("http_pipelined16_cpu", "uvloop")).isEqualTo(1200.0);
        assertThat(Targets.render(r))
                .contains("http pipelined16 >= uvloop with httptools: 150,000 / 100,000 = 1.50x -> met")
                .contains("http pipelined16 >= Vert.x (information): 150,000 / 200,000 = 0.75x -> MISSED")
                .contains("http plaintext >= uvloop with httptools: not measured")
                .doesNotContain("echo").doesNotContain("spawn");
    }

    @Test
    void idleConnectionsGoInRowsPerApiLevelWithTheLiveHeapBeside(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, """
                {"system":"asyncio4j-protocol","case":"idle_conns","n":2000,"value":3000,"unit":"resident bytes/conn","heap_bytes_per_conn":1200}
                {"system":"asyncio4j-streams","case":"idle_conns","n":2000,"value":6000,"unit":"resident bytes/conn","heap_bytes_per_conn":4500}
                {"system":"uvloop-protocol","case":"idle_conns","n":2000,"value":1500,"unit":"resident bytes/conn","heap_bytes_per_conn":null}
                """);
        Results r = Results.read(file);
        assertThat(r.value("idle_conns", "asyncio4j")).isEqualTo(3000.0);
        assertThat(r.value("idle_conns_streams_heap", "asyncio4j")).isEqualTo(4500.0);
        assertThat(r.value("idle_conns_heap", "uvloop")).isNull();
        assertThat(r.rows()).filteredOn(row -> row.key().equals("idle_conns")).singleElement()
                .satisfies(row -> assertThat(row.higherIsBetter()).isFalse());
        assertThat(Targets.render(r))
                .contains("of the protocol server at most uvloop protocol's: 3,000 / 1,500 = 2.00x -> MISSED")
                .contains("of the streams server at most twice uvloop protocol's: 6,000 / 1,500 = 4.00x -> MISSED")
                .doesNotContain("spawn");
    }

    @Test
    void loopGroupCasesGoInRowsPerLoopCountAndAreJudgedPerCpuSecond(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, """
                {"system":"asyncio4j-protocol","case":"group_echo_1loop","n":100,"value":60000.0,"unit":"req/s","loops":1,"cpu_ns_per_req":10000.0,"req_per_cpu_s":100000,"server_cpus":0.60,"p99_us":3000}
                {"system":"asyncio4j-protocol","case":"group_echo_2loops","n":100,"value":70000.0,"unit":"req/s","loops":2,"cpu_ns_per_req":10526.3,"req_per_cpu_s":95000,"server_cpus":0.74,"p99_us":2500}
                {"system":"asyncio4j-streams","case":"group_echo_2loops","n":100,"value":50000.0,"unit":"req/s","loops":2,"cpu_ns_per_req":15000.0,"req_per_cpu_s":66667,"server_cpus":0.75,"p99_us":4000}
                {"system":"asyncio4j-handoff-protocol","case":"group_echo_2loops","n":100,"value":65000.0,"unit":"req/s","loops":2,"cpu_ns_per_req":12500.0,"req_per_cpu_s":80000,"server_cpus":0.81,"p99_us":2600}
                {"system":"netty-epoll","case":"group_echo_1loop","n":100,"value":65000.0,"unit":"req/s","loops":1,"cpu_ns_per_req":9000.0,"req_per_cpu_s":111111,"server_cpus":0.58,"p99_us":2000}
                {"system":"netty-epoll","case":"group_echo_2loops","n":100,"value":75000.0,"unit":"req/s","loops":2,"cpu_ns_per_req":11000.0,"req_per_cpu_s":90909,"server_cpus":0.83,"p99_us":2000}
                """);
        Results r = Results.read(file);
        assertThat(r.systems()).containsExactly("asyncio4j", "netty-epoll", "asyncio4j-handoff");
        assertThat(r.value("group_echo_2loops_per_cpu_s", "asyncio4j")).isEqualTo(95000.0);
        assertThat(r.value("group_echo_streams_2loops", "asyncio4j")).isEqualTo(50000.0);
        assertThat(r.value("group_echo_2loops_cpus", "asyncio4j-handoff")).isEqualTo(0.81);
        assertThat(r.rows()).extracting(Row::key).containsSubsequence("group_echo_1loop", "group_echo_1loop_cpu",
                "group_echo_1loop_per_cpu_s", "group_echo_1loop_cpus", "group_echo_2loops");
        assertThat(Targets.render(r))
                .contains("group echo 64B: 2 loops serve >= 1.8x one loop's requests per CPU-second of work available"
                        + " (2 x req/CPU-s at 2 loops / req/CPU-s at 1 loop): 190,000 / 100,000 = 1.90x -> met")
                .contains("group echo 64B (information: asyncio4j-handoff): 2 loops serve >= 1.8x one loop's requests per"
                        + " CPU-second of work available (2 x req/CPU-s at 2 loops / req/CPU-s at 1 loop): 160,000 / 100,000"
                        + " = 1.60x -> MISSED")
                .contains("group echo 64B server CPU per request at most Netty's, 1 loop: 10,000 / 9,000 = 1.11x -> MISSED")
                .contains("group echo 64B server CPU per request at most Netty's, 2 loops: 10,526 / 11,000 = 0.96x -> met")
                .contains("group http plaintext: 2 loops serve >= 1.8x one loop's requests per CPU-second of work"
                        + " available (2 x req/CPU-s at 2 loops / req/CPU-s at 1 loop): not measured")
                .doesNotContain("information: uvloop").doesNotContain("spawn");
    }

    @Test
    void tlsServersGoInTheirOwnRowsWithHandshakesPerSecondAndTheirTargets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, """
                {"system":"asyncio4j-protocol","case":"tls_echo_64B","n":100,"value":40000.0,"unit":"req/s","runs":3,"median":39000.0,"size":64,"cpu_ns_per_req":20000.0,"p99_us":5000,"client_cpu_pct":30.0,"tls":"TLSv1.3 TLS_AES_128_GCM_SHA256 X25519"}
                {"system":"asyncio4j-streams","case":"tls_handshakes","n":100,"value":900.0,"unit":"handshakes/s","cpu_ns_per_req":1100000.0,"p99_us":90000}
                {"system":"uvloop-protocol","case":"tls_echo_64B","n":100,"value":50000.0,"unit":"req/s","size":64,"cpu_ns_per_req":18000.0,"p99_us":4000}
                {"system":"uvloop-streams","case":"tls_handshakes","n":100,"value":600.0,"unit":"handshakes/s","cpu_ns_per_req":1600000.0,"p99_us":120000}
                """);
        Results r = Results.read(file);
        assertThat(r.systems()).containsExactly("asyncio4j", "uvloop");
        assertThat(r.value("tls_echo_64B", "asyncio4j")).isEqualTo(40000.0);
        assertThat(r.value("tls_echo_64B_median", "asyncio4j")).isNull(); // a server figure's median stays in its JSON line
        assertThat(r.value("tls_streams_handshakes", "uvloop")).isEqualTo(600.0);
        assertThat(r.value("tls_streams_handshakes_cpu", "asyncio4j")).isEqualTo(1100000.0);
        assertThat(r.rows()).filteredOn(row -> row.key().equals("tls_streams_handshakes")).singleElement()
                .satisfies(row -> assertThat(row.higherIsBetter()).isTrue());
        assertThat(Targets.render(r))
                .contains("tls echo 64B >= uvloop with ssl: 40,000 / 50,000 = 0.80x -> MISSED")
                .contains("tls handshakes streams >= uvloop's streams (information): 900 / 600 = 1.50x -> met")
                .contains("tls handshakes >= uvloop with ssl: not measured")
                .doesNotContain("http").doesNotContain("spawn");
    }

    @Test
    void aRunWithoutEchoHasNoEchoTargets(@TempDir Path dir) throws Exception {
        assertThat(Targets.render(results(dir))).doesNotContain("echo");
    }

    @Test
    void malformedLinesAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> FlatJson.parse("{\"a\":1,}")).hasMessageContaining("character");
        assertThatThrownBy(() -> FlatJson.parse("{\"a\":[1]}")).hasMessageContaining("nested");
        assertThatThrownBy(() -> FlatJson.parse("{\"a\":1} x")).hasMessageContaining("after the closing brace");
        assertThat(FlatJson.parse("{\"s\":\"a\\\"b\",\"t\":true,\"n\":null,\"x\":-1.5e3}"))
                .containsEntry("s", "a\"b").containsEntry("t", true).containsEntry("n", null).containsEntry("x", -1500.0);
    }
}
