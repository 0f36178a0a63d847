// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import static org.asyncio4j.testing.Steps.yieldIterations;
import static org.asyncio4j.testing.Steps.yieldOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** The cancellation races CPython fixed in asyncio.Queue, and the fairness rules around them. */
class QueueCancellationTest {

    private static Task<Void> getterLogging(Queue<String> queue, List<String> log, String name) {
        return Asyncio.createTask(() -> {
            log.add(name + " got " + queue.get());
        });
    }

    /** bpo-23812: put_nowait, then the woken getter is cancelled: the item must not be lost. */
    @Test
    void aGetterCancelledAfterItWasWokenLeavesTheItemForTheNextGetter() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            List<String> log = new ArrayList<>();
            Task<Void> first = getterLogging(queue, log, "first");
            getterLogging(queue, log, "second");
            yieldOnce();
            queue.putNowait("item");
            first.cancel();
            yieldIterations(2);
            assertThat(first.isCancelled()).isTrue();
            assertThat(log).containsExactly("second got item");
            assertThat(queue.waiting()).containsExactly(0, 0, 0);
        });
    }

    @Test
    void aLoneGetterCancelledAfterItWasWokenLeavesTheItemInTheQueue() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            Task<String> getter = Asyncio.createTask(queue::get);
            yieldOnce();
            queue.putNowait("item");
            getter.cancel();
            yieldOnce();
            assertThat(getter.isCancelled()).isTrue();
            assertThat(queue.getNowait()).isEqualTo("item");
        });
    }

    /** gh-108042: a woken putter that is cancelled must wake the next putter. */
    @Test
    void aPutterCancelledAfterItWasWokenPassesTheSlotToTheNextPutter() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>(1);
            queue.putNowait("old");
            Task<Void> first = Asyncio.createTask(() -> queue.put("first"));
            Task<Void> second = Asyncio.createTask(() -> queue.put("second"));
            yieldOnce();
            assertThat(queue.getNowait()).isEqualTo("old"); // room for one: wakes first
            first.cancel();
            yieldIterations(2);
            assertThat(first.isCancelled()).isTrue();
            assertThat(second.isDone()).isTrue();
            assertThat(queue.getNowait()).isEqualTo("second");
            assertThat(queue.isEmpty()).isTrue();
        });
    }

    /** gh-108042, getter side: cancelled while woken, with items left: the next getter must still be woken. */
    @Test
    void aGetterCancelledAfterItWasWokenStillLetsEveryItemBeDelivered() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            List<String> log = new ArrayList<>();
            Task<Void> a = getterLogging(queue, log, "a");
            getterLogging(queue, log, "b");
            getterLogging(queue, log, "c");
            yieldOnce();
            queue.putNowait("1");
            queue.putNowait("2");
            a.cancel();
            yieldIterations(3);
            assertThat(log).containsExactly("b got 1", "c got 2");
        });
    }

    @Test
    void aWaitingGetterCancelledBeforeAnyItemTakesNothing() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            Task<String> getter = Asyncio.createTask(queue::get);
            yieldOnce();
            getter.cancel();
            yieldOnce();
            queue.putNowait("x");
            assertThat(queue.qsize()).isEqualTo(1);
            assertThat(queue.waiting()).containsExactly(0, 0, 0);
        });
    }

    @Test
    void aNewcomerGetWaitsBehindAGetterThatWasWokenButHasNotResumed() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            List<String> log = new ArrayList<>();
            getterLogging(queue, log, "waiter");
            yieldOnce();
            queue.putNowait("1");
            getterLogging(queue, log, "newcomer");
            yieldIterations(2);
            queue.putNowait("2");
            yieldIterations(2);
            assertThat(log).containsExactly("waiter got 1", "newcomer got 2");
        });
    }

    @Test
    void aWokenGetterWhoseItemWasTakenByGetNowaitKeepsItsPlaceInLine() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            List<String> log = new ArrayList<>();
            getterLogging(queue, log, "first");
            getterLogging(queue, log, "second");
            yieldOnce();
            queue.putNowait("1"); // wakes first
            assertThat(queue.getNowait()).isEqualTo("1"); // ...but this takes it
            yieldOnce(); // first resumes, finds nothing, waits again at the head
            queue.putNowait("2");
            yieldIterations(2);
            assertThat(log).containsExactly("first got 2");
        });
    }

    @Test
    void aJoinerCancelledWhileWaitingLeavesNoTrace() {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();
            queue.putNowait("x");
            Task<Void> joiner = Asyncio.createTask(queue::join);
            yieldOnce();
            joiner.cancel();
            yieldOnce();
            assertThat(joiner.isCancelled()).isTrue();
            assertThat(queue.waiting()).containsExactly(0, 0, 0);
        });
    }
}
