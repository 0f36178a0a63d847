// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

@file:JvmName("KotlinCases")

package bench.micro

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.yield

/*
 * The cancel and lock cases on Kotlin coroutines, ONE thread (runBlocking's event loop), written as
 * the shared suite's CoroutineMicro is; asyncio4j's twins are bench.cases.CancelCase and LockCase,
 * asyncio's aio_cases.py. Each function is one pass and returns its wall time per operation in ns;
 * bench/peers/jvm/PeerPasses.java runs the passes.
 */

private fun timedNs(block: suspend CoroutineScope.() -> Unit): Double = runBlocking {
    val t0 = System.nanoTime()
    block()
    (System.nanoTime() - t0).toDouble()
}

/** n coroutines each run until they await a deferred that never completes; all are cancelled and joined. ns per coroutine. */
fun cancel(n: Int): Double = timedNs {
    val never = CompletableDeferred<Unit>()
    val jobs = arrayOfNulls<Job>(n)
    for (i in 0 until n) jobs[i] = launch { never.await() }
    yield() // every coroutine runs up to its await
    for (j in jobs) j!!.cancel()
    for (j in jobs) j!!.join()
} / n

/** 10 coroutines each take one Mutex n / 10 times, yielding while holding it. ns per acquisition. */
fun lock(n: Int): Double = timedNs {
    val mutex = Mutex()
    val workers = List(LOCK_COROUTINES) {
        launch {
            repeat(n / LOCK_COROUTINES) {
                mutex.withLock { yield() }
            }
        }
    }
    workers.joinAll()
} / n

private const val LOCK_COROUTINES = 10
