// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * Queues for passing items between the tasks of one event loop: asyncio's {@code asyncio.queues}.
 *
 * <table>
 *   <caption>asyncio to asyncio4j</caption>
 *   <tr><th>asyncio</th><th>asyncio4j</th></tr>
 *   <tr><td>{@code Queue}, {@code LifoQueue}, {@code PriorityQueue}</td><td>{@link org.asyncio4j.queues.Queue},
 *       {@link org.asyncio4j.queues.LifoQueue}, {@link org.asyncio4j.queues.PriorityQueue}</td></tr>
 *   <tr><td>{@code await q.put(x)}, {@code q.put_nowait(x)}</td><td>{@code q.put(x)}, {@code q.putNowait(x)}</td></tr>
 *   <tr><td>{@code await q.get()}, {@code q.get_nowait()}</td><td>{@code q.get()}, {@code q.getNowait()}</td></tr>
 *   <tr><td>{@code q.empty()}, {@code q.full()}, {@code q.qsize()}, {@code q.maxsize}</td>
 *       <td>{@code q.isEmpty()}, {@code q.isFull()}, {@code q.qsize()}, {@code q.maxsize()}</td></tr>
 *   <tr><td>{@code q.task_done()}, {@code await q.join()}</td><td>{@code q.taskDone()}, {@code q.join()}</td></tr>
 *   <tr><td>{@code q.shutdown(immediate=False)}</td><td>{@code q.shutdown()}, {@code q.shutdown(true)}</td></tr>
 *   <tr><td>{@code QueueEmpty}, {@code QueueFull}, {@code QueueShutDown}</td><td>same names, unchecked exceptions</td></tr>
 * </table>
 *
 * <p>Queues are built like the primitives of {@link org.asyncio4j.sync}: on the one fair,
 * cancellation-aware line of waiting tasks, bound to the event loop of their first use, and not
 * thread-safe (see that package for the design).
 */
package org.asyncio4j.queues;
