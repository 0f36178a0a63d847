// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import org.asyncio4j.Future;

/** Awaits futures whose failures are I/O errors, so that network methods can declare {@code IOException}. */
public final class Awaiting {
    private Awaiting() {
    }

    /** The future's result; an exception that is neither unchecked nor an {@code IOException} is wrapped in one. */
    public static <T> T await(Future<T> future) throws IOException {
        try {
            return future.await();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
