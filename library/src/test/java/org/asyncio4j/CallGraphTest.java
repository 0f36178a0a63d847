// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallGraphTest {

    /** The names of the tasks in a graph, depth first. */
    private static List<String> taskNames(FutureCallGraph graph) {
        List<String> names = new java.util.ArrayList<>();
        collect(graph, names);
        return names;
    }

    private static void collect(FutureCallGraph graph, List<String> names) {
        names.add(graph.future() instanceof Task<?> task ? task.getName() : "future");
        graph.awaitedBy().forEach(waiter -> collect(waiter, names));
    }

    private static Void leaf(Future<Void> gate) throws Exception {
        return gate.await();
    }

    @Test
    void aDirectAwaitChainReachesTheOutermostTaskWithEachTasksOwnFrames() {
        Asyncio.run(() -> {
            Future<Void> gate = Asyncio.getRunningLoop().createFuture();
            Task<Void> inner = Asyncio.createTask(() -> leaf(gate), "inner");
            Task<Void> middle = Asyncio.createTask(() -> inner.await(), "middle");
            Task<Void> outer = Asyncio.createTask(() -> middle.await(), "outer");
            Asyncio.sleep(0);

            FutureCallGraph graph = Asyncio.captureCallGraph(gate);
            assertThat(taskNames(graph)).containsExactly("future", "inner", "middle", "outer");
            FutureCallGraph innerGraph = graph.awaitedBy().getFirst();
            assertThat(innerGraph.callStack()).isNotEmpty();
            assertThat(innerGraph.callStack().getFirst().getMethodName()).isEqualTo("leaf"); // machinery trimmed
            assertThat(innerGraph.callStack()).noneMatch(f -> f.getClassName().startsWith("java.")
                    || f.getClassName().equals(Future.class.getName()));
            gate.setResult(null);
            outer.await();
        });
    }

    @Test
    void gatherTaskGroupShieldAndWaitForLinkChildrenToTheTaskThatWaits() {
        Asyncio.run(() -> {
            Future<Void> gate = Asyncio.getRunningLoop().createFuture();
            AtomicReference<Task<Void>> inGroup = new AtomicReference<>();
            Task<Void> gathered = Asyncio.createTask(() -> leaf(gate), "gathered");
            Task<Void> shielded = Asyncio.createTask(() -> leaf(gate), "shielded");
            Task<Void> timed = Asyncio.createTask(() -> leaf(gate), "timed");
            Task<?> gatherer = Asyncio.createTask(() -> Asyncio.gather(gathered).await(), "gatherer");
            Task<?> grouper = Asyncio.createTask(() -> {
                TaskGroup.run(tg -> {
                    inGroup.set(tg.createTask(() -> leaf(gate), "member"));
                });
                return null;
            }, "grouper");
            Task<?> shielder = Asyncio.createTask(() -> Asyncio.shield(shielded).await(), "shielder");
            Task<?> waiter = Asyncio.createTask(() -> Asyncio.waitFor(timed, 60.0), "waiter");
            Asyncio.sleep(0);
            Asyncio.sleep(0);

            assertThat(taskNames(Asyncio.captureCallGraph(gathered))).containsExactly("gathered", "gatherer");
            assertThat(taskNames(Asyncio.captureCallGraph(inGroup.get()))).containsExactly("member", "grouper");
            assertThat(taskNames(Asyncio.captureCallGraph(shielded))).containsExactly("shielded", "shielder");
            assertThat(taskNames(Asyncio.captureCallGraph(timed))).containsExactly("timed", "waiter");
            FutureCallGraph group = Asyncio.captureCallGraph(inGroup.get()).awaitedBy().getFirst();
            assertThat(group.callStack().getFirst().getClassName()).isEqualTo(CallGraphTest.class.getName()); // TaskGroup.run trimmed

            gate.setResult(null);
            Asyncio.gather(gatherer, grouper, shielder, waiter).await();
            assertThat(Asyncio.captureCallGraph(gathered).awaitedBy()).isEmpty(); // done: nobody waits any more
        });
    }

    @Test
    void theCurrentTasksGraphStartsAtTheCaller() {
        Asyncio.run(() -> {
            Task<String> child = Asyncio.createTask(() -> {
                Asyncio.sleep(0);
                return Asyncio.formatCallGraph();
            }, "child");
            String text = child.await();
            String main = Asyncio.currentTask().getName();
            assertThat(text.lines().toList()).startsWith(
                    "* " + FutureCallGraph.label(child),
                    "  + Call stack:");
            assertThat(text).contains("  |   at " + CallGraphTest.class.getName() + ".lambda$");
            assertThat(text).doesNotContain("captureCallGraph", "getStackTrace");
            assertThat(text).contains("  + Awaited by:", "    * Task(name='" + main + "'");
        });
    }

    @Test
    void formatCutsStacksToTheLimitAndPrintWritesTheSameText() {
        Asyncio.run(() -> {
            Future<Void> gate = Asyncio.getRunningLoop().createFuture();
            Task<Void> task = Asyncio.createTask(() -> leaf(gate), "t");
            Asyncio.sleep(0);
            FutureCallGraph graph = Asyncio.captureCallGraph(task);
            int frames = graph.callStack().size();
            assertThat(frames).isGreaterThanOrEqualTo(2);
            assertThat(graph.format(1)).contains("leaf(").hasLineCount(3);
            assertThat(graph.format(-1)).doesNotContain("leaf(");
            assertThat(graph.format(0)).doesNotContain("Call stack");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Asyncio.printCallGraph(task, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(bytes.toString(StandardCharsets.UTF_8).strip()).isEqualTo(Asyncio.formatCallGraph(task).strip());
            gate.setResult(null);
        });
    }

    @Test
    void capturingFromAnotherThreadWhileTheLoopRunsIsRefusedAndOutsideATaskThereIsNoGraph() {
        assertThat(Asyncio.captureCallGraph()).isNull();
        Asyncio.run(() -> {
            Future<Void> future = Asyncio.getRunningLoop().createFuture();
            AtomicReference<Throwable> refused = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    Asyncio.captureCallGraph(future);
                } catch (Throwable t) {
                    refused.set(t);
                }
            });
            other.join();
            assertThat(refused.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("loop's thread");
        });
    }
}
