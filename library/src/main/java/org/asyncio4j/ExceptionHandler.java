// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Receives the errors an event loop cannot hand to anyone else: exceptions thrown by callbacks,
 * task exceptions nobody retrieved, failures while shutting down. asyncio's
 * {@code loop.set_exception_handler} callable.
 *
 * <p>The context has the keys asyncio documents, each present only when it applies:
 * {@code "message"} (always, a {@code String}), {@code "exception"} (a {@code Throwable}),
 * {@code "future"}, {@code "task"}, {@code "handle"}.
 *
 * {@snippet :
 * loop.setExceptionHandler((l, context) ->
 *         System.err.println("loop error: " + context.get("message") + " " + context.get("exception")));
 * }
 */
@FunctionalInterface
public interface ExceptionHandler {
    /**
     * Handles one error.
     *
     * @param loop the loop that met the error
     * @param context what happened: {@code "message"} and the other keys that apply (see above)
     */
    void handle(EventLoop loop, Map<String, Object> context);

    /**
     * A new context with {@code "message"} and, if not null, {@code "exception"}; add the keys that
     * apply ({@code "task"}, {@code "handle"}, ...) and pass it to
     * {@link EventLoop#callExceptionHandler}.
     *
     * @param message what went wrong
     * @param exception the exception, or {@code null}
     * @return a new, modifiable map holding those entries
     * @throws NullPointerException if {@code message} is null
     */
    static Map<String, Object> context(String message, Throwable exception) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", message);
        if (exception != null) {
            context.put("exception", exception);
        }
        return context;
    }
}
