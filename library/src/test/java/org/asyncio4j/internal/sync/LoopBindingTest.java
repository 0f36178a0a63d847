// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.asyncio4j.Asyncio;
import org.asyncio4j.queues.Queue;
import org.asyncio4j.sync.Barrier;
import org.asyncio4j.sync.BoundedSemaphore;
import org.asyncio4j.sync.Condition;
import org.asyncio4j.sync.Event;
import org.asyncio4j.sync.Lock;
import org.asyncio4j.sync.Semaphore;
import org.junit.jupiter.api.Test;

/** Every primitive and queue serves one loop and says so when used from elsewhere. */
class LoopBindingTest {

    /** One call per type, each touching its state; made fresh so that each binds on first use. */
    private static Map<String, Runnable> firstUses() {
        Lock lock = new Lock();
        Semaphore semaphore = new BoundedSemaphore(1);
        Event event = new Event();
        Condition condition = new Condition();
        Barrier barrier = new Barrier(1);
        Queue<String> queue = new Queue<>();
        Map<String, Runnable> uses = new LinkedHashMap<>();
        uses.put("Lock.acquire", lock::acquire);
        uses.put("Semaphore.acquire", semaphore::acquire);
        uses.put("Event.set", event::set);
        uses.put("Condition.acquire", condition::acquire);
        uses.put("Barrier.reset", barrier::reset);
        uses.put("Queue.putNowait", () -> queue.putNowait("x"));
        return uses;
    }

    @Test
    void everyTypeRefusesAThreadThatIsNotRunningALoop() throws Exception {
        for (var use : firstUses().entrySet()) {
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    use.getValue().run();
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            });
            assertThat(failure.get()).as(use.getKey()).isNotNull().hasMessageContaining("outside an event loop");
        }
    }

    @Test
    void everyTypeRefusesASecondLoopAfterBindingToTheFirst() {
        Map<String, Runnable> uses = firstUses();
        Asyncio.run(() -> uses.values().forEach(Runnable::run));
        Asyncio.run(() -> {
            for (var use : uses.entrySet()) {
                assertThatThrownBy(use.getValue()::run).as(use.getKey()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("bound to");
            }
        });
    }

    @Test
    void waitingMethodsRefuseAPlainCallbackButNonWaitingOnesWork() {
        Asyncio.run(() -> {
            Event event = new Event();
            Barrier barrier = new Barrier(2);
            var outcome = Asyncio.getRunningLoop().<String>createFuture();
            Asyncio.getRunningLoop().callSoon(() -> {
                event.set(); // fine from a callback
                try {
                    event.await();
                    outcome.setResult("await worked");
                } catch (IllegalStateException e) {
                    outcome.setResult(e.getMessage());
                }
            });
            assertThat(outcome.await()).contains("Event.await()").contains("only a task can wait");
            Asyncio.getRunningLoop().callSoon(barrier::abort);
            Asyncio.sleep(0);
            assertThat(barrier.isBroken()).isTrue();
        });
    }
}
