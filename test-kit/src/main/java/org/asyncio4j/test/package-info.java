// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * Testing asyncio4j code: {@link org.asyncio4j.test.TestLoop}, an event loop on a virtual clock
 * that moves only when the loop would otherwise wait, and {@link org.asyncio4j.test.AsyncioTest},
 * a JUnit 5 test method that runs as the main task of a fresh loop and fails on what asyncio
 * would only log (errors in callbacks, tasks left pending, exceptions never retrieved).
 *
 * {@snippet :
 * @AsyncioTest
 * void timesOutAStalledCall(TestLoop test) {
 *     assertThrows(TimeoutError.class, () -> Asyncio.waitFor(test.loop().createFuture(), 30));
 *     assertEquals(30.0, test.time());
 * }
 * }
 */
package org.asyncio4j.test;
