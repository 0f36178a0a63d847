// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

/**
 * The attachment of a channel registered with a loop's selector.
 *
 * <p>When a poll reports the channel ready, the loop appends the handler to its ready queue, so
 * that it runs in the same iteration after the callbacks that were already ready (asyncio's
 * selector loop queues its reader and writer callbacks the same way). The handler reads the
 * ready operations from its own {@code SelectionKey}, which stay valid until the next poll, and
 * must check that the key is still valid: an earlier callback may have closed the channel.
 */
public interface IoHandler extends Runnable {
}
