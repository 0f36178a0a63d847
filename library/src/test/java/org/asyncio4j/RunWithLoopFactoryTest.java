// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunWithLoopFactoryTest {

    @Test
    void runsMainOnTheFactorysLoopAndClosesIt() {
        AtomicReference<EventLoop> made = new AtomicReference<>();
        String result = Asyncio.run(() -> {
            assertThat(Asyncio.getRunningLoop()).isSameAs(made.get());
            assertThat(Asyncio.getRunningLoop().getEagerTasks()).isTrue();
            return "done";
        }, () -> {
            EventLoop loop = Asyncio.newEventLoop();
            loop.setEagerTasks(true);
            made.set(loop);
            return loop;
        });
        assertThat(result).isEqualTo("done");
        assertThat(made.get().isClosed()).isTrue();
    }

    @Test
    void aFactoryThatGivesNoFreshLoopIsRefused() {
        assertThatThrownBy(() -> Asyncio.run(() -> 1, () -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loop factory");
        EventLoop closed = Asyncio.newEventLoop();
        closed.close();
        assertThatThrownBy(() -> Asyncio.run(() -> 1, () -> closed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not <EventLoop");
    }
}
