// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who awaits a future, all the way up: the future, its own frames if it is a task, and the
 * graphs of the futures and tasks that wait for it. asyncio's {@code FutureCallGraph} (Python
 * 3.14); {@link Asyncio#captureCallGraph} makes one.
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Task<Void> child = Asyncio.createTask(() -> Asyncio.sleep(1), "child");
 *     Asyncio.createTask(() -> {
 *         Asyncio.sleep(0.1);
 *         Asyncio.printCallGraph(child); // child, awaited by Task-1 (this run's main task)
 *     });
 *     child.await();
 * });
 * }
 *
 * <p>Waiting is seen through {@link Future#await()}, {@link Asyncio#gather}, {@link TaskGroup},
 * {@link Asyncio#shield} and {@link Asyncio#waitFor}; a task that waits through a plain done
 * callback is not seen.
 *
 * @param future the future or task
 * @param callStack a task's own frames, innermost first (library and JDK machinery left out);
 *     empty for a plain future or a task that is done
 * @param awaitedBy the graphs of the futures and tasks waiting for {@code future}
 */
public record FutureCallGraph(Future<?> future, List<StackTraceElement> callStack, List<FutureCallGraph> awaitedBy) {
    /**
     * Checks the parts and keeps unmodifiable copies of the lists.
     *
     * @throws NullPointerException if {@code future} or a list is null, or a list contains null
     */
    public FutureCallGraph {
        Objects.requireNonNull(future, "future");
        callStack = copyWithoutNulls(callStack, "callStack");
        awaitedBy = copyWithoutNulls(awaitedBy, "awaitedBy");
    }

    /** The graph of {@code future}; runs on its loop's thread, or anywhere while the loop is not running. */
    static FutureCallGraph capture(Future<?> future) {
        Objects.requireNonNull(future, "captureCallGraph needs the future to start from");
        if (future.loop.isRunning() && !future.loop.core().inLoop()) {
            throw new IllegalStateException("captureCallGraph() reads the loop's tasks: call it on the loop's thread"
                    + " (from a task or callback), or from another thread through runCoroutineThreadsafe");
        }
        return capture(future, new LinkedHashSet<>());
    }

    private static FutureCallGraph capture(Future<?> future, Set<Future<?>> path) {
        path.add(future);
        List<StackTraceElement> frames = future instanceof Task<?> task ? TaskFrames.of(task) : List.of();
        List<FutureCallGraph> waiters = new ArrayList<>();
        for (Future<?> waiter : future.awaitedBy()) {
            if (!path.contains(waiter)) { // tasks that await each other would otherwise loop here
                waiters.add(capture(waiter, path));
            }
        }
        path.remove(future);
        return new FutureCallGraph(future, frames, waiters);
    }

    /** {@return the graph as 3.14's {@code format_call_graph} lays it out, with every frame} */
    public String format() {
        return format(Integer.MAX_VALUE);
    }

    /**
     * The graph as text, each call stack cut to at most {@code |limit|} frames: the innermost
     * ones if {@code limit} is positive, the outermost if negative; {@code 0} leaves stacks out.
     *
     * @param limit how many frames of each call stack to show, and from which end
     * @return one line per future and per frame, indented by depth, without a final newline
     */
    public String format(int limit) {
        StringBuilder text = new StringBuilder();
        render(this, 0, limit, text);
        text.setLength(text.length() - 1);
        return text.toString();
    }

    private static void render(FutureCallGraph graph, int level, int limit, StringBuilder text) {
        String indent = "    ".repeat(level);
        text.append(indent).append("* ").append(label(graph.future)).append('\n');
        List<StackTraceElement> frames = cut(graph.callStack, limit);
        if (!frames.isEmpty()) {
            text.append(indent).append("  + Call stack:\n");
            for (StackTraceElement frame : frames) {
                text.append(indent).append("  |   at ").append(TaskFrames.describe(frame)).append('\n');
            }
        }
        if (!graph.awaitedBy.isEmpty()) {
            text.append(indent).append("  + Awaited by:\n");
            for (FutureCallGraph waiter : graph.awaitedBy) {
                render(waiter, level + 1, limit, text);
            }
        }
    }

    private static List<StackTraceElement> cut(List<StackTraceElement> frames, int limit) {
        int keep = Math.min(frames.size(), limit == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(limit));
        return limit >= 0 ? frames.subList(0, keep) : frames.subList(frames.size() - keep, frames.size());
    }

    /** {@code Task(name='worker', id=37)} with the thread id thread dumps show, or {@code Future(id=0x1b6d3586)}. */
    static String label(Future<?> future) {
        if (future instanceof Task<?> task) {
            Thread thread = task.getThread();
            return "Task(name='" + task.getName() + "', id=" + (thread == null ? "none" : thread.threadId()) + ")";
        }
        return "Future(id=0x" + Integer.toHexString(System.identityHashCode(future)) + ")";
    }

    private static <E> List<E> copyWithoutNulls(List<E> list, String name) {
        Objects.requireNonNull(list, name);
        for (E element : list) {
            Objects.requireNonNull(element, () -> name + " contains null");
        }
        return List.copyOf(list);
    }
}
