// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
            assertThat(crawl.text()).contains("not an http(s) URL with a host: ftp://example.com/x");
        }
    }
}
