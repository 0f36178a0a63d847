// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.asyncio4j.cli.Latencies;
import org.asyncio4j.cli.Text;

/**
 * The end of a crawl in four lines: how many URLs, how fast; the outcomes by status (then
 * timeouts and other errors); the bytes received; and the time per URL at the 50th and 99th
 * percentiles (retries, backoff and redirects included, over the URLs that got a response).
 *
 * {@snippet :
 * CrawlSummary.print(System.out, results, 2.4, 10);
 * // crawled 13 URLs in 2.40 s (5.4 URLs/s), at most 10 at once
 * // outcomes: 200 x8, 404 x1, 500 x1, timeout x1, error x2
 * // received 41.5 KB in 10 responses
 * // time per URL: p50 0.021 s, p99 0.612 s
 * }
 */
public final class CrawlSummary {
    private CrawlSummary() {
    }

    public static void print(PrintStream out, List<FetchResult> results, double seconds, int concurrency) {
        out.printf(Locale.ROOT, "crawled %s in %.2f s (%.1f URLs/s), at most %d at once%n",
                Text.count(results.size(), "URL"), seconds, seconds > 0 ? results.size() / seconds : 0, concurrency);
        out.println("outcomes: " + outcomes(results));
        List<FetchResult> responses = results.stream().filter(FetchResult::responded).toList();
        long bytes = responses.stream().mapToLong(FetchResult::bytes).sum();
        out.printf("received %s in %s%n", Progress.size(bytes), Text.count(responses.size(), "response"));
        Latencies latencies = new Latencies();
        responses.forEach(r -> latencies.add((long) (r.seconds() * 1e9)));
        out.printf(Locale.ROOT, "time per URL: p50 %.3f s, p99 %.3f s%n",
                latencies.count() == 0 ? 0 : latencies.percentile(50) / 1e9,
                latencies.count() == 0 ? 0 : latencies.percentile(99) / 1e9);
    }

    /** "200 x8, 404 x1, timeout x1, error x2": statuses in numeric order, then timeouts, then errors. */
    static String outcomes(List<FetchResult> results) {
        Map<String, Long> counts = new TreeMap<>(Comparator.comparing(CrawlSummary::order).thenComparing(k -> k));
        counts.putAll(results.stream().collect(Collectors.groupingBy(FetchResult::outcome, Collectors.counting())));
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static int order(String outcome) {
        return switch (outcome) {
            case "timeout" -> 1000;
            case "error" -> 1001;
            default -> Integer.parseInt(outcome);
        };
    }
}
