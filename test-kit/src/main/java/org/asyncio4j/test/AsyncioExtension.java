// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.TimerHandle;
import org.asyncio4j.internal.loop.KitAccess;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link AsyncioTest}: each test method runs as the main task of a
 * fresh event loop (a {@link TestLoop} on virtual time, or a real-time loop), which is closed
 * after it. Use it through the annotation, or with {@code @ExtendWith(AsyncioExtension.class)}
 * on a class, whose test methods then run with the annotation's defaults.
 *
 * {@snippet :
 * @ExtendWith(AsyncioExtension.class)
 * class RetryTest {
 *     @Test
 *     void givesUpAfterThreeAttempts(TestLoop test) { ... }
 * }
 * }
 *
 * <h2>What fails a test</h2>
 * Besides what the method throws, and each reported in the failure:
 * <ul>
 * <li>anything that reached the loop's exception handler while the test ran (an exception in a
 *     callback, a task's exception nobody retrieved...); a test that expects such reports
 *     installs its own handler with {@link EventLoop#setExceptionHandler}, and this check then
 *     sees only what it passes on;
 * <li>a task still pending once the method has returned and the loop has run once more (so a
 *     task cancelled at the very end may finish): named, with the stack it is suspended at. The
 *     loop's closing then cancels it;
 * <li>an exception set in a future or task of the loop and never retrieved, checked when the loop
 *     closes rather than whenever the garbage collector would find it;
 * <li>{@link AsyncioTest#timeout()} seconds of the loop's time, or
 *     {@link AsyncioTest#realTimeout()} seconds of real time, passing before the method
 *     returns: the main task is cancelled and the failure shows where it was.
 * </ul>
 */
public final class AsyncioExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver, InvocationInterceptor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsyncioExtension.class);
    private static final AsyncioTest DEFAULTS;

    /** The extension; JUnit makes it for {@link AsyncioTest} methods and {@code @ExtendWith}. */
    public AsyncioExtension() {
    }


    static {
        try {
            DEFAULTS = AsyncioExtension.class.getDeclaredMethod("defaults").getAnnotation(AsyncioTest.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AsyncioTest settings = settings(context.getRequiredTestMethod());
        context.getStore(NAMESPACE).put(Run.class, new Run(settings));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Run run = context.getStore(NAMESPACE).remove(Run.class, Run.class);
        if (run != null) {
            run.loop.close(); // already closed unless the method never ran
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EventLoop.class || type == TestLoop.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Run run = run(context);
        if (parameter.getParameter().getType() == EventLoop.class) {
            return run.loop;
        }
        if (run.testLoop == null) {
            throw new ParameterResolutionException("A TestLoop parameter needs virtual time, but "
                    + context.getRequiredTestMethod().getName() + " is annotated @AsyncioTest(virtualTime = false):"
                    + " take an EventLoop instead, or drop virtualTime = false");
        }
        return run.testLoop;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        run(context).runAsMainTask(invocation, context.getDisplayName());
    }

    /** {@code @ParameterizedTest}, {@code @RepeatedTest} and other templates run on the loop too. */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        run(context).runAsMainTask(invocation, context.getDisplayName());
    }

    private static AsyncioTest settings(Method method) {
        AsyncioTest settings = AnnotationSupport.findAnnotation(method, AsyncioTest.class).orElse(DEFAULTS);
        if (!(settings.timeout() > 0) || !(settings.realTimeout() > 0)) {
            throw new IllegalArgumentException("@AsyncioTest on " + method.getName() + " needs timeout and realTimeout"
                    + " greater than 0 seconds, not " + settings.timeout() + " and " + settings.realTimeout());
        }
        return settings;
    }

    private static Run run(ExtensionContext context) {
        Run run = context.getStore(NAMESPACE).get(Run.class, Run.class);
        if (run == null) {
            throw new IllegalStateException("AsyncioExtension has no loop for " + context.getDisplayName()
                    + ": it runs test methods only (not @BeforeAll, @AfterAll or constructors)");
        }
        return run;
    }

    /** Carries the annotation's defaults, for the methods of a class extended without it. */
    @AsyncioTest
    private static void defaults() {
    }

    /** One test method's loop and what the checks collect while it runs. */
    private static final class Run {
        final AsyncioTest settings;
        final TestLoop testLoop;
        final EventLoop loop;
        final List<Map<String, Object>> reports = Collections.synchronizedList(new ArrayList<>());
        /** Why the main task was cancelled by a time limit, with where it was; null if it was not. */
        volatile String timedOut;

        Run(AsyncioTest settings) {
            this.settings = settings;
            this.testLoop = settings.virtualTime() ? TestLoop.create() : null;
            this.loop = testLoop != null ? testLoop.loop() : Asyncio.newEventLoop();
            loop.setExceptionHandler((l, report) -> reports.add(report));
        }

        void runAsMainTask(Invocation<Void> invocation, String name) throws Throwable {
            Task<Void> main = loop.createTask(() -> {
                try {
                    invocation.proceed();
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable other) {
                    throw new IllegalStateException(other);
                }
            }, "test " + name);
            String clock = testLoop != null ? "virtual" : "real";
            TimerHandle limit = loop.callLater(settings.timeout(),
                    () -> timeOut(main, "it did not finish within its timeout of " + settings.timeout() + " s of " + clock + " time"));
            Thread watchdog = Thread.ofPlatform().daemon().name("asyncio4j-test-watchdog").start(() -> watch(main));
            Throwable failure = null;
            try {
                loop.runUntilComplete(main);
            } catch (Throwable error) {
                failure = timedOut != null && main.isCancelled() ? new AssertionError("The test failed: " + timedOut) : error;
            } finally {
                watchdog.interrupt();
                limit.cancel();
            }
            List<String> problems = finish();
            if (problems.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                return;
            }
            AssertionError checks = new AssertionError(String.join("\n", problems));
            for (Map<String, Object> report : List.copyOf(reports)) {
                if (report.get("exception") instanceof Throwable error) {
                    checks.addSuppressed(error);
                }
            }
            if (failure != null) {
                failure.addSuppressed(checks);
                throw failure;
            }
            throw checks;
        }

        /** Lets the loop run once more, then closes it and collects what the checks find. */
        private List<String> finish() {
            List<String> problems = new ArrayList<>();
            try {
                loop.runUntilComplete(loop.createTask(() -> Asyncio.sleep(0), "asyncio4j-test-flush"));
                List<Task<?>> leaked = List.copyOf(loop.allTasks());
                if (!leaked.isEmpty()) {
                    StringBuilder text = new StringBuilder(leaked.size() == 1 ? "1 task was" : leaked.size() + " tasks were")
                            .append(" left pending when the test ended (await or cancel every task the test starts):");
                    for (Task<?> task : leaked) {
                        text.append("\n  ").append(task).append(" suspended at:").append(stack(task));
                    }
                    problems.add(text.toString());
                }
            } finally {
                loop.close();
            }
            KitAccess.loops().reportUnretrievedExceptions(loop);
            List<Map<String, Object>> seen = List.copyOf(reports);
            if (!seen.isEmpty()) {
                StringBuilder text = new StringBuilder("The loop's exception handler was called ")
                        .append(seen.size() == 1 ? "once" : seen.size() + " times").append(":");
                for (Map<String, Object> report : seen) {
                    text.append("\n  - ").append(report.get("message"));
                    for (Map.Entry<String, Object> entry : report.entrySet()) {
                        if (!entry.getKey().equals("message")) {
                            text.append("\n    ").append(entry.getKey()).append(": ").append(entry.getValue());
                        }
                    }
                }
                problems.add(text.toString());
            }
            return problems;
        }

        private void watch(Task<Void> main) {
            try {
                Thread.sleep(Math.round(settings.realTimeout() * 1000));
            } catch (InterruptedException finished) {
                return;
            }
            try {
                loop.callSoonThreadsafe(() -> timeOut(main, "it did not finish within its real-time limit of "
                        + settings.realTimeout() + " s"));
            } catch (IllegalStateException closed) {
                // the test ended meanwhile
            }
        }

        private void timeOut(Task<Void> main, String why) {
            if (!main.isDone() && timedOut == null) {
                timedOut = why + " (loop time " + loop.time() + "); it was suspended at:" + stack(main);
                main.cancel(why);
            }
        }

        private static String stack(Task<?> task) {
            StringBuilder text = new StringBuilder();
            for (StackTraceElement frame : task.getStack()) {
                text.append("\n\tat ").append(frame);
            }
            return text.toString();
        }
    }
}
