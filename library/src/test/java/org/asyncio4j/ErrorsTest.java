// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    void whenLoggingItselfFailsTheReportGoesToStderrAndTheLoopSurvives() {
        // What a JVM out of file descriptors does to the first record: the formatter cannot load its data.
        Logger logger = Logger.getLogger("org.asyncio4j");
        Handler failing = new Handler() {
            @Override
            public void publish(LogRecord record) {
                throw new NoClassDefFoundError("Could not initialize class sun.util.calendar.ZoneInfoFile");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        boolean useParents = logger.getUseParentHandlers();
        logger.addHandler(failing);
        logger.setUseParentHandlers(false);
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        List<String> log = new ArrayList<>();
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.callSoon(() -> {
                throw new IllegalStateException("callback broke");
            });
            loop.callSoon(new Runnable() {
                @Override
                public void run() {
                    throw new IllegalStateException("so did this one");
                }

                @Override
                public String toString() {
                    throw new UnsupportedOperationException("and so does its toString");
                }
            });
            loop.callSoon(() -> log.add("alive"));
            loop.callSoon(loop::stop);
            loop.runForever();
            loop.setExceptionHandler((l, context) -> {
                throw new StackOverflowError("the handler broke");
            });
            loop.callExceptionHandler(ExceptionHandler.context("reported through a broken handler", null));
        } finally {
            System.setErr(originalErr);
            logger.removeHandler(failing);
            logger.setUseParentHandlers(useParents);
        }
        assertThat(log).containsExactly("alive");
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("callback broke", "so did this one", "toString() threw java.lang.UnsupportedOperationException",
                        "the handler broke", "reported through a broken handler", "ZoneInfoFile");
    }

    @Test
    void withoutTheFlagTasksRunInPortableModeAndTheLibrarySaysSoOnce() throws Exception {
        try (ChildJvm child = ChildJvm.start(NewLoopMain.class, false)) {
            assertThat(child.waitFor(30)).isEqualTo(0);
            String output = String.join("\n", child.output());
            assertThat(output).contains("[a, b]");
            assertThat(output.split("portable mode", -1)).hasSize(2);
            assertThat(output).contains("blocking JDK call", "--add-opens java.base/java.lang=ALL-UNNAMED");
        }
    }

    @Test
    void forcingTheCarrierModeWithoutTheFlagFailsAndNamesTheFlag() throws Exception {
        try (ChildJvm child = ChildJvm.start(NewLoopMain.class, false, "scheduled")) {
            assertThat(child.waitFor(30)).isEqualTo(1);
            assertThat(String.join("\n", child.output()))
                    .contains("--add-opens java.base/java.lang=ALL-UNNAMED")
                    .contains("Add-Opens");
        }
    }

    /** Child JVM: run two tasks on a loop of the carrier given as argument (or the default) and report what happens. */
    public static final class NewLoopMain {
        public static void main(String[] args) throws Exception {
            if (args.length > 0) {
                System.setProperty("asyncio4j.carrier", args[0]);
            } else {
                System.clearProperty("asyncio4j.carrier"); // a JVM without the flag, even under the portable suite
            }
            try {
                for (int run = 0; run < 2; run++) {
                    System.out.println(Asyncio.run(() -> Asyncio.gather(
                            Asyncio.createTask(() -> {
                                Asyncio.sleep(0.01);
                                return "a";
                            }),
                            Asyncio.createTask(() -> "b")).await()));
                }
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
