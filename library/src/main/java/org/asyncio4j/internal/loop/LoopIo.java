// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * What the layers above the core may do with a loop's {@link LoopCore}, and all they may do:
 * network I/O ({@code internal.net}) registers channels with the selector, subprocesses
 * ({@code internal.subprocess}) post from their pipe threads and release their child when the
 * loop closes, and both, with the primitives' waiting line ({@code internal.sync}), check and
 * assert which thread calls them. Running, stopping and closing the loop, its ready queue and its
 * timers stay with the event loop and the carrier. {@link CoreAccess} hands this view out.
 */
public interface LoopIo {

    /**
     * Registers {@code channel} with the loop's selector ({@link SelectableChannel#register});
     * the loop queues {@code handler} (which may be attached later, with {@link SelectionKey#attach})
     * when the channel is ready for one of {@code ops}. A channel is unregistered by closing it.
     */
    SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException;

    /** The key of {@code channel}'s registration with the loop's selector, or null ({@link SelectableChannel#keyFor}). */
    SelectionKey keyFor(SelectableChannel channel);

    /** See {@link LoopCore#releaseClosedChannels()}; loop thread only. */
    void releaseClosedChannels();

    /** Appends {@code item} to the inbox from any thread and wakes the loop; returns false once the loop is closed. */
    boolean pushThreadsafe(Runnable item);

    /** Runs {@code hook} when the loop closes, for a resource the selector does not hold; loop thread only. */
    void addCloseHook(Runnable hook);

    /** Forgets a hook registered with {@link #addCloseHook}. */
    void removeCloseHook(Runnable hook);

    /** Whether the calling thread is the loop thread or one of the loop's tasks. */
    boolean inLoop();

    /** For assertions on loop-only methods: {@link #inLoop()}, or no thread runs the loop. */
    boolean inLoopOrIdle();

    /** In debug mode, refuses a call from another thread while the loop runs; see {@link LoopCore#checkThread}. */
    void checkThread(String operation);
}
