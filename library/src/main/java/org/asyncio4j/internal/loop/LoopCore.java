// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The engine of one event loop: a ready queue, a thread-safe inbox, a timer heap and an NIO
 * selector, and the iteration that drives them.
 *
 * <p>It is also the {@link Executor} that the loop's virtual threads are scheduled on: the JDK
 * hands it a task's continuation whenever the task becomes runnable, and the continuation then
 * waits its turn in the ready queue like any other callback.
 */
public final class LoopCore implements Executor {

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

        /** A recording of {@link LoopEvents.LoopLag}: a timer ran {@code nanos} late, at least the slow-callback duration. */
        default void loopLag(long nanos) {
        }
    }

    /**
     * While callbacks are ready, the selector is polled (without blocking) only at the start of
     * an iteration that follows at least this many callbacks since the last poll (Tokio's
     * {@code event_interval}), or {@link #POLL_INTERVAL_NANOS} since it: a channel that becomes
     * ready while the loop is busy has its handler queued within this many iterations. The
     * bounds and the figures behind them are in {@code docs/design.md}, "Polling for I/O".
     */
    static final int POLL_INTERVAL = 61;

    /** The polling interval in time while callbacks are ready, checked every {@link #CLOCK_INTERVAL} callbacks. */
    static final long POLL_INTERVAL_NANOS = 50_000;

    /** Reading the clock costs about as much as running a trivial callback: do it every this many (a power of two). */
    static final int CLOCK_INTERVAL = 16;

    private static final long ORIGIN = System.nanoTime();
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

    private Thread starter;
    private Runnable lastStarted;
    private boolean queueStarted = true;

    /** Callbacks still to run in the iteration in progress; {@link #runNext} adds to it. */
    private int remaining;
    /** While set, the next continuation submitted on the loop goes to the front of the ready queue. */
    private boolean expedite;
    /** Set by {@link #handOff}: runs before the continuation of the task that yields next. */
    private Runnable handOffTarget;

    /** Callbacks run since the last poll of the selector, when it ended, and whether the time since exceeds the interval. */
    private int sincePoll;
    private long lastPollNanos;
    private boolean pollDue;

    private boolean debug;
    private long slowCallbackNanos = 100_000_000L;

    public LoopCore(Hooks hooks) {
        this.hooks = hooks;
        this.cancelledTimer = hooks::isCancelledTimer;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the event loop's selector", e);
        }
    }

    /** The loop's clock: monotonic nanoseconds shared by every loop in this JVM. */
    public static long nanoTime() {
        return System.nanoTime() - ORIGIN;
    }

    /**
     * Schedules a continuation or callback. Thread-safe, never blocks, never throws: called by the
     * JDK from the loop thread, from timer and poller threads and from any other thread.
     */
    @Override
    public void execute(Runnable item) {
        Thread current = Thread.currentThread();
        if (current == starter) {
            lastStarted = item;
            if (queueStarted) {
                ready.addLast(item);
            }
        } else if (current == loopThread || (current.isVirtual() && hooks.isTaskOfThisLoop(current))) {
            if (handOffTarget != null && current == loopThread) {
                Runnable target = handOffTarget;
                handOffTarget = null;
                runNext(item);
                runNext(target);
            } else if (expedite) {
                expedite = false;
                runNext(item);
            } else {
                ready.addLast(item);
            }
        } else {
            pushThreadsafe(item);
        }
    }

    /** Whether the calling thread is the loop thread or one of the loop's tasks. */
    public boolean inLoop() {
        Thread current = Thread.currentThread();
        return current == loopThread || (current.isVirtual() && hooks.isTaskOfThisLoop(current));
    }

    /**
     * Starts a virtual thread whose scheduler is this core, so that its first step is queued in
     * order with the caller's other callbacks even while the loop is not running.
     *
     * @return the thread's continuation, as the JDK handed it to {@link #execute}
     */
    public Runnable start(Thread thread) {
        return start(thread, true);
    }

    /**
     * Like {@link #start(Thread)}; if {@code queue} is false the first step is not queued and the
     * caller must run the returned continuation itself (eager tasks).
     */
    public Runnable start(Thread thread, boolean queue) {
        starter = Thread.currentThread();
        lastStarted = null;
        queueStarted = queue;
        try {
            thread.start();
        } finally {
            starter = null;
            queueStarted = true;
        }
        Runnable continuation = lastStarted;
        lastStarted = null;
        return continuation;
    }

    /**
     * Puts {@code item} at the front of the ready queue so that it runs next, within the
     * iteration in progress; loop thread only.
     */
    public void runNext(Runnable item) {
        ready.addFirst(item);
        remaining++;
    }

    /**
     * Runs {@code action} (on the loop) so that a continuation it submits, e.g. by unparking a
     * task, runs next instead of at the back of the queue: a direct hand-over between two tasks
     * that takes no loop iteration, used by async generators.
     */
    public void expedite(Runnable action) {
        expedite = true;
        try {
            action.run();
        } finally {
            expedite = false;
        }
    }

    /**
     * Arms a hand-over for the task now running on the loop: when it next yields its carrier
     * ({@code Thread.yield}), {@code target} runs first and then the yielding task, both before
     * anything else that is ready. Returns at once; the caller then yields.
     */
    public void handOff(Runnable target) {
        handOffTarget = target;
    }

    /** Disarms a hand-over that did not happen (the task could not yield) and returns its target, or null. */
    public Runnable cancelHandOff() {
        Runnable target = handOffTarget;
        handOffTarget = null;
        return target;
    }

    /** Appends to the ready queue; loop thread only. */
    public void pushReady(Runnable item) {
        ready.addLast(item);
    }

    /** Appends to the inbox from any thread and wakes the loop; returns false once closed. */
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

    public Selector selector() {
        return selector;
    }

    /**
     * The JDK frees a closed channel that is registered with a selector only at the selector's
     * next poll; this polls now (without waiting) so that, for instance, a closed server's port
     * is free at once, as it is in asyncio. What the poll finds ready is dispatched at the next
     * iteration as usual; I/O handlers tolerate being called when nothing is ready. Loop thread only.
     */
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
    public void addCloseHook(Runnable hook) {
        closeHooks.add(hook);
    }

    /** Forgets a hook registered with {@link #addCloseHook}, once its resource is released. */
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
        long timeout;
        if (!ready.isEmpty() || stopping) {
            timeout = 0;
        } else if (!timers.isEmpty()) {
            timeout = Math.max(0, timers.firstDeadline() - nanoTime());
        } else {
            timeout = -1;
        }
        boolean busy = timeout == 0 || !inbox.isEmpty();
        iterations++;
        if (!busy || stopping || pollDue || sincePoll >= POLL_INTERVAL) {
            long pollBegan = nanoTime();
            poll(busy ? 0 : timeout);
            sincePoll = 0;
            pollDue = false;
            lastPollNanos = nanoTime();
            pollingNanos += lastPollNanos - pollBegan;
        }
        drainInbox();
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
        while (remaining > 0) {
            remaining--;
            run(ready.pollFirst());
        }
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
        if ((++sincePoll & (CLOCK_INTERVAL - 1)) == 0 && nanoTime() - lastPollNanos >= POLL_INTERVAL_NANOS) {
            pollDue = true;
        }
        boolean timed = debug || LoopEvents.slowStepsRecorded();
        long start = timed ? System.nanoTime() : 0;
        try {
            item.run();
        } catch (Throwable error) {
            hooks.callbackFailed(item, error);
        } finally {
            if (timed) {
                long took = System.nanoTime() - start;
                if (took >= slowCallbackNanos) {
                    hooks.slowCallback(item, took);
                }
            }
        }
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
}
