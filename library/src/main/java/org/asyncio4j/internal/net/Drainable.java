// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import org.asyncio4j.Future;

/** A stream transport that can say when everything written so far has left its buffer. */
interface Drainable {
    /** Completes once the write buffer is empty; fails if the connection is lost first. */
    Future<Void> whenWritten();
}
