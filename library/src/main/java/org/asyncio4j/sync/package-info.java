// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * Synchronisation primitives for the tasks of one event loop: asyncio's {@code asyncio.locks}.
 *
 * <table>
 *   <caption>asyncio to asyncio4j</caption>
 *   <tr><th>asyncio</th><th>asyncio4j</th></tr>
 *   <tr><td>{@code Lock}</td><td>{@link org.asyncio4j.sync.Lock}</td></tr>
 *   <tr><td>{@code Event}</td><td>{@link org.asyncio4j.sync.Event}</td></tr>
 *   <tr><td>{@code Condition}</td><td>{@link org.asyncio4j.sync.Condition}</td></tr>
 *   <tr><td>{@code Semaphore}, {@code BoundedSemaphore}</td><td>{@link org.asyncio4j.sync.Semaphore},
 *       {@link org.asyncio4j.sync.BoundedSemaphore}</td></tr>
 *   <tr><td>{@code Barrier}, {@code BrokenBarrierError}</td><td>{@link org.asyncio4j.sync.Barrier},
 *       {@link org.asyncio4j.sync.BrokenBarrierError}</td></tr>
 *   <tr><td>{@code async with lock:}</td><td>{@code try (var _ = lock.acquire()) { ... }}</td></tr>
 * </table>
 *
 * <h2>Design</h2>
 * They are not JDK locks: they are built from loop futures. Every waiting task sits in one
 * fair, first-in-first-out line of futures shared by all primitives and queues, so fairness and
 * cancellation are solved in one place. Waiting parks only the task; the loop keeps running.
 * Methods that may wait ({@code acquire}, {@code await}) return at once, without yielding to
 * other tasks, when they need not wait, as in asyncio.
 *
 * <h2>Cancellation</h2>
 * A task can be cancelled at any moment while it waits, including after it was woken and
 * before it resumes. Each primitive then passes on what the wake-up granted (a lock, a permit, a
 * signal), so no lock stays held, no permit is lost or granted twice, and no wake-up is lost.
 *
 * <h2>Thread confinement</h2>
 * A primitive is bound to the event loop of its first use and is not thread-safe. Using it from
 * another thread or another loop throws {@link java.lang.IllegalStateException}; another thread
 * reaches it through {@code loop.callSoonThreadsafe} or {@code Asyncio.runCoroutineThreadsafe}.
 * No memory-consistency section is needed: everything happens on the loop thread.
 */
package org.asyncio4j.sync;
