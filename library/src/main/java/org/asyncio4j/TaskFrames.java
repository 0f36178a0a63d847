// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.security.CodeSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A task's own frames: its thread's stack without the machinery at either end (the JDK's
 * virtual-thread and parking frames, this library's await and task-running frames).
 */
final class TaskFrames {
    private static final CodeSource LIBRARY = Future.class.getProtectionDomain().getCodeSource();
    private static final Set<String> LIBRARY_PACKAGES = Set.of("org.asyncio4j", "org.asyncio4j.net", "org.asyncio4j.queues",
            "org.asyncio4j.sync", "org.asyncio4j.subprocess");
    private static final ConcurrentHashMap<String, Boolean> LIBRARY_CLASSES = new ConcurrentHashMap<>();

    private TaskFrames() {
    }

    /** The frames of {@code task}, innermost first; for the running task, those of the caller. */
    static List<StackTraceElement> of(Task<?> task) {
        Thread thread = task.getThread();
        if (thread == null || task.isDone()) {
            return List.of();
        }
        return trim(thread.getStackTrace());
    }

    /** Drops the machinery frames at both ends; what is in between (user code, TaskGroup.run...) stays. */
    static List<StackTraceElement> trim(StackTraceElement[] stack) {
        int from = 0;
        int to = stack.length;
        while (from < to && isMachinery(stack[from])) {
            from++;
        }
        while (to > from && isMachinery(stack[to - 1])) {
            to--;
        }
        return List.of(stack).subList(from, to);
    }

    /** A frame as a Java stack trace prints it, without the class loader and module prefix. */
    static String describe(StackTraceElement frame) {
        String where = frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String name = frame.getClassName();
        return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || LIBRARY_CLASSES.computeIfAbsent(name, TaskFrames::isLibraryClass);
    }

    /**
     * Whether {@code name} is one of this library's classes: in one of its packages and loaded
     * from where it was (a fat jar may hold the library beside {@code org.asyncio4j.examples};
     * tests in {@code org.asyncio4j} come from elsewhere).
     */
    private static boolean isLibraryClass(String name) {
        String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.')));
        if (!LIBRARY_PACKAGES.contains(pkg) && !pkg.startsWith("org.asyncio4j.internal.")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(name, false, Future.class.getClassLoader());
            return Objects.equals(type.getProtectionDomain().getCodeSource(), LIBRARY);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
