// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Future#toCompletableFuture()} called from a thread outside the loop at the moment the
 * loop completes the future: the {@code CompletableFuture} must always get the outcome (a callback
 * added from the other thread while the loop runs the future's callbacks could be lost).
 */
@Timeout(300)
class ToCompletableFutureStressTest {

    @Test
    void aCompletableFutureTakenFromAnotherThreadWhileTheLoopCompletesTheFutureAlwaysCompletes() throws Exception {
        try (LoopGroup group = new LoopGroup(1)) {
            EventLoop loop = group.loops().getFirst();
            for (int round = 0; round < 20_000; round++) {
                Future<Integer> future = group.submit(loop, () -> loop.<Integer>createFuture()).get(10, TimeUnit.SECONDS);
                AtomicBoolean go = new AtomicBoolean();
                int value = round;
                loop.callSoonThreadsafe(() -> {
                    while (!go.get()) {
                        Thread.onSpinWait();
                    }
                    future.setResult(value);
                });
                go.set(true);
                CompletableFuture<Integer> bridge = future.toCompletableFuture();
                assertThat(bridge.get(5, TimeUnit.SECONDS)).as("round %d", round).isEqualTo(round);
            }
        }
    }
}
