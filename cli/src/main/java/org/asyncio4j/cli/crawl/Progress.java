// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import java.io.PrintStream;
import java.net.URI;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;

/**
 * What a crawl shows while it runs: a line per finished URL and per retry, and, on a terminal, a
 * progress bar with rate and ETA kept at the bottom (redrawn ten times a second by a task of the
 * crawl's loop). Elsewhere (a pipe, a file, a CI log) only the lines, each prefixed with its
 * count, so the output stays readable and diffable.
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
    private final long start = System.nanoTime();
    private int done;
    private Task<?> ticker;

    private Progress(PrintStream out, int total, boolean bar) {
        this.out = out;
        this.total = total;
        this.bar = bar;
    }

    /** Plain lines, for output that is not a terminal. */
    public static Progress lines(PrintStream out, int total) {
        return new Progress(out, total, false);
    }

    /** Lines above a live progress bar, for a terminal. */
    public static Progress bar(PrintStream out, int total) {
        return new Progress(out, total, true);
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
        String what = result.responded()
                ? String.format("%-4d %9s  %6.2f s", result.status(), size(result.bytes()), result.seconds())
                : String.format("ERR  %s", result.error());
        StringBuilder line = new StringBuilder(String.format("[%" + width() + "d/%d] %s  %s", done, total, what, result.url()));
        if (result.redirects() > 0) {
            line.append(" -> ").append(result.finalUrl())
                    .append(result.redirects() == 1 ? " (1 redirect)" : " (" + result.redirects() + " redirects)");
        }
        if (result.attempts() > 1) {
            line.append(" (").append(result.attempts()).append(" attempts)");
        }
        print(line.toString());
    }

    void retrying(URI url, int attempt, String reason, double delaySeconds) {
        print(String.format("%" + (2 * width() + 3) + "s retry %d of %s in %.2f s: %s", "", attempt, url, delaySeconds, reason));
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
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = elapsed > 0 ? done / elapsed : 0;
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        String eta = done == 0 || rate == 0 ? "?" : String.format("%.0f s", (total - done) / rate);
        return String.format("[%s%s] %d/%d  %3d%%  %.1f URLs/s  ETA %s", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
                done, total, total == 0 ? 100 : done * 100 / total, rate, eta);
    }

    private int width() {
        return Integer.toString(total).length();
    }

    /** Bytes in B, KB or MB (powers of 1024), as a person reads them. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
