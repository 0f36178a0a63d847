// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What asyncio4j logs through {@code System.Logger} (its JUL backend, logger "org.asyncio4j")
 * while open, kept for assertions instead of printed: a test that makes the library log on
 * purpose checks the records and leaves a passing build's output clean.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger("org.asyncio4j");
    private final boolean printedBefore = logger.getUseParentHandlers();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    /** Starts capturing; close to print again. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** The records so far, in order. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages of the records so far, in order. */
    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(printedBefore);
    }
}
