// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.cli.Failure;
import org.asyncio4j.cli.Text;
import org.asyncio4j.sync.Semaphore;

/**
 * Fetches many URLs concurrently from tasks of one event loop: at most {@code concurrency}
 * requests in flight (a {@link Semaphore}), a time limit per attempt
 * ({@link Asyncio#timeout}), redirects followed by hand, and transient failures retried with
 * exponential backoff.
 *
 * {@snippet :
 * HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
 * List<FetchResult> results = Asyncio.run(() ->
 *         new Crawler(http, new Crawler.Options(10, 5.0, 2, 5, 0.25), Progress.lines(System.out, 2))
 *                 .crawl(List.of(URI.create("https://example.com/"), URI.create("https://example.org/"))));
 * }
 *
 * <h2>Why the JDK's HTTP client, bridged with {@code wrapFuture}</h2>
 * A crawler meets the real web: HTTPS, HTTP/2, chunked and compressed bodies, proxies,
 * half-broken servers. The JDK's {@link HttpClient} already speaks all of it; an HTTP client of
 * our own on the library's streams would be a second, weaker copy. Its asynchronous
 * {@code sendAsync} runs the exchange on the client's own selector thread, and
 * {@link Asyncio#wrapFuture} turns the resulting {@code CompletableFuture} into a loop future
 * that the task awaits: the task parks on the loop like any other await, and when the time limit
 * or a Ctrl+C cancels it, the wait ends at once and the exchange is cancelled too. (The blocking
 * {@code send()} would park the task as well, but cancelling it goes through a thread interrupt,
 * and every request would hold a JDK-internal wait instead of a loop future.) The library's own
 * streams serve the other side of {@code --self-test}: see {@link SelfTestSite}.
 *
 * <h2>Retries</h2>
 * Connection failures, timeouts and the statuses 429, 500, 502, 503 and 504 are retried up to
 * {@code retries} times, after {@code backoff × 2^(n-1)} seconds with ±50 % jitter; other
 * statuses are answers, not failures. A redirect chain longer than {@code maxRedirects}, or a
 * redirect to a malformed or non-http(s) URL, is an error that is not retried.
 *
 * <h2>Cancellation and threads</h2>
 * Call {@link #crawl} from a task; it creates one task per URL on the same loop. Cancelling the
 * calling task cancels them all and the requests in flight.
 */
public final class Crawler {
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);

    /**
     * How to crawl.
     *
     * @param concurrency most requests in flight at once
     * @param timeoutSeconds time limit of one attempt, redirects included
     * @param retries extra attempts after a transient failure
     * @param maxRedirects most redirects one attempt follows
     * @param backoffSeconds wait before the first retry; doubles for each further one
     */
    public record Options(int concurrency, double timeoutSeconds, int retries, int maxRedirects, double backoffSeconds) {
        public Options {
            if (concurrency < 1 || !(timeoutSeconds > 0) || retries < 0 || maxRedirects < 0 || backoffSeconds < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "crawl needs concurrency >= 1, timeout > 0,"
                        + " retries >= 0, max redirects >= 0 and backoff >= 0; got %d, %s, %d, %d and %s",
                        concurrency, timeoutSeconds, retries, maxRedirects, backoffSeconds));
            }
        }
    }

    /** A redirect chain that went on for too long, or a redirect to nowhere usable; not retried. */
    private static final class RedirectError extends IOException {
        RedirectError(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Options options;
    private final Progress progress;
    private final List<FetchResult> finished = new ArrayList<>();

    public Crawler(HttpClient http, Options options, Progress progress) {
        this.http = http;
        this.options = options;
        this.progress = progress;
    }

    /** Fetches every URL and returns the results in the order of {@code urls}; call from a task. */
    public List<FetchResult> crawl(List<URI> urls) throws Exception {
        Semaphore slots = new Semaphore(options.concurrency());
        List<Task<FetchResult>> fetches = new ArrayList<>();
        for (URI url : urls) {
            fetches.add(Asyncio.createTask(() -> {
                FetchResult result;
                try (var _ = slots.acquire()) {
                    result = fetch(url);
                }
                finished.add(result);
                progress.finished(result);
                return result;
            }, "fetch " + url));
        }
        return Asyncio.gather(fetches).await();
    }

    /** The results so far, in the order they finished: what a cancelled crawl did get done. */
    public List<FetchResult> finished() {
        return List.copyOf(finished);
    }

    private FetchResult fetch(URI url) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(url);
            boolean transient_ = outcome.timedOut
                    || (outcome.error != null && !(outcome.error instanceof RedirectError))
                    || (outcome.response != null && RETRIED_STATUSES.contains(outcome.response.statusCode()));
            if (!transient_ || attempt > options.retries()) {
                return outcome.result(url, (System.nanoTime() - start) / 1e9, attempt, options.timeoutSeconds());
            }
            double delay = options.backoffSeconds() * Math.pow(2, attempt - 1) * ThreadLocalRandom.current().nextDouble(0.5, 1.5);
            progress.retrying(url, attempt, outcome.reason(options.timeoutSeconds()), delay);
            Asyncio.sleep(delay);
        }
    }

    /** One attempt, redirects included, under the time limit. */
    private Attempt attempt(URI url) {
        Attempt attempt = new Attempt(url);
        try {
            Asyncio.timeout(options.timeoutSeconds(), () -> {
                followRedirects(attempt);
            });
        } catch (TimeoutError e) {
            attempt.timedOut = true;
        } catch (Exception e) { // a bad URL or an I/O failure ends this URL, not the crawl
            attempt.timedOut = isTimeout(e);
            attempt.error = attempt.timedOut ? null : e;
        }
        return attempt;
    }

    private void followRedirects(Attempt attempt) throws Exception {
        for (int hop = 0; ; hop++) {
            HttpRequest request = HttpRequest.newBuilder(attempt.url).header("User-Agent", "asyncio4j-crawl/0.1").GET().build();
            HttpResponse<Long> response = send(request);
            attempt.response = response;
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return;
            }
            if (hop == options.maxRedirects()) {
                throw new RedirectError("too many redirects (more than " + options.maxRedirects() + ")");
            }
            attempt.url = redirectTarget(attempt.url, location);
            attempt.redirects++;
        }
    }

    /** Where a {@code Location} header leads from {@code url}: an http(s) URL, or a {@link RedirectError}. */
    private static URI redirectTarget(URI url, String location) throws RedirectError {
        URI target;
        try {
            target = url.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new RedirectError("redirect to a malformed URL: " + Text.safe(location));
        }
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
            throw new RedirectError("redirect to a URL that is not http(s) with a host: " + Text.safe(location));
        }
        return target;
    }

    /** Sends on the client's threads and parks this task on a loop future until the response is in. */
    private HttpResponse<Long> send(HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse<Long>> exchange = http.sendAsync(request, CountingBodyHandler.create());
        try {
            return Asyncio.wrapFuture(exchange).await();
        } finally {
            // no-op once complete; on a timeout or cancel it aborts the exchange (wrapFuture's own
            // cancel(false) may leave the connection busy)
            exchange.cancel(true);
        }
    }

    /** The state of one attempt as it goes: where it is, the last response, how it failed. */
    private static final class Attempt {
        URI url;
        int redirects;
        HttpResponse<Long> response;
        Exception error;
        boolean timedOut;

        Attempt(URI url) {
            this.url = url;
        }

        String reason(double timeoutSeconds) {
            if (timedOut) {
                return timedOut(timeoutSeconds);
            }
            if (error != null) {
                return error instanceof RedirectError ? error.getMessage() : Failure.describe(error);
            }
            return "HTTP " + response.statusCode();
        }

        FetchResult result(URI asked, double seconds, int attempts, double timeoutSeconds) {
            if (timedOut || error != null) {
                return new FetchResult(asked, url, -1, 0, seconds, attempts, redirects, reason(timeoutSeconds), timedOut);
            }
            return new FetchResult(asked, url, response.statusCode(), response.body(), seconds, attempts, redirects, null, false);
        }
    }

    /** Whether an attempt's error was the client's own time limit (connecting, say), which counts as a timeout. */
    static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String timedOut(double timeoutSeconds) {
        return String.format(Locale.ROOT, "timed out after %.1f s", timeoutSeconds);
    }
}
