// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.internal.carrier.Carriers;
import org.asyncio4j.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** On virtual time ({@link VirtualTime}) but for the one test of a real JDK call. */
class TimeoutTest {

    @Test
    void aBodyThatFinishesInTimeReturnsItsValue() {
        String result = VirtualTime.run(() -> Asyncio.timeout(Duration.ofSeconds(5), () -> Asyncio.sleep(0.01, "done")));
        assertThat(result).isEqualTo("done");
    }

    @Test
    void expiryThrowsTimeoutErrorAndLeavesTheTaskUncancelled() {
        VirtualTime.run(() -> {
            Timeout[] seen = new Timeout[1];
            assertThatThrownBy(() -> Asyncio.timeout(0.01, t -> {
                seen[0] = t;
                Asyncio.sleep(10);
                return null;
            })).isInstanceOf(TimeoutError.class).hasCauseInstanceOf(CancelledError.class);
            assertThat(seen[0].expired()).isTrue();
            Task<?> self = Asyncio.currentTask();
            assertThat(self.cancelling()).isZero();
            Asyncio.sleep(0.001); // the task goes on normally
        });
    }

    @Test
    void finallyBlocksRunBeforeTheTimeoutErrorArrives() {
        List<String> events = new ArrayList<>();
        VirtualTime.run(() -> {
            try {
                Asyncio.timeout(Duration.ofMillis(10), () -> {
                    try {
                        Asyncio.sleep(10);
                    } finally {
                        events.add("finally");
                    }
                });
            } catch (TimeoutError e) {
                events.add("timeout");
            }
        });
        assertThat(events).containsExactly("finally", "timeout");
    }

    @Test
    void rescheduleMovesTheDeadline() {
        VirtualTime.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            String result = Asyncio.timeout(0.01, t -> {
                t.reschedule(loop.time() + 5);
                Asyncio.sleep(0.05);
                return "survived";
            });
            assertThat(result).isEqualTo("survived");
            assertThatThrownBy(() -> Asyncio.timeout((Duration) null, t -> {
                assertThat(t.when()).isNull();
                t.reschedule(loop.time() + 0.01);
                Asyncio.sleep(10);
                return null;
            })).isInstanceOf(TimeoutError.class);
        });
    }

    @Test
    void reschedulingToThePastExpiresAtTheNextIteration() {
        VirtualTime.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            assertThatThrownBy(() -> Asyncio.timeout(10.0, t -> {
                t.reschedule(loop.time() - 1);
                Asyncio.sleep(0);
                Asyncio.sleep(0);
                return null;
            })).isInstanceOf(TimeoutError.class);
        });
    }

    @Test
    void anExpiredTimeoutCannotBeRescheduled() {
        VirtualTime.run(() -> {
            Timeout[] seen = new Timeout[1];
            try {
                Asyncio.timeout(0.001, t -> {
                    seen[0] = t;
                    return Asyncio.sleep(1, "x");
                });
            } catch (TimeoutError expected) {
                // fall through
            }
            assertThatThrownBy(() -> seen[0].reschedule(1.0)).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void aBodyThatSwallowsTheCancellationReturnsNormally() {
        VirtualTime.run(() -> {
            Timeout[] seen = new Timeout[1];
            String result = Asyncio.timeout(0.01, t -> {
                seen[0] = t;
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    return "caught";
                }
                return "never";
            });
            assertThat(result).isEqualTo("caught");
            assertThat(seen[0].expired()).isTrue();
            assertThat(Asyncio.currentTask().cancelling()).isZero();
        });
    }

    @Test
    void nestedTimeoutsRaiseOnlyFromTheOneThatExpired() {
        VirtualTime.run(() -> {
            // the inner one expires: the outer body sees TimeoutError and goes on
            String outer = Asyncio.timeout(5.0, () -> {
                try {
                    Asyncio.timeout(0.01, () -> Asyncio.sleep(10));
                    return "no";
                } catch (TimeoutError e) {
                    return "inner expired";
                }
            });
            assertThat(outer).isEqualTo("inner expired");
            // the outer one expires while the inner is running: the TimeoutError comes from the outer one
            List<String> events = new ArrayList<>();
            assertThatThrownBy(() -> Asyncio.timeout(0.01, () -> {
                try {
                    Asyncio.timeout(5.0, () -> Asyncio.sleep(10));
                } catch (TimeoutError e) {
                    events.add("inner raised");
                    throw e;
                } catch (CancelledError e) {
                    events.add("inner let the cancellation through");
                    throw e;
                }
            })).isInstanceOf(TimeoutError.class);
            assertThat(events).containsExactly("inner let the cancellation through");
        });
    }

    @Test
    void bothExpiringInTheSameIterationRaiseFromTheOuter() {
        VirtualTime.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            double when = loop.time() + 0.01;
            List<String> events = new ArrayList<>();
            assertThatThrownBy(() -> Asyncio.timeoutAt(when, () -> {
                try {
                    Asyncio.timeoutAt(when, () -> Asyncio.sleep(10));
                } catch (CancelledError e) {
                    events.add("inner: cancellation");
                    throw e;
                }
            })).isInstanceOf(TimeoutError.class);
            assertThat(events).containsExactly("inner: cancellation");
            assertThat(Asyncio.currentTask().cancelling()).isZero();
        });
    }

    @Test
    void anOuterCancellationRacingWithTheTimeoutStaysACancellation() {
        VirtualTime.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Task<Void> task = Asyncio.createTask(() -> Asyncio.timeout(0.02, () -> Asyncio.sleep(10)));
            // cancel from outside in the very iteration the deadline passes
            loop.callLater(0.02, () -> task.cancel("outside"));
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
            assertThat(task.isCancelled()).isTrue();
        });
    }

    @Test
    void anOuterCancellationBeforeTheDeadlineIsNotATimeout() {
        VirtualTime.run(() -> {
            Task<Void> task = Asyncio.createTask(() -> Asyncio.timeout(5.0, () -> Asyncio.sleep(10)));
            Asyncio.sleep(0);
            task.cancel();
            assertThatThrownBy(task::await).isInstanceOf(CancelledError.class);
        });
    }

    @Test
    void aBodyBlockedInAJdkCallIsInterruptedAndTimesOut() {
        // real time: on virtual time the clock waits for the JDK call, so the deadline would not come first
        if (Carriers.isPortable()) {
            // Portable mode: the blocking call holds the loop, so the timeout cannot fire before the body ends and
            // the body completes (CPython 3.13 does the same with time.sleep inside asyncio.timeout).
            Asyncio.run(() -> {
                assertThat(Asyncio.timeout(Duration.ofMillis(20), () -> {
                    Thread.sleep(200);
                    return "slept";
                })).isEqualTo("slept");
                assertThat(Asyncio.currentTask().cancelling()).isZero();
            });
            return;
        }
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Asyncio.timeout(Duration.ofMillis(20), () -> Thread.sleep(10_000)))
                    .isInstanceOf(TimeoutError.class).hasCauseInstanceOf(InterruptedException.class);
            assertThat(Asyncio.currentTask().cancelling()).isZero();
        });
    }

    @Test
    void outsideATaskItFailsClearly() {
        assertThatThrownBy(() -> Asyncio.timeout(1.0, () -> 1)).isInstanceOf(IllegalStateException.class);
    }
}
