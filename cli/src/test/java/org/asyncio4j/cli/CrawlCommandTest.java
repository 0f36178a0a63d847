// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code asyncio4j crawl}: per-URL lines, retries, progress, and the summary. */
@Timeout(120)
class CrawlCommandTest {

    @Test
    void selfTestCrawlReportsSlowFailingRedirectingAndDroppedPages() throws Exception {
        try (CliProcess crawl = CliProcess.jar("crawl", "--self-test", "--timeout", "1.5", "--retries", "1", "--concurrency", "4")) {
            int status = crawl.waitFor(60);
            List<String> lines = crawl.output();
            assertThat(status).as(crawl.text()).isZero();
            assertThat(lines.getFirst()).matches("self-test site on http://127\\.0\\.0\\.1:\\d+/ .*");
            assertThat(lines).anyMatch(line -> line.matches("\\[\\s*\\d+/13] 200 .*/slow"))
                    .anyMatch(line -> line.matches("\\[\\s*\\d+/13] 200 .*/redirect -> .*/page/1 \\(1 redirect\\)"))
                    .anyMatch(line -> line.matches("\\[\\s*\\d+/13] 200 .*/flaky \\(2 attempts\\)"))
                    .anyMatch(line -> line.matches("\\[\\s*\\d+/13] 404 .*/missing"))
                    .anyMatch(line -> line.matches("\\[\\s*\\d+/13] 500 .*/fail \\(2 attempts\\)"))
                    .anyMatch(line -> line.matches("\\[\\s*\\d+/13] ERR  timed out after 1\\.5 s .*/too-slow \\(2 attempts\\)"))
                    .anyMatch(line -> line.matches("\\[\\s*\\d+/13] ERR  too many redirects \\(more than 5\\) .*/redirect-loop .*"))
                    .anyMatch(line -> line.matches("\\[\\s*\\d+/13] ERR  .*/drop \\(2 attempts\\)"))
                    .anyMatch(line -> line.matches("\\s+retry 1 of .*/flaky in \\d\\.\\d\\d s: HTTP 503"));
            assertThat(lines).contains("outcomes: 200 x8, 404 x1, 500 x1, timeout x1, error x2",
                    "self-test passed: each of the 13 pages came to what it should");
            assertThat(lines).anyMatch(line -> line.matches("crawled 13 URLs in \\d+\\.\\d\\d s \\(.* URLs/s\\), at most 4 at once"))
                    .anyMatch(line -> line.matches("received \\d+\\.\\d KB in 10 responses"));
            String latencyLine = lines.stream().filter(line -> line.startsWith("time per URL")).findFirst().orElseThrow();
            Matcher latency = Pattern.compile("time per URL: p50 (\\S+) s, p99 (\\S+) s").matcher(latencyLine);
            assertThat(latency.matches()).as(latencyLine).isTrue();
            assertThat(Double.parseDouble(latency.group(2))).as("p99 includes the 0.3 s page").isGreaterThanOrEqualTo(0.3);
        }
    }

    @Test
    void crawlsAFileOfUrlsWithAtMostTheGivenConcurrencyAndDrawsABar(@TempDir Path dir) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(200); // long enough for every permitted request to be in flight at once
                byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/p";
            Path urls = dir.resolve("urls.txt");
            Files.writeString(urls, "# six pages\n" + String.join("\n", List.of(base + 1, base + 2, base + 3, "", base + 4, base + 5, base + 6)) + "\n");
            try (CliProcess crawl = CliProcess.jar("crawl", "--file", urls.toString(), "--concurrency", "2", "--progress", "bar")) {
                assertThat(crawl.waitFor(60)).as(crawl.text()).isZero();
                assertThat(crawl.text()).contains("outcomes: 200 x6", "received 30 B in 6 responses", "at most 2 at once")
                        .contains("\033[K[###") // the bar, redrawn after "\r" (which ends a line for the reader)
                        .contains("URLs/s  ETA");
            }
            assertThat(mostInFlight.get()).isEqualTo(2);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    @Test
    void ctrlCEndsTheCrawlWithASummaryOfWhatFinished() throws Exception {
        try (CliProcess crawl = CliProcess.jar("crawl", "--self-test", "--timeout", "60", "--retries", "0")) {
            crawl.awaitLine("[12/13]", 60); // every page but the one that never answers
            crawl.signal("INT");
            assertThat(crawl.waitFor(30)).as(crawl.text()).isEqualTo(130);
            assertThat(crawl.output()).contains("interrupted after 12 of 13 URLs",
                    "outcomes: 200 x7, 404 x1, 500 x1, 503 x1, error x2");
        }
    }

    @Test
    void badArgumentsAreRefusedWithWhatToDoInstead() throws Exception {
        try (CliProcess crawl = CliProcess.jar("crawl")) {
            assertThat(crawl.waitFor(30)).isEqualTo(2);
            assertThat(crawl.text()).contains("nothing to crawl: give URLs, --file urls.txt, or --self-test");
        }
        try (CliProcess crawl = CliProcess.jar("crawl", "ftp://example.com/x")) {
            assertThat(crawl.waitFor(30)).isEqualTo(2);
            assertThat(crawl.text()).contains("asyncio4j crawl: URL ftp://example.com/x: not an http(s) URL with a host");
        }
    }

    @Test
    void whatAHostileServerSendsIsEscapedAndCutBeforeItReachesTheTerminal(@TempDir Path dir) throws Exception {
        try (ServerSocket hostile = new ServerSocket(0)) {
            serve(hostile, path -> switch (path) {
                case "/title" -> "HTTP/1.1 \033]0;owned\007 OK\r\n\r\n";
                case "/clear" -> "HTTP/1.1 302 Found\r\nLocation: /x\033[2J\033[H\r\nContent-Length: 0\r\n\r\n";
                case "/long" -> "HTTP/1.1 302 Found\r\nLocation: /" + "a".repeat(100_000) + "\r\nContent-Length: 0\r\n\r\n";
                default -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
            });
            String base = "http://127.0.0.1:" + hostile.getLocalPort();
            Path urls = dir.resolve("urls.txt");
            Files.writeString(urls, String.join("\n", base + "/title", base + "/clear", base + "/long", base + "/\u202egpj.exe") + "\n");
            try (CliProcess crawl = CliProcess.jar("crawl", "--file", urls.toString(), "--retries", "0", "--progress", "lines")) {
                crawl.waitFor(60);
                String text = crawl.text();
                assertThat(text).contains("bad response: Invalid status line: \"HTTP/1.1 \\x1b]0;owned\\x07 OK\"", "\\x1b[2J\\x1b[H",
                        base + "/\\u202egpj.exe", "outcomes: 200 x2, error x2");
                assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0x202e)).isEmpty();
                assertThat(crawl.output()).allMatch(line -> line.length() < 1000);
            }
            // a 5 MB line in the file is refused without being echoed whole
            Files.writeString(urls, "x".repeat(5 * 1024 * 1024) + "\n");
            try (CliProcess crawl = CliProcess.jar("crawl", "--file", urls.toString())) {
                assertThat(crawl.waitFor(60)).isEqualTo(2);
                assertThat(crawl.output()).allMatch(line -> line.length() < 1000).anyMatch(line -> line.contains("more characters"));
            }
        }
    }

    @Test
    void failuresAreNamedByTheirCauseNotByAJdkClass() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (ServerSocket hangUp = new ServerSocket(0)) {
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try {
                        hangUp.accept().close();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            String hangUpUrl = "//127.0.0.1:" + hangUp.getLocalPort() + "/";
            try (CliProcess crawl = CliProcess.jar("crawl", "--retries", "0", "--timeout", "5", "--progress", "lines",
                    "http://127.0.0.1:" + closedPort + "/", "http://host.invalid/", "http:" + hangUpUrl, "https:" + hangUpUrl)) {
                assertThat(crawl.waitFor(60)).as(crawl.text()).isEqualTo(1);
                List<String> lines = crawl.output();
                assertThat(lines).anyMatch(line -> line.matches("\\[\\d/4] ERR  connection refused  http://127\\.0\\.0\\.1:" + closedPort + "/"))
                        .anyMatch(line -> line.matches("\\[\\d/4] ERR  host not found  http://host\\.invalid/"))
                        .anyMatch(line -> line.matches("\\[\\d/4] ERR  the server closed the connection without answering  http:" + hangUpUrl))
                        .anyMatch(line -> line.matches("\\[\\d/4] ERR  TLS: .+  https:" + hangUpUrl))
                        .noneMatch(line -> line.contains("Exception"));
            }
        }
    }

    @Test
    void oneUrlIsOneUrlInTheSummary() throws Exception {
        try (ServerSocket site = new ServerSocket(0)) {
            serve(site, path -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            try (CliProcess crawl = CliProcess.jar("crawl", "http://127.0.0.1:" + site.getLocalPort() + "/")) {
                assertThat(crawl.waitFor(60)).as(crawl.text()).isZero();
                assertThat(crawl.output()).anyMatch(line -> line.startsWith("crawled 1 URL in "))
                        .contains("received 2 B in 1 response");
            }
        }
    }

    /** A raw HTTP server on a platform thread: answers each request with what {@code answer} gives for its path, then closes. */
    private static void serve(ServerSocket server, java.util.function.Function<String, String> answer) {
        Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    String[] requestLine = in.readLine().split(" ");
                    for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                        // the headers: read and ignored
                    }
                    socket.getOutputStream().write(answer.apply(requestLine[1]).getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        });
    }
}
