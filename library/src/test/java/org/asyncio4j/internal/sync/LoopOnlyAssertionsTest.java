// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.junit.jupiter.api.Test;

/** The loop-only internal methods assert their thread (tests run with -ea), as Netty asserts inEventLoop(). */
class LoopOnlyAssertionsTest {

    @Test
    void testsRunWithAssertionsEnabled() {
        assertThat(WaiterQueue.class.desiredAssertionStatus()).as("surefire runs the tests with -ea").isTrue();
    }

    @Test
    void aWaiterQueueTouchedFromAnotherThreadWhileItsLoopRunsFailsAnAssertion() {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            WaiterQueue queue = new WaiterQueue();
            queue.join(loop);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    queue.wakeNext();
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            other.join(); // parks this task, not the loop
            assertThat(thrown.get()).isInstanceOf(AssertionError.class).hasMessageContaining("loop-only");
            assertThat(queue.wakeNext()).as("on the loop it works").isTrue();
        });
    }
}
