// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.sync;

import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;

/**
 * Ties a synchronisation primitive or queue to the event loop of its first use and rejects use
 * from anywhere else, as asyncio 3.10+ does ({@code mixins._LoopBoundMixin}).
 *
 * <p>Primitives are plain objects mutated without locks: that is only safe because every
 * operation runs on one loop thread. Creating one is allowed anywhere (a field initialiser, a
 * constructor on the main thread); using it is not.
 */
public final class LoopBinding {
    private final String owner;
    private EventLoop loop;

    /** @param owner the primitive's class name, used in error messages */
    public LoopBinding(String owner) {
        this.owner = owner;
    }

    /**
     * The loop running the caller, binding to it on first use.
     *
     * @param operation the method being called, for the error message
     * @throws IllegalStateException off the loop thread, or on a loop other than the bound one
     */
    public EventLoop check(String operation) {
        EventLoop running;
        try {
            running = Asyncio.getRunningLoop();
        } catch (IllegalStateException notOnLoop) {
            throw new IllegalStateException(owner + "." + operation + "() was called outside an event loop: " + owner
                    + " serves the tasks of one loop and is not thread-safe. Call it from a task or a loop callback;"
                    + " from another thread go through loop.callSoonThreadsafe or Asyncio.runCoroutineThreadsafe.",
                    notOnLoop);
        }
        if (loop == null) {
            loop = running;
        } else if (loop != running) {
            throw new IllegalStateException(owner + "." + operation + "() was called from " + running + ", but this " + owner
                    + " is bound to " + loop + " (the loop of its first use). Create one " + owner + " per event loop.");
        }
        return running;
    }

    /**
     * Like {@link #check} for an operation that may have to wait, which only a task can do.
     *
     * @throws IllegalStateException also from a plain loop callback
     */
    public EventLoop checkTask(String operation) {
        EventLoop running = check(operation);
        if (Asyncio.currentTask() == null) {
            throw new IllegalStateException(owner + "." + operation + "() may have to wait, and only a task can wait;"
                    + " it was called from a plain loop callback. Call it from a task (createTask), or use the"
                    + " non-waiting form where there is one.");
        }
        return running;
    }
}
