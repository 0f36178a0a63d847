// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final URI fast = URI.create("http://example.com/fast");
    private final URI flaky = URI.create("http://example.com/flaky");

    @Test
    void etaCoversTheBackoffOfAUrlWaitingToBeRetried() {
        Progress progress = new Progress(new PrintStream(bytes, true, UTF_8), 2, true, now::get);
        now.set(seconds(1));
        progress.finished(new FetchResult(fast, fast, 200, 10, 1.0, 1, 0, null, false));
        now.set(seconds(1.5));
        progress.retrying(flaky, 1, "HTTP 503", 10);
        now.set(seconds(2));
        progress.retrying(flaky, 1, "HTTP 503", 9.5); // redraws the bar; the retry still starts at 11.5 s

        // at the rate so far (1 URL in 2 s) the last URL would be done in 2 s; its retry alone starts in 9.5 s
        assertThat(eta()).isGreaterThanOrEqualTo(9.5);
        assertThat(lastBar()).endsWith(", 1 retrying");

        now.set(seconds(12));
        progress.finished(new FetchResult(flaky, flaky, 200, 10, 11, 2, 0, null, false));
        assertThat(lastBar()).contains("2/2").doesNotContain("retrying");
    }

    @Test
    void peerTextInTheLinesIsEscaped() {
        Progress progress = Progress.lines(new PrintStream(bytes, true, UTF_8), 1);
        URI odd = URI.create("http://example.com/\u202egpj.exe");
        progress.retrying(odd, 1, "bad response: \033]0;owned\007", 0.5);
        progress.finished(new FetchResult(odd, odd, -1, 0, 1, 2, 0, "\033[2J", false));
        String text = bytes.toString(UTF_8);
        assertThat(text).doesNotContain("\033", "\007", "\u202e")
                .contains("http://example.com/\\u202egpj.exe", "\\x1b]0;owned\\x07", "ERR  \\x1b[2J");
    }

    private double eta() {
        Matcher eta = Pattern.compile("ETA (\\d+) s").matcher(lastBar());
        assertThat(eta.find()).as(lastBar()).isTrue();
        return Double.parseDouble(eta.group(1));
    }

    private String lastBar() {
        String text = bytes.toString(UTF_8);
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }
}
