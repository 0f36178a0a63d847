// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A body handler that counts a response's bytes and keeps none of them, so a crawl of large
 * pages needs no more memory than a crawl of small ones.
 */
final class CountingBodyHandler {
    private CountingBodyHandler() {
    }

    static BodyHandler<Long> create() {
        return info -> counting();
    }

    private static BodySubscriber<Long> counting() {
        return BodySubscribers.fromSubscriber(new Counter(), Counter::total);
    }

    /** Requests everything and adds up the sizes; the HTTP client calls it one signal at a time. */
    private static final class Counter implements Flow.Subscriber<List<ByteBuffer>> {
        private volatile long total;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            long sum = total;
            for (ByteBuffer buffer : buffers) {
                sum += buffer.remaining();
            }
            total = sum;
        }

        @Override
        public void onError(Throwable error) {
            // the client completes the response future with this error; nothing to add here
        }

        @Override
        public void onComplete() {
            // the finisher reads the total once the body has ended
        }

        long total() {
            return total;
        }
    }
}
