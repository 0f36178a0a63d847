// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import java.net.URI;

/**
 * What fetching one URL came to: the final HTTP status and body size, or the error that ended
 * the last attempt; with the time it took in all (every attempt, redirect and backoff).
 *
 * @param url the URL asked for
 * @param finalUrl where the last redirect led (the URL itself without redirects)
 * @param status the HTTP status of the last response, or -1 if no response came
 * @param bytes the size of the last response's body
 * @param seconds wall time from the first attempt to the end of the last
 * @param attempts how many attempts were made (1 without retries)
 * @param redirects how many redirects the last attempt followed
 * @param error why no response came ({@code null} when one did)
 * @param timedOut whether the last attempt ran out of time
 */
public record FetchResult(URI url, URI finalUrl, int status, long bytes, double seconds, int attempts, int redirects,
        String error, boolean timedOut) {

    /** Whether a response came, whatever its status. */
    public boolean responded() {
        return status >= 0;
    }

    /** The summary's bucket: the status code, {@code timeout} or {@code error}. */
    public String outcome() {
        return responded() ? Integer.toString(status) : timedOut ? "timeout" : "error";
    }
}
