// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.http;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.asyncio4j.EventLoop;

/**
 * What both asyncio4j HTTP servers of the {@code http} benchmark share: the TechEmpower plaintext
 * response ({@code Hello, World!} with the {@code Server}, {@code Content-Type},
 * {@code Content-Length} and {@code Date} headers, the date refreshed once a second, as every
 * peer sends it) and the end of a request head ({@code CRLF CRLF}).
 *
 * <p>Benchmark code, not an HTTP server: requests are taken to have no body (wrk sends
 * {@code GET}s) and their heads are not parsed beyond finding where each ends. Every connection
 * is kept alive.
 *
 * {@snippet :
 * Plaintext.refreshDateEverySecond(Asyncio.getRunningLoop());
 * transport.write(Plaintext.response());
 * }
 */
final class Plaintext {
    static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static volatile byte[] response = build();

    private Plaintext() {
    }

    /** The whole response, headers and body, with the current second's date. */
    static byte[] response() {
        return response;
    }

    /** Rebuilds the response on {@code loop} once a second, for as long as the loop runs. */
    static void refreshDateEverySecond(EventLoop loop) {
        loop.callLater(1.0, () -> {
            response = build();
            refreshDateEverySecond(loop);
        });
    }

    private static byte[] build() {
        String date = DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        return ("HTTP/1.1 200 OK\r\nServer: asyncio4j\r\nContent-Type: text/plain\r\nContent-Length: 13\r\nDate: "
                + date + "\r\n\r\nHello, World!").getBytes(StandardCharsets.ISO_8859_1);
    }
}
