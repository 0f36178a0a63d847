// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * Python's asyncio for Java: an event loop whose tasks are virtual threads, and everything
 * asyncio builds on it. This package is the core; the map of the library:
 *
 * <table class="striped">
 * <caption>What lives where</caption>
 * <thead><tr><th>Where</th><th>What</th><th>asyncio module</th></tr></thead>
 * <tbody>
 * <tr><td>runtime: {@link EventLoop}, {@link Handle}, {@link TimerHandle},
 *     {@link ExceptionHandler}, {@link Runner}</td>
 *     <td>the loop's contract, its callbacks and timers, running a program</td>
 *     <td>{@code events}, {@code base_events}, {@code runners}</td></tr>
 * <tr><td>futures and tasks: {@link Future}, {@link Task}, {@link Coroutine},
 *     {@link AsyncRunnable}</td>
 *     <td>results to wait for; a coroutine running as a task</td>
 *     <td>{@code futures}, {@code tasks}</td></tr>
 * <tr><td>facade: {@link Asyncio}</td>
 *     <td>the static functions a program imports ({@code run}, {@code createTask},
 *     {@code sleep}, {@code toThread}, ...)</td>
 *     <td>{@code asyncio} itself</td></tr>
 * <tr><td>combinators: {@link Asyncio#gather}, {@link Asyncio#wait}, {@link AsCompleted},
 *     {@link Timeout}, {@link TaskGroup}, {@link Asyncio#shield}</td>
 *     <td>waiting for many things, for a while, or as a group</td>
 *     <td>{@code tasks}, {@code timeouts}, {@code taskgroups}</td></tr>
 * <tr><td>contexts: {@link Context}, {@link ContextVar}, {@link Token}</td>
 *     <td>values that follow a task, as {@code contextvars}</td>
 *     <td>{@code contextvars}</td></tr>
 * <tr><td>generators: {@link AsyncGenerator}</td>
 *     <td>{@code async def} with {@code yield}, closed by the loop at shutdown</td>
 *     <td>(the language)</td></tr>
 * <tr><td>errors: {@link CancelledError}, {@link TimeoutError}, {@link InvalidStateError},
 *     {@link ExceptionGroup}, {@link KeyboardInterrupt}, {@link GeneratorExit}</td>
 *     <td>what asyncio raises, under its names</td>
 *     <td>{@code exceptions}</td></tr>
 * <tr><td>{@link org.asyncio4j.sync}</td><td>Lock, Event, Condition, Semaphore, Barrier</td>
 *     <td>{@code locks}</td></tr>
 * <tr><td>{@link org.asyncio4j.queues}</td><td>Queue, PriorityQueue, LifoQueue</td>
 *     <td>{@code queues}</td></tr>
 * <tr><td>{@link org.asyncio4j.net}</td><td>transports and protocols, servers, streams, TLS</td>
 *     <td>{@code transports}, {@code protocols}, {@code streams}, {@code sslproto}</td></tr>
 * <tr><td>{@link org.asyncio4j.subprocess}</td><td>child processes</td>
 *     <td>{@code subprocess}</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Below the core, {@code org.asyncio4j.internal} (not exported) holds two layers: the runtime
 * machinery the core stands on ({@code internal.loop}: ready queue, timers, inbox, poller;
 * {@code internal.carrier}: the virtual-thread scheduler boundary; {@code internal.signals}:
 * Ctrl+C), and the features' implementations, each under its public package
 * ({@code internal.sync}, {@code internal.net}, {@code internal.subprocess}). Imports point down
 * only; a test enforces it. The machinery reaches a loop's core through one narrow door, which
 * refuses callers from outside the library on the class path too, where the internal packages'
 * public classes are otherwise reachable (they are not API).
 *
 * <h2>Threads and memory consistency</h2>
 * A loop and everything bound to it (futures, tasks, handles, transports, streams, primitives,
 * queues) belong to the loop's thread: only the loop's tasks and callbacks may touch them, so
 * they need no locks and no {@code volatile}. In debug mode the public methods check it; the
 * internal loop-only methods assert it (tests run with {@code -ea}). These are the only doors
 * between the loop and other threads, and what each guarantees, in the sense of the Java memory
 * model's <i>happens-before</i> (as {@code java.util.concurrent} states it for its queues and
 * executors):
 * <ul>
 * <li>{@link EventLoop#callSoonThreadsafe}: actions of a thread before the call happen-before
 *     the callback runs on the loop. Signal handlers ({@link EventLoop#addSignalHandler}) and
 *     everything the library's own threads report (a child's pipes and exit, JDK timer and
 *     poller threads waking a task) reach the loop through the same inbox, with the same edge.
 * <li>{@link EventLoop#stop()}: actions before the call happen-before {@code runForever}
 *     returns.
 * <li>{@link Asyncio#runCoroutineThreadsafe}: actions before the call happen-before the
 *     coroutine starts; the coroutine's actions happen-before the returned
 *     {@code CompletableFuture} completes (so before its {@code join} returns).
 * <li>{@link Future#toCompletableFuture()}, callable from any thread (off the loop's thread it
 *     goes through {@code callSoonThreadsafe}): the future's completion on the loop
 *     happens-before the {@code CompletableFuture}'s; cancelling the {@code CompletableFuture}
 *     from any thread reaches the future through {@code callSoonThreadsafe}.
 * <li>{@link Future#await()} by a task of another loop: the future is observed on its own loop
 *     through that loop's {@code callSoonThreadsafe}, and its completion happens-before the
 *     awaiting task resumes.
 * <li>{@link Asyncio#wrapFuture}: the {@code CompletionStage}'s completion on any
 *     thread happens-before the awaiting task resumes.
 * <li>{@link Asyncio#toThread} and {@link EventLoop#runInExecutor}: actions of the task before
 *     the call happen-before the function starts on the executor's thread; the function's
 *     actions happen-before the awaiting task resumes.
 * <li>A task's virtual thread woken by another thread (a JDK lock, {@code LockSupport.unpark},
 *     a blocking call that completes): the waker's actions before the wake-up happen-before the
 *     task continues; the continuation goes to the loop through the inbox (the carrier's
 *     {@code execute}, which any thread may call).
 * </ul>
 * Everything else is a data race when used from another thread.
 *
 * {@snippet :
 * String greeting = Asyncio.run(() -> {
 *     Task<String> name = Asyncio.createTask(() -> { Asyncio.sleep(0.1); return "world"; });
 *     return "hello " + name.await();
 * });
 * }
 */
package org.asyncio4j;
