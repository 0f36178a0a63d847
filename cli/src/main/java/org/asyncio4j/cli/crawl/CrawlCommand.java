// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.KeyboardInterrupt;
import org.asyncio4j.cli.Failure;
import org.asyncio4j.cli.Text;
import org.asyncio4j.cli.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asyncio4j crawl URL... | --file urls.txt | --self-test}: fetches pages concurrently
 * from tasks of one event loop (see {@link Crawler} for how, and why it uses the JDK's HTTP
 * client) and prints a line per URL, a progress bar on a terminal, and a summary.
 *
 * {@snippet lang=sh :
 * ./asyncio4j crawl --self-test                      # a local site with slow and failing pages
 * ./asyncio4j crawl --file urls.txt --concurrency 20 --timeout 5
 * ./asyncio4j crawl https://example.com/ https://example.org/
 * }
 *
 * <p>The exit status is 0 when every URL got a response (whatever its status), 1 when some did
 * not, 2 for a usage error (which names the option or URL and what was wrong), 130 after Ctrl+C.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Fetch many URLs concurrently: limit, time limit, redirects, retries with backoff, progress, summary.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every URL got a response, whatever its status (with --self-test: every page came to what it should)",
                "1:some URL got no response (an error or a timeout), or the self-test failed",
                "2:a usage error: a bad option, value or URL, or an unreadable --file",
                "130:interrupted by Ctrl+C, after a summary of what finished"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j crawl --self-test", "  asyncio4j crawl https://example.com/ https://example.org/",
                "  asyncio4j crawl --file urls.txt --concurrency 20 --timeout 5 --retries 2"})
public final class CrawlCommand implements Callable<Integer> {
    /** How the progress shows. */
    enum ProgressMode { auto, bar, lines }

    @Parameters(arity = "0..*", paramLabel = "URL", description = "http or https URLs to fetch.")
    private List<String> urls = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE", description = "Read URLs from FILE, one a line (blank lines and # comments skipped).")
    private Path file;

    @Option(names = "--self-test", description = "Start a local site with slow, failing and redirecting pages and crawl it.")
    private boolean selfTest;

    @Option(names = "--concurrency", defaultValue = "10", paramLabel = "N", description = "Most requests at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--timeout", paramLabel = "S", description = "Seconds one attempt may take, redirects included (default: 10; 2 with --self-test).")
    private Double timeout;

    @Option(names = "--retries", defaultValue = "2", paramLabel = "N", description = "Retries after a connection error, timeout, 429 or 5xx (default: ${DEFAULT-VALUE}).")
    private int retries;

    @Option(names = "--max-redirects", defaultValue = "5", paramLabel = "N", description = "Most redirects followed per attempt (default: ${DEFAULT-VALUE}).")
    private int maxRedirects;

    @Option(names = "--backoff", defaultValue = "0.25", paramLabel = "S", description = "Seconds before the first retry, doubled for each next one (default: ${DEFAULT-VALUE}).")
    private double backoff;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "bar, lines, or auto: a bar on a terminal, lines elsewhere (default: ${DEFAULT-VALUE}).")
    private ProgressMode progressMode;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Usage.require(spec, concurrency >= 1, "--concurrency", "must be at least 1");
        Usage.require(spec, timeout == null || timeout > 0 && Double.isFinite(timeout), "--timeout", "must be a number of seconds above 0");
        Usage.require(spec, retries >= 0, "--retries", "must be 0 or more");
        Usage.require(spec, maxRedirects >= 0, "--max-redirects", "must be 0 or more");
        Usage.require(spec, backoff >= 0 && Double.isFinite(backoff), "--backoff", "must be a number of seconds, 0 or more");
        List<URI> targets = targets();
        Crawler.Options options = new Crawler.Options(concurrency, timeout != null ? timeout : selfTest ? 2.0 : 10.0, retries, maxRedirects, backoff);
        // Built before the loop starts, on this platform thread: the client's own threads stay platform threads.
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis((long) (options.timeoutSeconds() * 1000))).build()) {
            try {
                return Asyncio.run(() -> crawl(http, options, targets, out));
            } catch (KeyboardInterrupt e) {
                return 130; // what finished is summarized already
            } finally {
                http.shutdownNow();
            }
        }
    }

    /** Crawls and prints; returns the exit status. */
    private int crawl(HttpClient http, Crawler.Options options, List<URI> targets, PrintStream out) throws Exception {
        SelfTestSite site = selfTest ? SelfTestSite.start(0.3) : null;
        try {
            List<URI> all = new ArrayList<>(targets);
            if (site != null) {
                out.println("self-test site on " + site.urls().getFirst().resolve("/") + " (slow, failing, redirecting pages)");
                all.addAll(site.urls());
            }
            Progress progress = useBar() ? Progress.bar(out, all.size()) : Progress.lines(out, all.size());
            Crawler crawler = new Crawler(http, options, progress);
            long start = System.nanoTime();
            progress.start();
            List<FetchResult> results;
            try {
                results = crawler.crawl(all);
            } catch (CancelledError e) { // Ctrl+C: say what got done, then let the cancellation end the run
                progress.stop();
                out.printf("interrupted after %d of %s%n", crawler.finished().size(), Text.count(all.size(), "URL"));
                CrawlSummary.print(out, crawler.finished(), (System.nanoTime() - start) / 1e9, options.concurrency());
                throw e;
            }
            progress.stop();
            CrawlSummary.print(out, results, (System.nanoTime() - start) / 1e9, options.concurrency());
            if (site != null) {
                return checkSelfTest(out, results.subList(targets.size(), results.size()));
            }
            return results.stream().allMatch(FetchResult::responded) ? 0 : 1;
        } finally {
            if (site != null) {
                site.close();
            }
        }
    }

    /** Compares the self-test site's pages with what they should come to; 0 if all match. */
    private int checkSelfTest(PrintStream out, List<FetchResult> results) {
        List<String> wrong = results.stream()
                .filter(r -> !r.outcome().equals(SelfTestSite.expectedOutcome(r.url(), retries)))
                .map(r -> r.url().getPath() + " came to " + r.outcome() + " instead of " + SelfTestSite.expectedOutcome(r.url(), retries))
                .toList();
        if (wrong.isEmpty()) {
            out.println("self-test passed: each of the " + results.size() + " pages came to what it should");
            return 0;
        }
        out.println("self-test FAILED: " + String.join("; ", wrong));
        return 1;
    }

    private boolean useBar() {
        return switch (progressMode) {
            case bar -> true;
            case lines -> false;
            case auto -> {
                Console console = System.console();
                yield console != null && console.isTerminal();
            }
        };
    }

    /** The URLs given on the command line and in {@code --file}, checked up front; a bad one is a usage error. */
    private List<URI> targets() {
        List<URI> targets = new ArrayList<>();
        for (String url : urls) {
            targets.add(parse(url, "URL " + Text.safe(url)));
        }
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw Usage.error(spec, "--file " + Text.safe(file.toString()) + ": " + unreadable(e));
            }
            for (int i = 0; i < lines.size(); i++) {
                String url = lines.get(i).strip();
                if (!url.isEmpty() && !url.startsWith("#")) {
                    targets.add(parse(url, "--file " + Text.safe(file.toString()) + " line " + (i + 1) + ": " + Text.safe(url)));
                }
            }
        }
        if (targets.isEmpty() && !selfTest) {
            throw Usage.error(spec, "nothing to crawl: give URLs, --file urls.txt, or --self-test");
        }
        return targets;
    }

    private URI parse(String url, String where) {
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw Usage.error(spec, where + ": not an http(s) URL with a host (write it like https://example.com/)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw Usage.error(spec, where + ": not a URL (" + Text.safe(e.getReason()) + ")");
        }
    }

    private static String unreadable(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "no such file";
            case AccessDeniedException _ -> "permission denied";
            case MalformedInputException _ -> "not text in UTF-8";
            default -> Failure.describe(e);
        };
    }
}
