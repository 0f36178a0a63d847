// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.test;

import java.time.Duration;
import java.util.Objects;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimerHandle;
import org.asyncio4j.internal.loop.KitAccess;
import org.asyncio4j.internal.loop.VirtualClock;

/**
 * An event loop on a virtual clock, for tests of code that sleeps, times out and retries: an
 * hour of {@code sleep} takes no real time, and what the test observes does not depend on how
 * loaded the machine is. kotlinx-coroutines-test's {@code TestCoroutineScheduler}, Trio's
 * {@code MockClock(autojump_threshold=0)}, CPython's own {@code test_asyncio} {@code TestLoop}.
 *
 * {@snippet :
 * try (TestLoop test = TestLoop.create()) {
 *     EventLoop loop = test.loop();
 *     Future<String> never = loop.createFuture();
 *     loop.runUntilComplete(() -> {
 *         Asyncio.sleep(3600);                 // returns at once: nothing else to do meanwhile
 *         return Asyncio.waitFor(never, 30);   // throws TimeoutError at loop time 3630
 *     });
 * }
 * }
 *
 * <h2>When time moves</h2>
 * Virtual time ({@link #time()}, the loop's {@link EventLoop#time()}) starts at 0 and stands
 * still while callbacks and tasks run. With <em>auto-advance</em> (the default) it jumps to the
 * next timer's deadline whenever the loop would otherwise wait: nothing ready to run and, after a
 * poll that does not block, no I/O ready and nothing queued by another thread. With auto-advance
 * off ({@link #setAutoAdvance}) it moves only through {@link #advanceTime}, {@link #advanceTimeTo}.
 * Either way every timer runs at its own deadline, in order, so {@code time()} inside a callback
 * is the time it was scheduled for.
 *
 * <h2>Other threads</h2>
 * The clock never jumps while another thread still owes the loop work that the loop knows of: a
 * job of {@link EventLoop#runInExecutor} or {@link Asyncio#toThread} that has not delivered its
 * result, a {@link Asyncio#wrapFuture} stage not yet complete, or a task blocked in a JDK call
 * ({@code Thread.sleep}, a blocking socket, a JDK lock); the loop then waits for it in real time.
 * Work that another thread hands over only through {@link EventLoop#callSoonThreadsafe} is not
 * known: the clock may jump past it, so wrap such work in {@code toThread}, have jumps wait for
 * some real idle time ({@link #setAutoAdvanceAfter}), or turn auto-advance off. Real I/O works (the loop polls before each jump), but a timeout on I/O from a peer outside
 * the JVM can expire as soon as the loop has nothing else to do: that is what virtual time means.
 *
 * <h2>Threads</h2>
 * Like its loop, a test loop belongs to one thread. The advancing methods are called either from
 * a task of the running loop (they then suspend the task while time moves) or, while the loop is
 * not running, from the thread that runs it (they then run the loop until time has moved).
 */
public final class TestLoop implements AutoCloseable {
    private final EventLoop loop;
    private final VirtualClock clock;

    private TestLoop(boolean autoAdvance) {
        this.clock = new VirtualClock();
        clock.setAutoAdvance(autoAdvance);
        this.loop = (EventLoop) KitAccess.loops().newLoop(clock);
        clock.setStopper(loop::stop);
    }

    /** {@return a new loop on a virtual clock at 0, with auto-advance} */
    public static TestLoop create() {
        return new TestLoop(true);
    }

    /** {@return a new loop on a virtual clock at 0 that moves only when told to (auto-advance off)} */
    public static TestLoop manual() {
        return new TestLoop(false);
    }

    /** {@return the event loop itself} Run tasks on it as on any loop. */
    public EventLoop loop() {
        return loop;
    }

    /** {@return the virtual time in seconds} The same as {@code loop().time()}. */
    public double time() {
        return loop.time();
    }

    /**
     * Turns auto-advance on or off (see the class documentation); on by default.
     *
     * @param enabled whether the clock jumps to the next timer when the loop has nothing to do
     */
    public void setAutoAdvance(boolean enabled) {
        clock.setAutoAdvance(enabled);
    }

    /** {@return whether auto-advance is on} */
    public boolean isAutoAdvance() {
        return clock.autoAdvance();
    }

    /**
     * Lets auto-advance jump only once the loop has had nothing to do for {@code realIdle} of real
     * time (zero, the default: at once), for code that waits on something the clock cannot know
     * of: another process, a peer outside the JVM, a thread that hands work over with
     * {@code callSoonThreadsafe}. Each jump then costs that much real time. Trio's
     * {@code MockClock.autojump_threshold}.
     *
     * @param realIdle how long the loop must be idle in real time before the clock jumps
     * @throws IllegalArgumentException if {@code realIdle} is negative
     */
    public void setAutoAdvanceAfter(Duration realIdle) {
        Objects.requireNonNull(realIdle, "realIdle");
        if (realIdle.isNegative()) {
            throw new IllegalArgumentException("setAutoAdvanceAfter needs a duration of 0 or more, not " + realIdle);
        }
        clock.setAutoAdvanceAfter(realIdle.toNanos());
    }

    /** {@return how long the loop must be idle in real time before the clock jumps} See {@link #setAutoAdvanceAfter}. */
    public Duration getAutoAdvanceAfter() {
        return Duration.ofNanos(clock.autoAdvanceAfter());
    }

    /**
     * Moves virtual time forward by {@code seconds}, running every callback and task step that
     * falls due on the way, each at its own time, and those due at the new time too; returns
     * with {@link #time()} exactly {@code seconds} later. From a task of the loop this suspends
     * the task until then (like {@code sleep}, but it moves the clock even without auto-advance);
     * from outside it runs the loop until then.
     *
     * @param seconds how far to move the clock, in seconds
     * @throws IllegalArgumentException if {@code seconds} is negative or not a number
     * @throws IllegalStateException if called from another thread while the loop runs
     */
    public void advanceTime(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("advanceTime needs a duration of 0 seconds or more, not " + seconds);
        }
        advanceToNanos(clock.nanoTime() + nanos(seconds));
    }

    /**
     * {@link #advanceTime(double)} with a {@code Duration}.
     *
     * @param duration how far to move the clock
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public void advanceTime(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("advanceTime needs a duration of 0 or more, not " + duration);
        }
        advanceToNanos(clock.nanoTime() + duration.toNanos());
    }

    /**
     * Moves virtual time to {@code when} (loop time in seconds), as {@link #advanceTime} does.
     *
     * @param when the loop time to move to, in seconds

     * @throws IllegalArgumentException if {@code when} is before {@link #time()}: time does not go back
     */
    public void advanceTimeTo(double when) {
        long target = nanos(when);
        if (target < clock.nanoTime()) {
            throw new IllegalArgumentException("advanceTimeTo(" + when + ") is in the past: the loop's time is already "
                    + time() + " and virtual time does not go back");
        }
        advanceToNanos(target);
    }

    /**
     * Runs everything that is due now, without moving time: the callbacks and task steps that are
     * ready, those they make ready, and timers due at {@link #time()}, until none is left. From a
     * task of the loop the caller yields until then.
     *
     * @throws IllegalStateException if called from another thread while the loop runs
     */
    public void runCurrent() {
        if (inLoopTask()) {
            do {
                Asyncio.sleep(0);
            } while (KitAccess.loops().hasWorkNow(loop));
        } else {
            drive(clock.nanoTime());
        }
    }

    /** Closes the loop (see {@link EventLoop#close()}). */
    @Override
    public void close() {
        loop.close();
    }

    @Override
    public String toString() {
        return "<TestLoop time=" + time() + " autoAdvance=" + isAutoAdvance() + " " + loop + ">";
    }

    private void advanceToNanos(long target) {
        if (!inLoopTask()) {
            drive(target);
            return;
        }
        clock.allowUntil(target);
        Future<Void> reached = loop.createFuture();
        TimerHandle timer = loop.callLater(Duration.ofNanos(target - clock.nanoTime()), () -> reached.setResult(null));
        try {
            reached.await();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible); // the future only ever gets a result
        } finally {
            timer.cancel();
        }
    }

    /** Runs the stopped loop on this thread until the clock is idle at {@code target}. */
    private void drive(long target) {
        if (loop.isRunning()) {
            throw new IllegalStateException("This test loop is running on another thread: advance its time from one"
                    + " of its tasks, or while it is not running");
        }
        clock.startDriving(target);
        try {
            do {
                loop.runForever();
            } while (!clock.finishDriving());
        } finally {
            clock.abortDriving();
        }
    }

    private boolean inLoopTask() {
        Task<?> task = Asyncio.currentTask();
        return task != null && task.getLoop() == loop;
    }

    private static long nanos(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a time in seconds must be finite, not " + seconds);
        }
        return Math.round(seconds * 1e9);
    }
}
