// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * The library's one way to log ({@code System.Logger} "org.asyncio4j"), for the places that report
 * what nobody else can receive: the loop's default exception handler, slow-callback warnings,
 * executor and pipe warnings. It never throws.
 *
 * <p>Logging can fail exactly when reporting matters most: the first record of a JVM out of file
 * descriptors makes {@code java.util.logging} load the time-zone file and fails with
 * {@code NoClassDefFoundError}; a logging configuration can be broken; a {@code toString} in the
 * message can throw. Then the record goes to {@code System.err}, the way Python's logging reports
 * a failed record on stderr, and the caller carries on.
 */
public final class SafeLog {
    private static final System.Logger LOGGER = System.getLogger("org.asyncio4j");

    private SafeLog() {
    }

    /**
     * Starts the logging backend now, while descriptors are surely free, instead of at the first
     * record: a {@code java.util.logging} whose configuration file cannot be opened drops every
     * record, silently, for the rest of the JVM's life. (The time-zone data its formatter loads at
     * the first record is left to load then, and to fail into stderr if it must: loading it here
     * would cost every program's start tens of milliseconds.) Called when the first loop is created.
     */
    public static void prepare() {
        try {
            LOGGER.isLoggable(Level.ERROR);
        } catch (Throwable e) {
            toStderr(Level.WARNING, "could not start logging; records may go to stderr", null, e);
        }
    }

    /** Logs {@code message} (built here, so that a throwing {@code toString} is caught too) with an optional {@code error}. */
    public static void log(Level level, Supplier<String> message, Throwable error) {
        String text = null;
        try {
            text = message.get();
            if (error != null) {
                LOGGER.log(level, text, error);
            } else {
                LOGGER.log(level, text);
            }
        } catch (Throwable failure) {
            toStderr(level, text, error, failure);
        }
    }

    /** {@code value.toString()}, or a note saying which class's {@code toString} threw what. */
    public static String describe(Object value) {
        try {
            return String.valueOf(value);
        } catch (Throwable e) {
            return "<" + value.getClass().getName() + ".toString() threw " + e.getClass().getName() + ">";
        }
    }

    private static void toStderr(Level level, String text, Throwable error, Throwable failure) {
        try {
            PrintStream err = System.err;
            err.println("org.asyncio4j " + level + ": " + (text != null ? text : "(the message could not be built)"));
            if (error != null) {
                error.printStackTrace(err);
            }
            err.println("(written to stderr because logging failed: " + failure + ")");
        } catch (Throwable ignored) {
            // stderr itself failed: there is nowhere left to report to, and the caller must go on
        }
    }
}
