// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.asyncio4j.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ErrorsTest {

    @Test
    void anExceptionInACallbackGoesToTheHandlerAndTheLoopSurvives() {
        List<Map<String, Object>> reported = new ArrayList<>();
        List<String> log = new ArrayList<>();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setExceptionHandler((l, context) -> reported.add(context));
            Handle bad = loop.callSoon(() -> {
                throw new IllegalStateException("callback broke");
            });
            loop.callSoon(() -> log.add("next callback ran"));
            loop.callLater(0.01, () -> log.add("timer ran"));
            loop.callLater(0.02, loop::stop);
            loop.runForever();
            assertThat(log).containsExactly("next callback ran", "timer ran");
            assertThat(reported).singleElement().satisfies(context -> {
                assertThat(context.get("message")).asString().startsWith("Exception in callback");
                assertThat(context.get("exception")).isInstanceOf(IllegalStateException.class);
                assertThat(context.get("handle")).isSameAs(bad);
            });
        }
    }

    @Test
    void aFailingExceptionHandlerFallsBackToTheDefaultOneAndTheLoopSurvives() {
        List<String> log = new ArrayList<>();
        try (LogCapture logged = LogCapture.start(); EventLoop loop = Asyncio.newEventLoop()) {
            loop.setExceptionHandler((l, context) -> {
                throw new RuntimeException("handler broke too");
            });
            assertThat(loop.getExceptionHandler()).isNotNull();
            loop.callSoon(() -> {
                throw new IllegalStateException("callback broke");
            });
            loop.callSoon(() -> log.add("alive"));
            loop.callSoon(loop::stop);
            loop.runForever();
            assertThat(log).containsExactly("alive");
            assertThat(logged.records()).satisfiesExactly(
                    handlerError -> {
                        assertThat(handlerError.getLevel()).isEqualTo(Level.SEVERE);
                        assertThat(handlerError.getMessage()).startsWith("Unhandled error in the exception handler"
                                + " (java.lang.RuntimeException: handler broke too) while handling: Exception in callback");
                        assertThat(handlerError.getThrown()).hasMessage("handler broke too");
                    },
                    byDefaultHandler -> {
                        assertThat(byDefaultHandler.getMessage()).startsWith("Exception in callback");
                        assertThat(byDefaultHandler.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage("callback broke");
                    });
        }
    }

    @Test
    void anExceptionNobodyRetrievesIsReportedWhenTheTaskIsCollected() throws Exception {
        List<Map<String, Object>> reported = new CopyOnWriteArrayList<>();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setExceptionHandler((l, context) -> reported.add(context));
            loop.runUntilComplete(() -> {
                createForgottenFailingTask();
                Asyncio.sleep(0.01);
                return null;
            });
            for (int i = 0; i < 200 && reported.isEmpty(); i++) {
                System.gc();
                loop.runUntilComplete(() -> Asyncio.sleep(0.01, null));
            }
        }
        assertThat(reported).singleElement().satisfies(context -> {
            assertThat(context.get("message")).isEqualTo("Task exception was never retrieved");
            assertThat((Throwable) context.get("exception")).isInstanceOf(ArithmeticException.class).hasMessage("forgotten");
        });
    }

    private static void createForgottenFailingTask() {
        Asyncio.createTask(() -> {
            throw new ArithmeticException("forgotten");
        });
    }

    @Test
    void aRetrievedExceptionIsNotReported() throws Exception {
        List<Map<String, Object>> reported = new CopyOnWriteArrayList<>();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setExceptionHandler((l, context) -> reported.add(context));
            loop.runUntilComplete(() -> {
                Task<Void> task = Asyncio.createTask(() -> {
                    throw new ArithmeticException("seen");
                });
                Asyncio.sleep(0.01);
                assertThat(task.exception()).hasMessage("seen");
                return null;
            });
            for (int i = 0; i < 5; i++) {
                System.gc();
                loop.runUntilComplete(() -> Asyncio.sleep(0.01, null));
            }
        }
        assertThat(reported).isEmpty();
    }

    @Test
    void callExceptionHandlerWithoutAHandlerLogsAndDoesNotThrow() {
        try (LogCapture logged = LogCapture.start(); EventLoop loop = Asyncio.newEventLoop()) {
            loop.callExceptionHandler(Map.of("message", "just a test of the default handler",
                    "exception", new RuntimeException("logged, not thrown")));
            assertThat(logged.records()).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(record.getMessage()).isEqualTo("just a test of the default handler");
                assertThat(record.getThrown()).hasMessage("logged, not thrown");
            });
        }
    }

    @Test
    void aLoopNeedsTheOpensFlagAndSaysWhichOne() throws Exception {
        try (ChildJvm child = ChildJvm.start(NewLoopMain.class, false)) {
            assertThat(child.waitFor(30)).isEqualTo(1);
            assertThat(String.join("\n", child.output()))
                    .contains("--add-opens java.base/java.lang=ALL-UNNAMED")
                    .contains("Add-Opens");
        }
    }

    /** Child JVM: create a loop and report what happens. */
    public static final class NewLoopMain {
        public static void main(String[] args) {
            try (EventLoop loop = Asyncio.newEventLoop()) {
                System.out.println("created " + loop);
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
                System.exit(1);
            }
        }
    }

    @Test
    void nanDelaysAreRejected() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            assertThatThrownBy(() -> loop.callLater(Double.NaN, () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
            assertThatThrownBy(() -> loop.callSoon(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
