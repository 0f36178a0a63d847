// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The engine of one event loop: a ready queue, a thread-safe inbox, a timer heap and an NIO
 * selector, and the iteration that drives them.
 *
 * <p>It knows nothing of tasks: a task step is a callback like any other, which the loop's
 * {@code Carrier} (one layer up) queues here with {@link #pushReady}, {@link #runNext} or
 * {@link #pushThreadsafe} whenever a task becomes runnable. The layers above the core see only
 * its {@link LoopIo} side, through {@link CoreAccess}.
 */
public final class LoopCore implements LoopIo {

    /** What the core needs from the loop that owns it. */
    public interface Hooks {
        /** Whether {@code current}, a virtual thread, is a task of this loop (and so runs on it now). */
        boolean isTaskOfThisLoop(Thread current);

        /** A callback threw; may rethrow to end {@link #runForever()} (the item stays consumed). */
        void callbackFailed(Runnable item, Throwable error);

        /** Whether a timer callback was cancelled and must not run. */
        boolean isCancelledTimer(Runnable item);

        /** Debug mode or a recording of {@link LoopEvents}: a callback or task step ran longer than the slow-callback duration. */
        void slowCallback(Runnable item, long nanos);

        /** Whether a task of the loop is blocked in a JDK call (sleep, socket, lock), to be woken by another thread. */
        boolean hasTaskBlockedOutsideLoop();
        /** A recording of {@link LoopEvents.LoopLag}: a timer ran {@code nanos} late, at least the slow-callback duration. */
        default void loopLag(long nanos) {
        }
    }

    /**
     * While callbacks are ready, the selector is polled (without blocking) only at the start of
     * an iteration that follows at least this many callbacks since the last poll (after Tokio's
     * {@code event_interval}, which counts task polls), or {@link #POLL_INTERVAL_NANOS} since it:
     * a channel that becomes ready while the loop is busy has its handler queued within this many
     * iterations. A non-blocking poll costs about as much as 10 trivial callbacks, so this keeps
     * polling near a tenth of what the trivial callbacks between two polls cost. The bounds and
     * the figures behind them are in {@code docs/design.md}, "Polling for I/O".
     */
    static final int POLL_INTERVAL = 128;

    /** The polling interval in time while callbacks are ready, checked every {@link #CLOCK_INTERVAL} callbacks. */
    static final long POLL_INTERVAL_NANOS = 50_000;

    /** Reading the clock costs about as much as running a trivial callback: do it every this many (a power of two). */
    static final int CLOCK_INTERVAL = 16;

    private static final Runnable INBOX_MARK = () -> { };
    /** At most this many callbacks from other threads join one iteration (see {@link #drainInbox}). */
    private static final int INBOX_BATCH = 1024;
    private static final VarHandle WAKEUP_ARMED;

    static {
        try {
            WAKEUP_ARMED = MethodHandles.lookup().findVarHandle(LoopCore.class, "wakeupArmed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Hooks hooks;
    private final LoopClock clock;
    /** Whether the clock is not {@link LoopClock#SYSTEM}: only then is it asked before the loop waits. */
    private final boolean clockDecidesWaits;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>(512);
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final TimerHeap timers = new TimerHeap();
    private final Predicate<Runnable> cancelledTimer;
    private final Selector selector;
    /** Resources the selector does not know about (subprocesses) to release when the loop closes. */
    private final Set<Runnable> closeHooks = new LinkedHashSet<>();
    private int cancelledTimers;
    /** For {@code loop.statistics()}: iterations run, and nanoseconds spent polling and in runForever in all. */
    private long iterations;
    private long pollingNanos;
    private long runNanos;
    private long runBegan = -1;
    /** Whether {@link #INBOX_MARK} is in the inbox, left there by a batch that did not reach it. */
    private boolean inboxMarked;

    @SuppressWarnings("unused") // accessed through WAKEUP_ARMED
    private volatile boolean wakeupArmed;
    private volatile boolean stopping;
    private volatile boolean closed;
    private volatile Thread loopThread;

    /** Callbacks still to run in the iteration in progress; {@link #runNext} adds to it. */
    private int remaining;
    /** Whether the iteration in progress times each callback (debug mode or a recording of slow steps). */
    private boolean timed;
    /** The item the loop is running now, as the loop runs it (not a step a callback runs itself): see {@link #passOn}. */
    private Runnable running;

    /** Callbacks run since the last poll of the selector, when it ended, and whether the time since exceeds the interval. */
    private int sincePoll;
    private long lastPollNanos;
    private boolean pollDue;

    private boolean debug;
    private long slowCallbackNanos = 100_000_000L;

    /** Work that other threads still owe the loop (see {@link #holdClock()}); loop thread only. */
    private int clockHolds;

    public LoopCore(Hooks hooks, LoopClock clock) {
        this.hooks = hooks;
        this.clock = clock;
        this.clockDecidesWaits = clock != LoopClock.SYSTEM;
        this.cancelledTimer = hooks::isCancelledTimer;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the event loop's selector", e);
        }
    }

    /** The loop's time in nanoseconds, from the clock it was made with: what timers are scheduled by. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    public LoopClock clock() {
        return clock;
    }

    /**
     * Marks work that another thread will hand back to this loop (an executor job, a wrapped
     * {@code CompletionStage}), so that a virtual clock does not move past it while it runs:
     * {@link LoopClock#realWait} is told about it. Each hold is released once, with
     * {@link #releaseClock()}, by the callback that delivers the work. Loop thread only.
     */
    public void holdClock() {
        clockHolds++;
    }

    /** Releases a {@link #holdClock()}; loop thread only. */
    public void releaseClock() {
        clockHolds--;
    }

    /** Whether the calling thread is the loop thread or one of the loop's tasks. */
    @Override
    public boolean inLoop() {
        return inLoop(Thread.currentThread());
    }

    /**
     * The one thread check of the loop's non-thread-safe operations (asyncio's
     * {@code _check_thread}): in debug mode, while the loop runs, refuses a call from a thread that
     * is neither the loop's nor one of its tasks. Costs one flag test outside debug mode.
     *
     * @param operation what was called, as the message names it ({@code "Future.setResult"})
     */
    @Override
    public void checkThread(String operation) {
        if (debug && loopThread != null && !inLoop()) {
            throw new IllegalStateException("Non-thread-safe operation " + operation + "() called from thread "
                    + Thread.currentThread().getName() + ", not the event loop's thread; from other threads"
                    + " go through loop.callSoonThreadsafe");
        }
    }

    /** Whether {@code thread} is the loop thread or one of the loop's tasks. */
    public boolean inLoop(Thread thread) {
        return thread == loopThread || (thread.isVirtual() && hooks.isTaskOfThisLoop(thread));
    }

    /** Whether {@code thread} is the thread running the loop's iterations (not one of its tasks). */
    public boolean isLoopThread(Thread thread) {
        return thread == loopThread;
    }

    /**
     * Puts {@code item} at the front of the ready queue so that it runs next, within the
     * iteration in progress; loop thread only.
     */
    public void runNext(Runnable item) {
        ready.addFirst(item);
        remaining++;
    }

    /** Appends to the ready queue; loop thread only. */
    public void pushReady(Runnable item) {
        ready.addLast(item);
    }

    /** Appends to the inbox from any thread and wakes the loop; returns false once closed. */
    @Override
    public boolean pushThreadsafe(Runnable item) {
        if (closed) {
            return false;
        }
        inbox.offer(item);
        wakeup();
        return true;
    }

    /** Schedules {@code item} at {@code deadline} in {@link #nanoTime()} units; loop thread only. */
    public void schedule(long deadline, Runnable item) {
        timers.add(deadline, item);
    }

    /** A scheduled timer was cancelled; the heap is compacted when most of it is dead. */
    public void timerCancelled() {
        cancelledTimers++;
        if (cancelledTimers > 64 && cancelledTimers * 2 > timers.size()) {
            timers.removeIf(cancelledTimer);
            cancelledTimers = 0;
        }
    }

    public int scheduledTimers() {
        return timers.size();
    }

    public int readyCount() {
        return ready.size() + inbox.size();
    }

    /** Whether a timer (perhaps a cancelled one) is due at the loop's time now; loop thread only. */
    public boolean hasDueTimer() {
        return !timers.isEmpty() && timers.firstDeadline() <= nanoTime();
    }

    public Selector selector() {
        return selector;
    }

    @Override
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    @Override
    public SelectionKey keyFor(SelectableChannel channel) {
        return channel.keyFor(selector);
    }

    /**
     * The JDK frees a closed channel that is registered with a selector only at the selector's
     * next poll; this polls now (without waiting) so that, for instance, a closed server's port
     * is free at once, as it is in asyncio. What the poll finds ready is dispatched at the next
     * iteration as usual; I/O handlers tolerate being called when nothing is ready. Loop thread only.
     */
    @Override
    public void releaseClosedChannels() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            hooks.callbackFailed(null, e);
        }
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public boolean debug() {
        return debug;
    }

    public void setSlowCallbackNanos(long nanos) {
        this.slowCallbackNanos = nanos;
    }

    public long slowCallbackNanos() {
        return slowCallbackNanos;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Asks the loop to stop after the iteration in progress (or after one iteration if idle). */
    public void stop() {
        stopping = true;
        wakeup();
    }

    /** Runs iterations on the calling thread until {@link #stop()}. */
    public void runForever() {
        loopThread = Thread.currentThread();
        runBegan = nanoTime();
        try {
            do {
                runOnce();
            } while (!stopping);
        } finally {
            runNanos += nanoTime() - runBegan;
            runBegan = -1;
            stopping = false;
            loopThread = null;
            running = null;
        }
    }

    // For EventLoop.statistics(), with readyCount(); loop thread only.

    /** Timers not cancelled (a scan: cancelled ones leave the heap lazily). */
    public int liveTimers() {
        return timers.countUnless(cancelledTimer);
    }

    public int registeredChannels() {
        return closed ? 0 : selector.keys().size();
    }

    public long iterations() {
        return iterations;
    }

    public long pollingNanos() {
        return pollingNanos;
    }

    /** Nanoseconds spent in runForever in all, the current run included. */
    public long runningNanos() {
        return runNanos + (runBegan >= 0 ? nanoTime() - runBegan : 0);
    }

    /**
     * Registers {@code hook} to run when the loop closes, for a resource that the selector does
     * not hold and that would otherwise outlive the loop (a subprocess and its pipe threads).
     * Loop thread only.
     */
    @Override
    public void addCloseHook(Runnable hook) {
        closeHooks.add(hook);
    }

    /** Forgets a hook registered with {@link #addCloseHook}, once its resource is released. */
    @Override
    public void removeCloseHook(Runnable hook) {
        closeHooks.remove(hook);
    }

    /** Drops everything queued, runs the close hooks and closes the selector; the loop must not be running. */
    public void close() {
        closed = true;
        ready.clear();
        inbox.clear();
        inboxMarked = false;
        timers.clear();
        for (Runnable hook : List.copyOf(closeHooks)) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                hooks.callbackFailed(hook, e);
            }
        }
        closeHooks.clear();
        closeRegisteredChannels();
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the event loop's selector", e);
        }
    }

    /**
     * Sockets still registered when the loop closes (a transport or server never closed) would
     * outlive it with no loop to drive them: close them, so that closing a loop leaks no socket.
     */
    private void closeRegisteredChannels() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // the descriptor is released even when close reports an error
            }
        }
    }

    /**
     * One iteration: poll I/O (with the right timeout if nothing is ready, else without blocking
     * and only once the polling interval has passed), move the inbox and the due timers to the
     * ready queue, then run exactly the callbacks that were ready when running began.
     */
    private void runOnce() {
        // An interrupt of the loop thread would make every select return at once: a busy loop.
        Thread.interrupted();
        long timeout = pollTimeout();
        boolean busy = timeout == 0 || !inbox.isEmpty();
        beginIteration(timeout, busy, pollsNow(busy));
        while (remaining > 0) {
            remaining--;
            run(ready.pollFirst());
        }
    }

    /** The next poll's timeout in nanoseconds: 0 if a callback or a timer is due or the loop is stopping, -1 for none. */
    private long pollTimeout() {
        if (!ready.isEmpty() || stopping) {
            return 0;
        } else if (!timers.isEmpty()) {
            return Math.max(0, timers.firstDeadline() - nanoTime());
        }
        return -1;
    }

    /** Whether an iteration polls: always when the loop would wait, else once the polling interval has passed. */
    private boolean pollsNow(boolean busy) {
        return !busy || stopping || pollDue || sincePoll >= POLL_INTERVAL;
    }

    /** An iteration up to running its callbacks: the poll (if {@code poll}), the inbox, the due timers. */
    private void beginIteration(long timeout, boolean busy, boolean poll) {
        long idleDeadline = LoopClock.NO_DEADLINE;
        boolean askClock = !busy && clockDecidesWaits;
        if (askClock) {
            idleDeadline = timers.isEmpty() ? LoopClock.NO_DEADLINE : timers.firstDeadline();
            timeout = clock.realWait(idleDeadline, clockHolds > 0 || hooks.hasTaskBlockedOutsideLoop());
        }
        iterations++;
        if (poll) {
            long pollBegan = realNanos();
            poll(busy ? 0 : timeout);
            sincePoll = 0;
            pollDue = false;
            lastPollNanos = realNanos();
            pollingNanos += lastPollNanos - pollBegan;
        }
        drainInbox();
        if (askClock && ready.isEmpty()) {
            clock.idle(idleDeadline);
        }
        if (!timers.isEmpty()) {
            long now = nanoTime();
            if (timers.firstDeadline() <= now - slowCallbackNanos && new LoopEvents.LoopLag().isEnabled()) {
                hooks.loopLag(now - timers.firstDeadline());
            }
            while (!timers.isEmpty() && timers.firstDeadline() <= now) {
                Runnable item = timers.poll();
                if (hooks.isCancelledTimer(item)) {
                    cancelledTimers = Math.max(0, cancelledTimers - 1);
                } else {
                    ready.addLast(item);
                }
            }
        }
        remaining = ready.size();
        // Whether to time each callback: asked once per iteration, not once per callback.
        timed = debug || LoopEvents.slowStepsRecorded();
    }

    /**
     * A direct hand-over, for a carrier whose task steps run on threads of their own while the
     * loop thread waits (portable mode). Called by the thread of {@code step}, the item the loop
     * is running now, as the step gives the loop back: if the next thing the loop thread would do
     * is run an item that {@code accept} takes, with no waiting and no poll before it (the
     * polling interval has not passed, or no channel is registered), this does for the loop
     * thread exactly what it would do up to running that item (ending the iteration and beginning
     * the next one if {@code step} was the last of its iteration, counting the item towards the
     * polling interval) and returns the item; the caller then runs it, and the loop thread goes on
     * waiting. Otherwise it returns null, and the loop thread, once given the loop back, goes on
     * from where the iterations stand. Never in an iteration that times its callbacks: those
     * timings are taken by the loop thread around each item.
     */
    public Runnable passOn(Runnable step, Predicate<Runnable> accept) {
        if (running != step || timed) {
            return null; // a step that a callback ran itself (an eager start) returns into that callback
        }
        if (remaining == 0) {
            if (stopping) {
                return null;
            }
            long timeout = pollTimeout();
            boolean busy = timeout == 0 || !inbox.isEmpty();
            boolean poll = pollsNow(busy);
            if (!busy || (poll && !selector.keys().isEmpty())) {
                return null; // the loop thread waits or polls: leave it to it
            }
            beginIteration(timeout, true, poll);
            if (timed || remaining == 0) {
                return null;
            }
        }
        Runnable next = ready.peekFirst();
        if (!accept.test(next)) {
            return null;
        }
        remaining--;
        ready.pollFirst();
        countTowardsPoll();
        running = next;
        return next;
    }

    /**
     * Moves to the ready queue what other threads queued before this iteration, and nothing
     * queued later, at most {@link #INBOX_BATCH} of it: threads calling
     * {@code callSoonThreadsafe} faster than the loop runs callbacks would otherwise keep one
     * iteration from ever ending (timers, I/O and {@link #stop()} starved). A mark appended to the
     * inbox tells where "before" ended; what a full batch leaves before the mark comes next time.
     * Only the loop thread takes from the inbox.
     */
    private void drainInbox() {
        if (!inboxMarked) {
            if (inbox.isEmpty()) {
                return;
            }
            inbox.offer(INBOX_MARK);
            inboxMarked = true;
        }
        for (int taken = 0; taken < INBOX_BATCH; taken++) {
            Runnable item = inbox.poll();
            if (item == INBOX_MARK) {
                inboxMarked = false;
                return;
            }
            ready.addLast(item);
        }
    }

    private void run(Runnable item) {
        countTowardsPoll();
        boolean timed = this.timed;
        long start = timed ? realNanos() : 0;
        running = item;
        try {
            item.run();
        } catch (Throwable error) {
            hooks.callbackFailed(item, error);
        } finally {
            if (timed) {
                long took = realNanos() - start;
                if (took >= slowCallbackNanos) {
                    hooks.slowCallback(item, took);
                }
            }
        }
    }

    /** One more callback since the last poll; every {@link #CLOCK_INTERVAL} of them, whether the interval in time has passed. */
    private void countTowardsPoll() {
        if ((++sincePoll & (CLOCK_INTERVAL - 1)) == 0 && realNanos() - lastPollNanos >= POLL_INTERVAL_NANOS) {
            pollDue = true;
        }
    }

    /** How long the loop thread really worked: real time whatever the loop's clock (see {@link LoopClock}). */
    private static long realNanos() {
        return LoopClock.SYSTEM.nanoTime();
    }

    private void poll(long timeoutNanos) {
        try {
            int selected;
            if (timeoutNanos == 0) {
                if (selector.keys().isEmpty()) {
                    return;
                }
                selected = selector.selectNow();
            } else {
                wakeupArmed = true;
                if (!inbox.isEmpty() || stopping) {
                    selected = selector.selectNow();
                } else if (timeoutNanos < 0) {
                    selected = selector.select();
                } else {
                    selected = selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
                }
                wakeupArmed = false;
            }
            if (selected > 0 || !selector.selectedKeys().isEmpty()) {
                dispatchIo(); // keys selected by releaseClosedChannels() count as well
            }
        } catch (IOException e) {
            hooks.callbackFailed(null, e);
        }
    }

    /** Queues the handlers of the ready channels behind the callbacks already ready, as asyncio does. */
    private void dispatchIo() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (key.isValid() && key.attachment() instanceof IoHandler handler) {
                ready.addLast(handler);
            }
        }
    }

    private void wakeup() {
        if (wakeupArmed && WAKEUP_ARMED.compareAndSet(this, true, false)) {
            selector.wakeup();
        }
    }

    /**
     * For assertions on the loop-only internal methods ({@code assert core.inLoopOrIdle()}, as
     * Netty asserts {@code inEventLoop()}): the caller is the loop thread or one of its tasks,
     * or no thread runs the loop (setting up before a run, cleaning up after it or in
     * {@code close}).
     */
    @Override
    public boolean inLoopOrIdle() {
        return loopThread == null || inLoop();
    }
}
