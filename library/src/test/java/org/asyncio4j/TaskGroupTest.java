// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class TaskGroupTest {

    @Test
    void runWaitsForEveryChildAndReturnsTheBlocksValue() {
        List<String> events = new ArrayList<>();
        String result = VirtualTime.run(() -> TaskGroup.run(tg -> {
            tg.createTask(() -> {
                Asyncio.sleep(0.02);
                events.add("slow");
            });
            tg.createTask(() -> events.add("fast"));
            return "block";
        }));
        assertThat(result).isEqualTo("block");
        assertThat(events).containsExactly("fast", "slow");
    }

    @Test
    void theFirstFailureCancelsSiblingsAndTheBlock() {
        List<String> events = new ArrayList<>();
        VirtualTime.run(() -> {
            assertThatThrownBy(() -> TaskGroup.run(tg -> {
                Task<Void> sibling = tg.createTask(() -> {
                    try {
                        Asyncio.sleep(10);
                    } catch (CancelledError e) {
                        events.add("sibling cancelled");
                        throw e;
                    }
                });
                tg.createTask(() -> {
                    Asyncio.sleep(0.01);
                    throw new IOException("child failed");
                });
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    events.add("block cancelled");
                    throw e;
                }
                return sibling;
            })).isInstanceOfSatisfying(ExceptionGroup.class, group -> {
                assertThat(group.exceptions()).hasSize(1);
                assertThat(group.exceptions().get(0)).isInstanceOf(IOException.class).hasMessage("child failed");
                assertThat(group.getMessage()).isEqualTo("unhandled errors in a TaskGroup (1 sub-exception)");
            });
            // the group's own cancellation of this task was withdrawn: it goes on normally
            assertThat(Asyncio.currentTask().cancelling()).isZero();
            Asyncio.sleep(0.001);
        });
        assertThat(events).containsExactlyInAnyOrder("sibling cancelled", "block cancelled");
    }

    @Test
    void everyFailureIsListedCancellationsAreNot() {
        VirtualTime.run(() -> {
            assertThatThrownBy(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    throw new IOException("one");
                });
                tg.createTask(() -> {
                    throw new IllegalStateException("two");
                });
                tg.createTask(() -> Asyncio.sleep(10));
            })).isInstanceOfSatisfying(ExceptionGroup.class, group -> {
                assertThat(group.exceptions()).extracting(Throwable::getMessage).containsExactly("one", "two");
                assertThat(group.subgroup(IOException.class).exceptions()).hasSize(1);
                assertThat(group.subgroup(ArithmeticException.class)).isNull();
            });
        });
    }

    @Test
    void theBlocksOwnExceptionJoinsTheGroup() {
        VirtualTime.run(() -> {
            List<Task<Void>> children = new ArrayList<>();
            assertThatThrownBy(() -> TaskGroup.run((TaskGroup.VoidBody) tg -> { // a block that only throws fits both forms
                children.add(tg.createTask(() -> Asyncio.sleep(10)));
                throw new IllegalArgumentException("block failed");
            })).isInstanceOfSatisfying(ExceptionGroup.class, group ->
                    assertThat(group.exceptions()).extracting(Throwable::getMessage).containsExactly("block failed"));
            assertThat(children.get(0).isCancelled()).isTrue();
        });
    }

    @Test
    void cancellingTheRunningTaskCancelsTheChildrenAndPropagates() {
        List<String> events = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Void> parent = Asyncio.createTask(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    try {
                        Asyncio.sleep(10);
                    } finally {
                        Asyncio.sleep(0.01); // slow cleanup: the group waits for it
                        events.add("child cleaned up");
                    }
                });
                Asyncio.sleep(10);
            }));
            Asyncio.sleep(0.001);
            parent.cancel();
            assertThatThrownBy(parent::await).isInstanceOf(CancelledError.class);
            events.add("parent done");
        });
        assertThat(events).containsExactly("child cleaned up", "parent done");
    }

    @Test
    void cancellingWhileTheGroupWaitsForItsChildrenAlsoPropagates() {
        VirtualTime.run(() -> {
            Task<Void> parent = Asyncio.createTask(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> Asyncio.sleep(10));
            }));
            Asyncio.sleep(0.001);
            parent.cancel();
            assertThatThrownBy(parent::await).isInstanceOf(CancelledError.class);
            assertThat(parent.isCancelled()).isTrue();
        });
    }

    @Test
    void aChildFailingWhileTheParentIsBeingCancelledRaisesTheGroupAndKeepsTheCancellation() {
        VirtualTime.run(() -> {
            Task<?>[] self = new Task<?>[1];
            List<Object> seen = new ArrayList<>();
            Task<Void> parent = Asyncio.createTask(() -> {
                self[0] = Asyncio.currentTask();
                try {
                    TaskGroup.run(tg -> {
                        tg.createTask(() -> {
                            try {
                                Asyncio.sleep(10);
                            } catch (CancelledError cancelled) {
                                throw new IOException("failed while cancelled");
                            }
                        });
                        Asyncio.sleep(10);
                    });
                } catch (ExceptionGroup group) {
                    seen.add(group.exceptions().get(0).getMessage());
                    seen.add(self[0].cancelling());
                }
                Asyncio.sleep(0); // the outside cancellation is still pending: it lands here
                seen.add("not reached");
            });
            Asyncio.sleep(0.001);
            parent.cancel();
            assertThatThrownBy(parent::await).isInstanceOf(CancelledError.class);
            assertThat(seen).containsExactly("failed while cancelled", 1);
        });
    }

    @Test
    void nestedGroupsPropagateOutward() {
        VirtualTime.run(() -> {
            assertThatThrownBy(() -> TaskGroup.run(outer -> {
                outer.createTask(() -> Asyncio.sleep(10));
                TaskGroup.run(inner -> {
                    inner.createTask(() -> {
                        throw new IOException("deep");
                    });
                });
            })).isInstanceOfSatisfying(ExceptionGroup.class, group -> {
                assertThat(group.exceptions()).hasSize(1);
                assertThat(group.exceptions().get(0)).isInstanceOfSatisfying(ExceptionGroup.class,
                        inner -> assertThat(inner.exceptions().get(0)).hasMessage("deep"));
                assertThat(group.subgroup(IOException.class).exceptions().get(0)).isInstanceOf(ExceptionGroup.class);
            });
        });
    }

    @Test
    void aFinishedGroupRefusesNewTasks() {
        VirtualTime.run(() -> {
            TaskGroup[] kept = new TaskGroup[1];
            TaskGroup.run(tg -> {
                kept[0] = tg;
            });
            assertThatThrownBy(() -> kept[0].createTask(() -> 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("finished");
        });
    }

    @Test
    void aGroupShuttingDownRefusesNewTasks() {
        VirtualTime.run(() -> {
            List<Throwable> refused = new ArrayList<>();
            assertThatThrownBy(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    throw new IOException("x");
                });
                tg.createTask(() -> {
                    try {
                        Asyncio.sleep(10);
                    } finally {
                        try {
                            tg.createTask(() -> 1);
                        } catch (IllegalStateException e) {
                            refused.add(e);
                        }
                    }
                });
            })).isInstanceOf(ExceptionGroup.class);
            assertThat(refused).singleElement().extracting(Throwable::getMessage).asString().contains("shutting down");
        });
    }

    @Test
    void anErrorThatIsNotAnExceptionEscapesAsItself() {
        VirtualTime.run(() -> {
            assertThatThrownBy(() -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    throw new KeyboardInterrupt();
                });
            })).isInstanceOf(KeyboardInterrupt.class);
        });
    }

    @Test
    void aTimeoutAroundAGroupStillTimesOut() {
        VirtualTime.run(() -> {
            assertThatThrownBy(() -> Asyncio.timeout(0.01, () -> TaskGroup.run(tg -> {
                tg.createTask(() -> Asyncio.sleep(10));
            }))).isInstanceOf(TimeoutError.class);
            assertThat(Asyncio.currentTask().cancelling()).isZero();
        });
    }

    @Test
    void outsideATaskItFailsClearly() {
        assertThatThrownBy(() -> TaskGroup.run(tg -> {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a task");
    }
}
