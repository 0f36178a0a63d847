// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A loop's unfinished tasks in creation order. The links live in the tasks themselves, so
 * tracking a task allocates nothing (a hash-set entry per task would cost 40 bytes of every
 * idle task). Loop thread only.
 */
final class TaskList {
    private Task<?> head;
    private Task<?> tail;

    void add(Task<?> task) {
        task.previousTask = tail;
        task.nextTask = null;
        if (tail == null) {
            head = task;
        } else {
            tail.nextTask = task;
        }
        tail = task;
    }

    void remove(Task<?> task) {
        if (task.previousTask == null && head != task) {
            return; // not listed
        }
        if (task.previousTask == null) {
            head = task.nextTask;
        } else {
            task.previousTask.nextTask = task.nextTask;
        }
        if (task.nextTask == null) {
            tail = task.previousTask;
        } else {
            task.nextTask.previousTask = task.previousTask;
        }
        task.previousTask = null;
        task.nextTask = null;
    }

    boolean isEmpty() {
        return head == null;
    }

    /** A copy, safe to iterate while tasks finish. */
    List<Task<?>> snapshot() {
        List<Task<?>> copy = new ArrayList<>();
        for (Task<?> task = head; task != null; task = task.nextTask) {
            copy.add(task);
        }
        return copy;
    }
}
