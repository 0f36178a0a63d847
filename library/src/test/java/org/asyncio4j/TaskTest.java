// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TaskTest {

    @Test
    void tasksAreNamedTaskNInCreationOrderUnlessNamed() {
        Asyncio.run(() -> {
            Task<Void> a = Asyncio.createTask(() -> { });
            Task<Void> b = Asyncio.createTask(() -> { });
            Task<Void> named = Asyncio.createTask(() -> { }, "worker");
            int na = Integer.parseInt(a.getName().substring("Task-".length()));
            assertThat(b.getName()).isEqualTo("Task-" + (na + 1));
            assertThat(named.getName()).isEqualTo("worker");
            named.setName("renamed");
            assertThat(named.getName()).isEqualTo("renamed");
            assertThat(named.getThread().getName()).isEqualTo("renamed");
        });
    }

    @Test
    void aTaskIsAVirtualThreadRunningOnTheLoop() {
        Asyncio.run(() -> {
            Thread me = Thread.currentThread();
            assertThat(me.isVirtual()).isTrue();
            assertThat(Asyncio.currentTask().getThread()).isSameAs(me);
            assertThat(me.getName()).isEqualTo(Asyncio.currentTask().getName());
        });
    }

    @Test
    void chainedCoroutinesArePlainCalls() {
        // seed 002 "chain coroutines": print_sum awaits compute
        List<String> out = new ArrayList<>();
        Asyncio.run(() -> {
            out.add("Compute 1 + 2 ...");
            int result = compute(1, 2);
            out.add("1 + 2 = " + result);
        });
        assertThat(out).containsExactly("Compute 1 + 2 ...", "1 + 2 = 3");
    }

    private static int compute(int x, int y) {
        Asyncio.sleep(0.01);
        return x + y;
    }

    @Test
    void concurrentSleepsOverlap() {
        long start = System.nanoTime();
        Asyncio.run(() -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(Asyncio.createTask(() -> Asyncio.sleep(0.2)));
            }
            for (Task<Void> task : tasks) {
                task.await();
            }
        });
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
    }

    @Test
    void taskExceptionPropagatesToTheAwaiter() {
        assertThatThrownBy(() -> Asyncio.run(() -> {
            Task<Void> failing = Asyncio.createTask(() -> {
                throw new IllegalArgumentException("bad input");
            });
            failing.await();
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
    }

    @Test
    void aTaskCannotAwaitItself() {
        Throwable failure = Asyncio.run(() -> {
            try {
                Asyncio.currentTask().await();
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertThat(failure).hasMessageContaining("awaits itself");
    }

    @Test
    void awaitingAFutureOfAnotherLoopFailsClearly() {
        try (EventLoop other = Asyncio.newEventLoop()) {
            Future<String> foreign = other.createFuture();
            assertThatThrownBy(() -> Asyncio.run(() -> foreign.await()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("different event loop");
        }
    }

    @Test
    void tasksRefuseSetResultAndSetException() {
        Asyncio.run(() -> {
            Task<String> task = Asyncio.createTask(() -> "x");
            assertThatThrownBy(() -> task.setResult("y")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> task.setException(new RuntimeException()))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(task.await()).isEqualTo("x");
        });
    }

    @Test
    void currentTaskAndAllTasks() {
        Asyncio.run(() -> {
            Task<?> main = Asyncio.currentTask();
            Future<Void> gate = Asyncio.getRunningLoop().createFuture();
            Task<Void> waiter = Asyncio.createTask(() -> gate.await());
            assertThat(Asyncio.allTasks()).containsExactly(main, waiter);
            gate.setResult(null);
            waiter.await();
            assertThat(Asyncio.allTasks()).containsExactly(main);
        });
        assertThat(Asyncio.currentTask()).isNull();
    }

    @Test
    void getStackShowsWhereASuspendedTaskWaits() {
        Asyncio.run(() -> {
            Task<Void> sleeper = Asyncio.createTask(TaskTest::sleepingHelper);
            Asyncio.sleep(0.01);
            assertThat(sleeper.getStack()).anySatisfy(frame ->
                    assertThat(frame.getMethodName()).isEqualTo("sleepingHelper"));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            sleeper.printStack(new java.io.PrintStream(bytes, true));
            assertThat(bytes.toString()).contains("Stack for <Task pending").contains("sleepingHelper");
            sleeper.cancel();
        });
    }

    private static void sleepingHelper() {
        Asyncio.sleep(10);
    }

    @Test
    void createTaskOutsideARunningLoopFailsClearly() {
        assertThatThrownBy(() -> Asyncio.createTask(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop");
        assertThatThrownBy(() -> Asyncio.sleep(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a task");
    }

    @Test
    void asyncioRunInsideARunningLoopIsRefused() {
        assertThatThrownBy(() -> Asyncio.run(() -> Asyncio.run(() -> 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("running event loop");
    }

    @Test
    void getEventLoopGivesTheRunningLoopOrThisThreadsOwn() {
        EventLoop mine = Asyncio.getEventLoop();
        try {
            assertThat(Asyncio.getEventLoop()).isSameAs(mine);
            assertThat(mine.runUntilComplete(() -> Asyncio.getEventLoop() == Asyncio.getRunningLoop())).isTrue();
            EventLoop other = Asyncio.newEventLoop();
            Asyncio.setEventLoop(other);
            assertThat(Asyncio.getEventLoop()).isSameAs(other);
            other.close();
            EventLoop fresh = Asyncio.getEventLoop(); // a closed current loop is replaced
            assertThat(fresh).isNotSameAs(other);
            assertThat(fresh.isClosed()).isFalse();
            fresh.close();
        } finally {
            mine.close();
            Asyncio.setEventLoop(null);
        }
    }

    @Test
    void ensureFutureWrapsCoroutinesAndPassesFuturesThrough() {
        Asyncio.run(() -> {
            Task<String> task = Asyncio.ensureFuture(() -> "wrapped");
            assertThat(task.getCoro()).isNotNull();
            assertThat(task.await()).isEqualTo("wrapped");
            Future<String> future = Asyncio.getRunningLoop().createFuture();
            assertThat(Asyncio.ensureFuture(future)).isSameAs(future);
        });
    }

    @Test
    void tasksCreatedBeforeTheLoopRunsStartWhenItDoes() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Task<String> task = loop.createTask(() -> "early");
            assertThat(task.isDone()).isFalse();
            assertThat(loop.runUntilComplete(task)).isEqualTo("early");
        }
    }
}
