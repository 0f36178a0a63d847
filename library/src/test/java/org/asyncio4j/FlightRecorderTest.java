// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flight-recorder events: what a recording of a small program holds. */
class FlightRecorderTest {
    @TempDir
    Path dir;

    private List<RecordedEvent> record(Runnable program) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording recording = new Recording()) {
            for (String name : List.of("TaskCreated", "Task", "SlowCallback", "SlowTaskStep", "LoopLag")) {
                recording.enable("org.asyncio4j." + name);
            }
            recording.start();
            program.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file);
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals("org.asyncio4j." + name)).toList();
    }

    @Test
    void tasksAreRecordedFromCreationToTheirOutcomeOnTheirOwnThreads() throws Exception {
        List<RecordedEvent> events = record(() -> Asyncio.run(() -> {
            Task<String> ok = Asyncio.createTask(() -> Asyncio.sleep(0.05, "x"), "ok");
            Task<Void> failing = Asyncio.createTask(() -> {
                throw new IllegalStateException("boom");
            }, "failing");
            Task<Void> cancelled = Asyncio.createTask(() -> Asyncio.sleep(10), "cancelled");
            Asyncio.sleep(0);
            cancelled.cancel();
            Asyncio.gatherOutcomes(ok, failing, cancelled).await();
        }));
        assertThat(named(events, "TaskCreated")).extracting(e -> e.getString("task")).contains("ok", "failing", "cancelled");
        List<RecordedEvent> runs = named(events, "Task");
        RecordedEvent ok = runs.stream().filter(e -> e.getString("task").equals("ok")).findFirst().orElseThrow();
        assertThat(ok.getString("outcome")).isEqualTo("result");
        assertThat(ok.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        assertThat(ok.getThread().getJavaName()).isEqualTo("ok");
        assertThat(ok.getString("loop")).startsWith("EventLoop-");
        assertThat(runs).filteredOn(e -> e.getString("task").equals("failing"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getString("outcome")).isEqualTo("exception");
                    assertThat(e.getString("exception")).isEqualTo(IllegalStateException.class.getName());
                });
        assertThat(runs).filteredOn(e -> e.getString("task").equals("cancelled"))
                .singleElement().satisfies(e -> assertThat(e.getString("outcome")).isEqualTo("cancelled"));
    }

    @Test
    void slowStepsSlowCallbacksAndTheLagTheyCauseAreRecordedWithoutDebugMode() throws Exception {
        List<RecordedEvent> events = record(() -> Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setSlowCallbackDuration(Duration.ofMillis(20));
            Asyncio.createTask(() -> {
                loop.callLater(0.02, () -> { });                 // falls due while the hog holds the loop
                busy(120);                                       // a task step that does not suspend
                Asyncio.sleep(0);                                // (see LoopEvents on a task that ends in its slow step)
            }, "hog").await();
            Future<Void> done = loop.createFuture();
            loop.callSoon(() -> {
                busy(60);
                done.setResult(null);
            });
            done.await();
        }));
        assertThat(named(events, "SlowTaskStep")).anySatisfy(e -> {
            assertThat(e.getString("task")).isEqualTo("hog");
            assertThat(e.getDuration("took")).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        });
        assertThat(named(events, "SlowCallback")).anySatisfy(e -> assertThat(e.getDuration("took")).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
        assertThat(named(events, "LoopLag")).anySatisfy(e -> {
            assertThat(e.getDuration("lag")).isGreaterThanOrEqualTo(Duration.ofMillis(20));
            assertThat(e.getString("loop")).startsWith("EventLoop-");
        });
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
