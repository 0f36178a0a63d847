// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seed 004 examples on queues print exactly these lines. */
class QueueExamplesTest {

    @Test
    void queueBasicsShowEveryQueueOperationOfTheSeed() {
        assertThat(Output.of(QueueBasics::run)).containsExactly(
                "qsize: 2, empty: false, full: false",
                "get: first",
                "get: second",
                "empty: true",
                "put 1 (qsize 1, full: false)",
                "put 2 (qsize 2, full: true)",
                "producer waits for room: true",
                "took 1",
                "put 3 (qsize 2, full: true)",
                "took 2",
                "took 3",
                "bounded queue joined",
                "lifo: top, bottom",
                "priority: deploy build test sweep");
    }

    @Test
    void workerPoolFinishesEveryJobBeforeJoinReturnsThenEndsItsWorkers() {
        assertThat(Output.of(WorkerPool::run)).containsExactly(
                "worker-2 finished a job of size 1",
                "worker-2 finished a job of size 1",
                "worker-3 finished a job of size 2",
                "worker-1 finished a job of size 3",
                "worker-3 finished a job of size 2",
                "worker-2 finished a job of size 3",
                "all 6 jobs done",
                "worker-1 did 1 jobs",
                "worker-2 did 3 jobs",
                "worker-3 did 2 jobs");
    }
}
