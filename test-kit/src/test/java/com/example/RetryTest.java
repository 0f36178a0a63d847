// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.asyncio4j.Asyncio;
import org.asyncio4j.Coroutine;
import org.asyncio4j.Future;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.test.AsyncioTest;
import org.asyncio4j.test.TestLoop;

class RetryTest {
    /** The code under test: calls {@code call} up to {@code attempts} times, {@code pause} seconds apart. */
    static <T> T retry(Coroutine<T> call, int attempts, double pause) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                if (attempt == attempts) {
                    throw e;
                }
                Asyncio.sleep(pause);
            }
        }
    }

    @AsyncioTest
    void retriesForAnHourInNoTime(TestLoop test) throws Exception {
        int[] calls = {0};
        String result = retry(() -> {
            if (++calls[0] < 4) {
                throw new IllegalStateException("not yet");
            }
            return "ok";
        }, 5, 1200);
        assertEquals("ok", result);
        assertEquals(3600.0, test.time()); // three pauses of 20 minutes, all virtual
    }

    @AsyncioTest
    void aStalledCallTimesOut(TestLoop test) {
        Future<String> stalled = test.loop().createFuture(); // nobody ever completes it
        assertThrows(TimeoutError.class, () -> Asyncio.waitFor(stalled, 30));
        assertEquals(30.0, test.time());
    }
}
