// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asyncio4j.Asyncio;
import org.asyncio4j.Future;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.test.AsyncioTest;
import org.asyncio4j.test.TestLoop;

class HourOfSleepTest {
    @AsyncioTest
    void sleepsAnHourAndTimesOutAStalledCallInUnder100MillisecondsOfRealTime(TestLoop test) {
        long start = System.nanoTime();
        Asyncio.sleep(3600);
        Future<String> stalled = test.loop().createFuture();
        assertThrows(TimeoutError.class, () -> Asyncio.waitFor(stalled, 30));
        long realMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3630.0, test.time());
        assertTrue(realMillis < 100, "took " + realMillis + " ms of real time");
    }
}
