// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The JDK Flight Recorder events of asyncio4j, under the category "asyncio4j" in JDK Mission
 * Control. With no recording, or with these events disabled, an event costs an
 * {@code isEnabled()} test: the JDK leaves the classes uninstrumented until a recording enables
 * them, so the test is a constant {@code false} and the JIT drops the unused event object.
 *
 * <p>The loop's own events (slow callback, slow task step, loop lag) are committed from a
 * daemon thread named {@code asyncio4j-flight-recorder}, not from the loop's thread: on JDK 25
 * the recorder drops some events that a thread commits right after it carried a virtual thread
 * with a custom scheduler (it still takes the carried thread for the current one). They are
 * rare by definition, and each carries the loop's name.
 *
 * {@snippet lang=sh :
 * java -XX:StartFlightRecording:filename=tour.jfr,settings=profile -jar asyncio4j-cli.jar demo
 * jfr print --categories asyncio4j tour.jfr
 * }
 */
public final class LoopEvents {
    private static final String CATEGORY = "asyncio4j";

    private LoopEvents() {
    }

    @Name("org.asyncio4j.TaskCreated")
    @Label("Task Created")
    @Category(CATEGORY)
    @Description("A task was created; the event's thread is the creator's (a task's thread is named after the task)")
    @StackTrace(false)
    public static final class TaskCreated extends Event {
        @Label("Task")
        public String task;

        @Label("Loop")
        public String loop;
    }

    @Name("org.asyncio4j.Task")
    @Label("Task")
    @Category(CATEGORY)
    @Description("A task's life on its own thread, from its first step until it finished or was cancelled")
    @StackTrace(false)
    public static final class TaskRun extends Event {
        @Label("Task")
        public String task;

        @Label("Loop")
        public String loop;

        @Label("Outcome")
        @Description("result, exception or cancelled")
        public String outcome;

        @Label("Exception")
        @Description("The class of the exception the task finished with, if any")
        public String exception;
    }

    @Name("org.asyncio4j.SlowCallback")
    @Label("Slow Callback")
    @Category(CATEGORY)
    @Description("A loop callback held the loop's thread at least the loop's slow-callback duration (asyncio's slow_callback_duration)")
    @StackTrace(false)
    public static final class SlowCallback extends Event {
        @Label("Callback")
        public String callback;

        @Label("Loop")
        public String loop;

        @Label("Duration")
        @Timespan(Timespan.NANOSECONDS)
        public long took;
    }

    @Name("org.asyncio4j.SlowTaskStep")
    @Label("Slow Task Step")
    @Category(CATEGORY)
    @Description("A task ran without suspending for at least the loop's slow-callback duration, holding every other task back")
    @StackTrace(false)
    public static final class SlowTaskStep extends Event {
        @Label("Task")
        public String task;

        @Label("Loop")
        public String loop;

        @Label("Duration")
        @Timespan(Timespan.NANOSECONDS)
        public long took;
    }

    @Name("org.asyncio4j.LoopLag")
    @Label("Loop Lag")
    @Category(CATEGORY)
    @Description("A timer ran late by at least the loop's slow-callback duration: the loop was busy when it fell due")
    @StackTrace(false)
    public static final class LoopLag extends Event {
        @Label("Loop")
        public String loop;

        @Label("Lag")
        @Timespan(Timespan.NANOSECONDS)
        public long lag;
    }

    private static final class Committer {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("asyncio4j-flight-recorder").factory());
    }

    /** Commits {@code event}, filled on the loop's thread, from the recorder thread (see the class documentation). */
    public static void commitOffLoop(Event event) {
        Committer.THREAD.execute(event::commit);
    }

    /** Whether a recording wants slow callbacks or task steps: only then does the loop time each one. */
    static boolean slowStepsRecorded() {
        return new SlowCallback().isEnabled() || new SlowTaskStep().isEnabled();
    }
}
