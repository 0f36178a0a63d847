// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.internal.diag.TaskDiagnostics;

/**
 * The live loops of this JVM and their tasks as rows for {@link TaskDiagnostics} (what
 * {@code asyncio4j ps} reads). Keeping the set costs one weak-map insertion per loop.
 */
final class TaskTable {
    private static final Set<EventLoop> LOOPS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final long ANSWER_SECONDS = 2;

    private TaskTable() {
    }

    static void add(EventLoop loop) {
        LOOPS.add(loop);
    }

    static void remove(EventLoop loop) {
        LOOPS.remove(loop);
    }

    /** Every loop's rows, each read on its own thread while it runs (its tasks are confined to it). */
    static String[] snapshot() {
        List<EventLoop> loops;
        synchronized (LOOPS) {
            loops = List.copyOf(LOOPS);
        }
        List<String> rows = new ArrayList<>();
        for (EventLoop loop : loops) {
            rows.addAll(rowsOf(loop));
        }
        return rows.toArray(String[]::new);
    }

    private static List<String> rowsOf(EventLoop loop) {
        if (!loop.isRunning()) {
            return read(loop);
        }
        CompletableFuture<List<String>> answer = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> answer.complete(read(loop)));
            return answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (Exception notAnswering) {
            return List.of(row("loop", "-", loop + " (did not answer within " + ANSWER_SECONDS + " s: a callback or task holds its thread)"));
        }
    }

    private static List<String> read(EventLoop loop) {
        String tid = loop.isRunning() ? Long.toString(Thread.currentThread().threadId()) : "-"; // running: we are on its thread
        List<String> rows = new ArrayList<>();
        rows.add(row("loop", tid, loop.toString()));
        for (Task<?> task : loop.allTasks()) {
            StringJoiner awaiters = new StringJoiner(",");
            for (Task<?> awaiter : awaitingTasks(task)) {
                awaiters.add(id(awaiter));
            }
            List<String> fields = new ArrayList<>(List.of("task", tid, id(task), task.getName(), awaiters.toString()));
            for (StackTraceElement frame : TaskFrames.of(task)) {
                String className = frame.getClassName();
                fields.add(className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName());
                fields.add(frame.getFileName() == null ? "" : frame.getFileName() + ":" + frame.getLineNumber());
            }
            rows.add(row(fields.toArray(String[]::new)));
        }
        return rows;
    }

    /** The tasks waiting for {@code future}, looking through plain futures (a shield's outer, a gather) to the tasks behind them. */
    private static Set<Task<?>> awaitingTasks(Future<?> future) {
        Set<Task<?>> tasks = new LinkedHashSet<>();
        collect(future, tasks, new LinkedHashSet<>());
        return tasks;
    }

    private static void collect(Future<?> future, Set<Task<?>> tasks, Set<Future<?>> seen) {
        for (Future<?> waiter : future.awaitedBy()) {
            if (waiter instanceof Task<?> task) {
                tasks.add(task);
            } else if (seen.add(waiter)) {
                collect(waiter, tasks, seen);
            }
        }
    }

    private static String id(Task<?> task) {
        Thread thread = task.getThread();
        return thread == null ? "0" : Long.toString(thread.threadId());
    }

    private static String row(String... fields) {
        StringJoiner row = new StringJoiner("\t");
        for (String field : fields) {
            row.add(field.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        }
        return row.toString();
    }
}
