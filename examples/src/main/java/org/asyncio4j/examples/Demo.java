// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the ported seed programs one after another, each under a short heading with its wall time.
 *
 * {@snippet :
 * // ./asyncio4j demo              every program
 * // ./asyncio4j demo call-later   just one
 * Demo.main(new String[] {"call-later"});
 * }
 */
public final class Demo {
    /**
     * A program of the tour: what it shows, the seed it comes from, and how to run it.
     *
     * @param title one line saying what the program shows
     * @param seed the number of the seed document it is ported from, or null for a program beyond asyncio
     * @param body runs the program, printing to the stream given to {@link #programs}
     */
    public record Program(String title, String seed, Runnable body) {
    }

    private Demo() {
    }

    /** Every program of the tour by name, in tour order; each prints to {@code out}. */
    public static Map<String, Program> programs(PrintStream out) {
        Map<String, Program> programs = new LinkedHashMap<>();
        programs.put("hello", new Program("asyncio.run: sleep one second, then print", "003",
                () -> HelloRun.run(out, 1.0)));
        programs.put("sequential-await", new Program("await one coroutine after another", "000",
                () -> SequentialAwait.run(out)));
        programs.put("run-until-complete", new Program("a new event loop and run_until_complete", "000",
                () -> RunUntilComplete.run(out)));
        programs.put("task-states", new Program("a task is pending, then finished", "001",
                () -> TaskStates.run(out)));
        programs.put("done-callback", new Program("done callbacks, one with an extra argument", "001",
                () -> DoneCallback.run(out)));
        programs.put("get-html", new Program("a two-second 'download', its result, and a callback", "002",
                () -> GetHtml.run(out, 1.0)));
        programs.put("chain-coroutines", new Program("a coroutine awaiting another (print_sum -> compute)", "002",
                () -> ChainCoroutines.run(out, 1.0)));
        programs.put("call-soon", new Program("call_soon, then stop the loop", "002",
                () -> SchedulingCallbacks.callSoon(out)));
        programs.put("call-later", new Program("call_later runs by delay: 1, 2, 3", "002",
                () -> SchedulingCallbacks.callLater(out, 1.0)));
        programs.put("call-later-and-soon", new Program("call_soon before every call_later: 4, 1, 2, 3", "002",
                () -> SchedulingCallbacks.callLaterAndCallSoon(out, 1.0)));
        programs.put("call-at", new Program("call_at on the loop's clock: 4, 1, 2, 3", "002",
                () -> SchedulingCallbacks.callAt(out, 1.0)));
        programs.put("call-soon-threadsafe", new Program("another thread hands callbacks to the loop", "002",
                () -> SchedulingCallbacks.callSoonThreadsafe(out)));
        programs.put("ten-downloads-wait", new Program("ten two-second downloads with asyncio.wait: about 2 s in all", "002",
                () -> TenDownloadsWithWait.run(out)));
        programs.put("ten-downloads-gather", new Program("the same ten downloads with gather", "002",
                () -> TenDownloadsWithGather.run(out)));
        programs.put("gather-groups", new Program("gather in groups; cancel one group", "002",
                () -> GatherGroups.run(out)));
        programs.put("factorial-gather", new Program("three factorials interleaved by gather", "003",
                () -> FactorialGather.run(out)));
        programs.put("running-together", new Program("cheat sheet: gather, wait, as_completed, wait_for, shield, async generators", "004",
                () -> CheatSheetTogether.run(out)));
        programs.put("semaphore", new Program("a semaphore limits how many run at once", "004",
                () -> SemaphoreLimit.run(out)));
        programs.put("event", new Program("an event wakes every waiter", "004", () -> EventSignal.run(out)));
        programs.put("condition", new Program("a condition wakes waiters one or all", "004", () -> ConditionNotify.run(out)));
        programs.put("lock", new Program("a lock keeps a read-modify-write whole", "004", () -> LockCounter.run(out)));
        programs.put("queue", new Program("queue basics: put, get, full, empty", "004", () -> QueueBasics.run(out)));
        programs.put("worker-pool", new Program("workers consume a queue; join waits for all items", "004",
                () -> WorkerPool.run(out)));
        programs.put("streams", new Program("start_server, open_connection, readline, write, drain, close", "004",
                () -> StreamSnippets.run(out, 0)));
        programs.put("echo", new Program("an echo server and its client, both tasks of one loop", "004",
                () -> EchoPair.run(out)));
        programs.put("subprocesses", new Program("create_subprocess_exec, _shell, communicate, terminate", "004",
                () -> SubprocessSnippets.run(out)));
        programs.put("every-core", new Program("one echo server over a group of loops, its connections spread over them", null,
                () -> EchoEveryCore.run(out)));
        programs.put("cancel-on-interrupt", new Program("press Ctrl+C within 4 s: pending tasks are cancelled", "000",
                () -> CancelOnInterrupt.run(out)));
        return programs;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Map<String, Program> programs = programs(out);
        if (args.length > 0 && !programs.containsKey(args[0])) {
            System.err.println("unknown demo '" + args[0] + "'; choose one of: " + String.join(", ", programs.keySet()));
            System.exit(2);
        }
        for (Map.Entry<String, Program> entry : programs.entrySet()) {
            if (args.length == 0 || args[0].equals(entry.getKey())) {
                show(out, entry.getKey(), entry.getValue());
            }
        }
    }

    /** Runs one program under its heading, then prints the wall time it took. */
    public static void show(PrintStream out, String name, Program program) {
        out.printf("%n=== %s — %s (%s) ===%n", name, program.title(),
                program.seed() == null ? "beyond asyncio" : "seed " + program.seed());
        long start = System.nanoTime();
        program.body().run();
        out.printf("--- %.2f s%n", (System.nanoTime() - start) / 1e9);
    }
}
