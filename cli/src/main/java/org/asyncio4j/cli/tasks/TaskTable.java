// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The table {@code ps} prints, laid out as Python 3.14's {@code python -m asyncio ps}: one row per task and awaiter. */
final class TaskTable {
    private static final String FORMAT = "%-10s %-20s %-20s %-50s %-50s %-15s %-15s";

    private TaskTable() {
    }

    static List<String> lines(List<TaskRow> tasks) {
        Map<String, TaskRow> byId = new HashMap<>();
        tasks.forEach(task -> byId.put(task.id(), task));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(FORMAT, "tid", "task id", "task name", "coroutine stack", "awaiter chain", "awaiter name", "awaiter id").stripTrailing());
        lines.add("-".repeat(180));
        for (TaskRow task : tasks) {
            if (task.awaiters().isEmpty()) {
                lines.add(row(task, "", "", "0"));
            }
            for (String awaiterId : task.awaiters()) {
                TaskRow awaiter = byId.get(awaiterId);
                lines.add(row(task, awaiter == null ? "" : awaiter.chain(), awaiter == null ? "Unknown" : awaiter.name(), awaiterId));
            }
        }
        return lines;
    }

    private static String row(TaskRow task, String awaiterChain, String awaiterName, String awaiterId) {
        return String.format(FORMAT, task.tid(), task.id(), task.name(), task.chain(), awaiterChain, awaiterName, awaiterId).stripTrailing();
    }
}
