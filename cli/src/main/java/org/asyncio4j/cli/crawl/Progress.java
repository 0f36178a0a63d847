// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import java.io.PrintStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.asyncio4j.cli.Text;

/**
 * What a crawl shows while it runs: a line per finished URL and per retry, and, on a terminal, a
 * progress bar with rate and ETA kept at the bottom (redrawn ten times a second by a task of the
 * crawl's loop). Elsewhere (a pipe, a file, a CI log) only the lines, each prefixed with its
 * count, so the output stays readable and diffable. URLs and reasons are printed through
 * {@link Text#safe}: they come from a file or from peers.
 *
 * <p>The ETA is the remaining URLs at the rate so far, but never less than the wait until the
 * last scheduled retry starts plus the time an attempt has taken on average: while the last
 * URLs back off and retry, the rate alone would promise they are done at once.
 *
 * {@snippet :
 * Progress progress = Progress.bar(System.out, urls.size());
 * progress.start();
 * // ... crawler calls progress.finished(result) for each URL
 * progress.stop();
 * }
 *
 * <h2>Thread confinement</h2>
 * Used by the tasks of one loop only, so its counters need no locks.
 */
public final class Progress {
    private static final String CLEAR_LINE = "\r\033[K";
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final int total;
    private final boolean bar;
    private final LongSupplier nanoTime;
    private final long start;
    /** When the next attempt of each URL waiting to be retried starts, in {@link #nanoTime} units. */
    private final Map<URI, Long> retries = new HashMap<>();
    private int done;
    private int attempts;
    private double attemptSeconds;
    private Task<?> ticker;

    Progress(PrintStream out, int total, boolean bar, LongSupplier nanoTime) {
        this.out = out;
        this.total = total;
        this.bar = bar;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Plain lines, for output that is not a terminal. */
    public static Progress lines(PrintStream out, int total) {
        return new Progress(out, total, false, System::nanoTime);
    }

    /** Lines above a live progress bar, for a terminal. */
    public static Progress bar(PrintStream out, int total) {
        return new Progress(out, total, true, System::nanoTime);
    }

    /** Starts redrawing the bar (if any); call from a task of the crawl's loop. */
    public void start() {
        if (bar) {
            ticker = Asyncio.createTask(() -> {
                while (true) {
                    out.print(CLEAR_LINE + barLine());
                    out.flush();
                    Asyncio.sleep(0.1);
                }
            }, "progress bar");
        }
    }

    /** Stops redrawing and clears the bar. */
    public void stop() throws Exception {
        if (ticker != null) {
            ticker.cancel();
            try {
                ticker.await();
            } catch (CancelledError expected) {
                // the ticker only ends by being cancelled
            }
            out.print(CLEAR_LINE);
            out.flush();
        }
    }

    void finished(FetchResult result) {
        done++;
        retries.remove(result.url());
        attempts += result.attempts();
        attemptSeconds += result.seconds();
        String what = result.responded()
                ? String.format(Locale.ROOT, "%-4d %9s  %6.2f s", result.status(), size(result.bytes()), result.seconds())
                : "ERR  " + Text.safe(result.error());
        StringBuilder line = new StringBuilder(String.format("[%" + width() + "d/%d] %s  %s", done, total, what, Text.safe(result.url().toString())));
        if (result.redirects() > 0) {
            line.append(" -> ").append(Text.safe(result.finalUrl().toString()))
                    .append(result.redirects() == 1 ? " (1 redirect)" : " (" + result.redirects() + " redirects)");
        }
        if (result.attempts() > 1) {
            line.append(" (").append(result.attempts()).append(" attempts)");
        }
        print(line.toString());
    }

    void retrying(URI url, int attempt, String reason, double delaySeconds) {
        retries.put(url, nanoTime.getAsLong() + (long) (delaySeconds * 1e9));
        print(String.format(Locale.ROOT, "%" + (2 * width() + 3) + "s retry %d of %s in %.2f s: %s", "", attempt,
                Text.safe(url.toString()), delaySeconds, Text.safe(reason)));
    }

    private void print(String line) {
        if (bar) {
            out.print(CLEAR_LINE + line + "\n" + barLine());
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String barLine() {
        long now = nanoTime.getAsLong();
        double elapsed = (now - start) / 1e9;
        double rate = elapsed > 0 ? done / elapsed : 0;
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        String eta = done == 0 || rate == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", Math.max((total - done) / rate, retriesLeft(now)));
        return String.format(Locale.ROOT, "[%s%s] %d/%d  %3d%%  %.1f URLs/s  ETA %s%s", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                done, total, total == 0 ? 100 : done * 100 / total, rate, eta,
                retries.isEmpty() ? "" : ", " + retries.size() + " retrying");
    }

    /** Seconds until the last scheduled retry starts, plus an average attempt's time. */
    private double retriesLeft(long now) {
        long last = retries.values().stream().mapToLong(Long::longValue).max().orElse(now);
        double attempt = attempts == 0 ? 0 : attemptSeconds / attempts;
        return retries.isEmpty() ? 0 : Math.max(0, (last - now) / 1e9) + attempt;
    }

    private int width() {
        return Integer.toString(total).length();
    }

    /** Bytes in B, KB or MB (powers of 1024), as a person reads them. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
