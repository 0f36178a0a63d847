// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.asyncio4j.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class ShieldTest {

    @Test
    void cancellingTheOuterLeavesTheInnerRunning() {
        VirtualTime.run(() -> {
            Task<String> inner = Asyncio.createTask(() -> Asyncio.sleep(0.02, "saved"));
            Future<String> outer = Asyncio.shield(inner);
            assertThat(outer).isNotSameAs(inner);
            outer.cancel();
            assertThatThrownBy(outer::await).isInstanceOf(CancelledError.class);
            assertThat(inner.await()).isEqualTo("saved");
        });
    }

    @Test
    void cancellingTheAwaitingTaskLeavesTheInnerRunning() {
        VirtualTime.run(() -> {
            Task<String> inner = Asyncio.createTask(() -> Asyncio.sleep(0.02, "saved"));
            Task<String> waiter = Asyncio.createTask(() -> Asyncio.shield(inner).await());
            Asyncio.sleep(0);
            waiter.cancel();
            assertThatThrownBy(waiter::await).isInstanceOf(CancelledError.class);
            assertThat(inner.isCancelled()).isFalse();
            assertThat(inner.await()).isEqualTo("saved");
        });
    }

    @Test
    void theOuterFollowsTheInnersOutcome() {
        VirtualTime.run(() -> {
            assertThat(Asyncio.shield(() -> Asyncio.sleep(0.001, 42)).await()).isEqualTo(42);
            assertThatThrownBy(() -> Asyncio.shield(() -> {
                throw new IOException("inner failed");
            }).await()).isInstanceOf(IOException.class).hasMessage("inner failed");
        });
    }

    @Test
    void theInnerBeingCancelledCancelsTheOuter() {
        VirtualTime.run(() -> {
            Task<String> inner = Asyncio.createTask(() -> Asyncio.sleep(10, "x"));
            Future<String> outer = Asyncio.shield(inner);
            Asyncio.sleep(0);
            inner.cancel();
            assertThatThrownBy(outer::await).isInstanceOf(CancelledError.class);
            assertThat(outer.isCancelled()).isTrue();
        });
    }

    @Test
    void shieldOfAnAlreadyCancelledFutureIsThatFuture() {
        VirtualTime.run(() -> {
            Future<String> cancelled = Asyncio.getRunningLoop().createFuture();
            cancelled.cancel("gone");
            Future<String> shielded = Asyncio.shield(cancelled);
            assertThat(shielded).isSameAs(cancelled);
            assertThatThrownBy(shielded::await).isInstanceOf(CancelledError.class).hasMessage("gone");
        });
    }

    @Test
    void shieldOfADoneFutureIsThatFuture() {
        VirtualTime.run(() -> {
            Future<String> done = Asyncio.getRunningLoop().createFuture();
            done.setResult("r");
            assertThat(Asyncio.shield(done)).isSameAs(done);
        });
    }
}
