// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree {@code pstree} prints, as Python 3.14's {@code python -m asyncio pstree}: each task
 * that nobody awaits is a root; under an awaiting task come its frames, outermost first, and
 * under the frame where it waits, the tasks it awaits. A task that awaits no task shows its own
 * frames. Frames shared by several awaited tasks are drawn once.
 */
final class AwaitTree {
    /** The await graph has a cycle (tasks awaiting each other): no tree can be drawn. {@link #cycles} holds task names. */
    static final class CycleException extends Exception {
        final List<List<String>> cycles;

        CycleException(List<List<String>> cycles) {
            super("the await graph contains cycles");
            this.cycles = cycles;
        }
    }

    private static final class Node {
        final String label;
        final List<Node> children = new ArrayList<>();
        final Map<String, Node> frames = new LinkedHashMap<>();

        Node(String label) {
            this.label = label;
        }

        Node frame(String frame) {
            return frames.computeIfAbsent(frame, f -> {
                Node node = new Node(" " + f);
                children.add(node);
                return node;
            });
        }
    }

    private AwaitTree() {
    }

    /** The lines of every tree, roots in task order. */
    static List<String> lines(List<TaskRow> tasks) throws CycleException {
        Map<String, TaskRow> byId = new LinkedHashMap<>();
        tasks.forEach(task -> byId.put(task.id(), task));
        List<List<String>> cycles = cycles(byId);
        if (!cycles.isEmpty()) {
            throw new CycleException(cycles.stream().map(cycle -> cycle.stream().map(id -> byId.get(id).name()).toList()).toList());
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        tasks.forEach(task -> nodes.put(task.id(), new Node("(T) " + task.name())));
        Set<String> awaiting = new LinkedHashSet<>();
        for (TaskRow task : tasks) {
            for (String awaiterId : task.awaiters()) {
                TaskRow awaiter = byId.get(awaiterId);
                if (awaiter == null) {
                    continue; // finished between the loop's reads
                }
                awaiting.add(awaiterId);
                Node at = nodes.get(awaiterId);
                for (TaskRow.Frame frame : awaiter.frames().reversed()) {
                    at = at.frame(frame.label());
                }
                Node child = nodes.get(task.id());
                if (!at.children.contains(child)) {
                    at.children.add(child);
                }
            }
        }
        for (TaskRow task : tasks) {
            if (!awaiting.contains(task.id())) {
                Node at = nodes.get(task.id());
                for (TaskRow.Frame frame : task.frames().reversed()) {
                    at = at.frame(frame.label());
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (TaskRow task : tasks) {
            if (task.awaiters().stream().noneMatch(byId::containsKey)) {
                render(nodes.get(task.id()), "", true, lines);
            }
        }
        return lines;
    }

    private static void render(Node node, String prefix, boolean last, List<String> lines) {
        lines.add(prefix + (last ? "└── " : "├── ") + node.label);
        String childPrefix = prefix + (last ? "    " : "│   ");
        for (int i = 0; i < node.children.size(); i++) {
            render(node.children.get(i), childPrefix, i == node.children.size() - 1, lines);
        }
    }

    /** The cycles of awaiter -> awaited edges, each as the ids along it, back to its first. */
    private static List<List<String>> cycles(Map<String, TaskRow> byId) {
        Map<String, List<String>> awaited = new LinkedHashMap<>();
        for (TaskRow task : byId.values()) {
            for (String awaiterId : task.awaiters()) {
                awaited.computeIfAbsent(awaiterId, id -> new ArrayList<>()).add(task.id());
            }
        }
        List<List<String>> cycles = new ArrayList<>();
        Set<String> finished = new LinkedHashSet<>();
        for (String start : awaited.keySet()) {
            search(start, awaited, new ArrayList<>(), finished, cycles);
        }
        return cycles;
    }

    private static void search(String id, Map<String, List<String>> awaited, List<String> path, Set<String> finished,
            List<List<String>> cycles) {
        if (finished.contains(id)) {
            return;
        }
        int at = path.indexOf(id);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(id);
            cycles.add(cycle);
            return;
        }
        path.add(id);
        for (String next : awaited.getOrDefault(id, List.of())) {
            search(next, awaited, path, finished, cycles);
        }
        path.removeLast();
        finished.add(id);
    }
}
