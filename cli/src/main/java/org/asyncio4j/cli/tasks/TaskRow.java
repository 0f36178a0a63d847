// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * One unfinished task of the observed JVM, as its diagnostic bean reports it.
 *
 * @param tid the id of the thread running its loop ("-" if the loop is not running)
 * @param id the task's id (its virtual thread's id, as thread dumps show it)
 * @param name the task's name
 * @param awaiters the ids of the tasks waiting for it
 * @param frames its own frames, innermost first
 */
record TaskRow(String tid, String id, String name, List<String> awaiters, List<Frame> frames) {
    /** A frame: {@code Class.method} and {@code File.java:line} (empty if unknown). */
    record Frame(String method, String location) {
        /** How pstree labels it: {@code CallGraph.download CallGraph.java:44}. */
        String label() {
            return location.isEmpty() ? method : method + " " + location;
        }
    }

    /** Parses a {@code task} row: {@code task tid id name awaiters (method location)*}, tab-separated. */
    static TaskRow parse(String row) {
        String[] fields = row.split("\t", -1);
        List<String> awaiters = fields[4].isEmpty() ? List.of() : List.of(fields[4].split(","));
        List<Frame> frames = new ArrayList<>();
        for (int i = 5; i + 1 < fields.length; i += 2) {
            frames.add(new Frame(fields[i], fields[i + 1]));
        }
        return new TaskRow(fields[1], fields[2], fields[3], awaiters, frames);
    }

    /** The frames' methods, innermost first, joined as 3.14's ps joins a coroutine stack. */
    String chain() {
        return String.join(" -> ", frames.stream().map(Frame::method).toList());
    }
}
