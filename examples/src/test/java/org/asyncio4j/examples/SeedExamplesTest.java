// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.asyncio4j.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each ported seed program prints the lines its seed shows, in the same order. */
@Timeout(60)
class SeedExamplesTest {
    private static final double FAST = 0.01; // seconds of the seeds become hundredths: same order, quicker test
    /**
     * For the programs whose order rests on delays scheduled one after another from a thread: a
     * loaded machine can stall that thread between two calls for longer than a hundredth of a
     * second (CPython would then swap them too), so these run at a tenth.
     */
    private static final double TIMER_ORDER = 0.1;

    @Test
    void helloRun() {
        long start = System.nanoTime();
        assertThat(Output.of(out -> HelloRun.run(out, 0.2))).containsExactly("hello");
        assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(0.19);
    }

    @Test
    void sequentialAwaitAndRunUntilCompletePrintTheSameLines() {
        List<String> expected = List.of(
                "Hello: 0", "work is done for 0", "Hello: 1", "work is done for 1", "Hello: 2", "work is done for 2",
                "Hello: 3", "work is done for 3", "Hello: 4", "work is done for 4");
        assertThat(Output.of(SequentialAwait::run)).isEqualTo(expected);
        assertThat(Output.of(RunUntilComplete::run)).isEqualTo(expected);
    }

    @Test
    void taskStates() {
        List<String> lines = Output.of(TaskStates::run);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("<Task pending name='Task-\\d+'>");
        assertThat(lines.get(1)).isEqualTo("Waiting:  2");
        assertThat(lines.get(2)).matches("<Task finished result=null name='Task-\\d+'>");
        assertThat(lines.get(3)).startsWith("TIME:  ");
    }

    @Test
    void doneCallback() {
        List<String> lines = Output.of(DoneCallback::run);
        assertThat(lines.subList(0, 3)).containsExactly("Waiting:  2", "Callback:  Done after 2s", "Callback: 2 Done after 2s");
        assertThat(lines.get(3)).startsWith("TIME:  ");
    }

    @Test
    void getHtml() {
        List<String> lines = Output.of(out -> GetHtml.run(out, FAST));
        assertThat(lines.get(0)).isEqualTo("start get url");
        assertThat(lines.get(1)).isEqualTo("end get url");
        assertThat(Double.parseDouble(lines.get(2))).isBetween(2 * FAST, 2.0);
        assertThat(lines.subList(3, lines.size())).containsExactly(
                "start get url", "红烧肉",
                "start get url", "http://www.imooc.com", "send email to 红烧肉", "红烧肉");
    }

    @Test
    void chainCoroutines() {
        assertThat(Output.of(out -> ChainCoroutines.run(out, FAST))).containsExactly("Compute 1 + 2 ...", "1 + 2 = 3");
    }

    @Test
    void callSoon() {
        assertThat(Output.of(SchedulingCallbacks::callSoon)).containsExactly("success time 2");
    }

    @Test
    void callLaterRunsByDelay() {
        assertThat(Output.of(out -> SchedulingCallbacks.callLater(out, TIMER_ORDER)))
                .containsExactly("success time 1", "success time 2", "success time 3");
    }

    @Test
    void callSoonRunsBeforeCallLaterAndCallAt() {
        List<String> expected = List.of("success time 4", "success time 1", "success time 2", "success time 3");
        assertThat(Output.of(out -> SchedulingCallbacks.callLaterAndCallSoon(out, TIMER_ORDER))).isEqualTo(expected);
        assertThat(Output.of(out -> SchedulingCallbacks.callAt(out, TIMER_ORDER))).isEqualTo(expected);
    }

    @Test
    void callSoonThreadsafe() {
        assertThat(Output.of(SchedulingCallbacks::callSoonThreadsafe)).containsExactly(
                "callback 1 from worker runs on the loop thread",
                "callback 2 from worker runs on the loop thread",
                "callback 3 from worker runs on the loop thread");
    }

    @Test
    void cancelOnInterruptCancelsThePendingTasks() throws Exception {
        try (ChildJvm child = ChildJvm.start(CancelOnInterrupt.class, true)) {
            child.awaitLine("do_some_work(1) is still active", 30);
            child.signal("INT");
            assertThat(child.waitFor(20)).isZero();
            List<String> lines = child.output();
            assertThat(lines.subList(0, 8)).containsExactly("start...",
                    "Hello do_some_work: 0", "Hello do_some_work: 1", "Hello do_some_work: 2",
                    "Hello do_some_work: 3", "Hello do_some_work: 4",
                    "do_some_work(0) is still active", "do_some_work(1) is still active");
            // the main task and the three sleeping workers are pending, and each cancel succeeds
            assertThat(lines.subList(8, 12)).allSatisfy(line -> assertThat(line).matches("cancelling the task Task-\\d+: true"));
            assertThat(lines.subList(12, 15)).containsExactly("task do_some_work(2) was canceled",
                    "task do_some_work(3) was canceled", "task do_some_work(4) was canceled");
            assertThat(lines.get(15)).startsWith("total run time:  ");
            assertThat(lines).hasSize(16);
        }
    }

    @Test
    void cancelOnInterruptWithoutInterruptPrintsEveryResult() {
        List<String> lines = Output.of(CancelOnInterrupt::run);
        assertThat(lines).contains("task result: work is done for 4");
    }
}
