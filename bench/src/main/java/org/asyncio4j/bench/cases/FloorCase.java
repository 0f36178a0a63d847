// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.ProcessCpu;
import org.asyncio4j.bench.Size;
import org.asyncio4j.internal.carrier.LoopCarrier;

/**
 * {@code floor}: what one switch costs with no event loop at all, the physical limit the
 * {@code switch} case is held against. Two figures, both "two parties yielding to each other N
 * times; nanoseconds per yield":
 * <ul>
 * <li>{@code floor_vthread}: two virtual threads bound (through asyncio4j's carrier binding) to
 * a bare FIFO run queue on the calling thread, each calling {@code Thread.yield()} — the JDK's
 * unmount, resubmit and remount, with nothing of asyncio4j's loop, futures or tasks;</li>
 * <li>{@code floor_continuation}: two raw {@code jdk.internal.vm.Continuation}s, each yielding
 * its scope, run alternately by the calling thread — the stack switch alone. Needs
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}; without it that figure is
 * skipped with a message on stderr.</li>
 * </ul>
 * A third figure, {@code floor_pingpong}, is the floor of the {@code pingpong} case: two such bare
 * virtual threads handing control back and forth with {@code LockSupport.unpark}/{@code park}
 * (no futures, no loop); nanoseconds per round trip.
 */
public final class FloorCase implements BenchCase {

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 200_000, 1_000);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        List<Figure> figures = new ArrayList<>();
        var vthread = size.passes().run(() -> virtualThreadYield(n));
        figures.add(new Figure(SYSTEM, "floor_vthread", n, vthread.best(), "ns/switch", vthread.extra()));
        var pingpong = size.passes().run(() -> virtualThreadPingPong(n));
        figures.add(new Figure(SYSTEM, "floor_pingpong", n, pingpong.best(), "ns/roundtrip", pingpong.extra()));
        if (RawContinuation.AVAILABLE) {
            var continuation = size.passes().run(() -> continuationYield(n));
            figures.add(new Figure(SYSTEM, "floor_continuation", n, continuation.best(), "ns/switch", continuation.extra()));
        } else {
            System.err.println("floor_continuation skipped: " + RawContinuation.WHY_NOT);
        }
        return figures;
    }

    /** Two loop-carried virtual threads yielding to each other on a bare run queue; ns per yield. */
    static double virtualThreadYield(int n) throws InterruptedException {
        ArrayDeque<Runnable> runQueue = new ArrayDeque<>();
        Thread.Builder.OfVirtual builder = LoopCarrier.builder(runQueue::addLast);
        Runnable spin = () -> {
            for (int i = 0; i < n; i++) {
                Thread.yield();
            }
        };
        Thread a = builder.unstarted(spin);
        Thread b = builder.unstarted(spin);
        long cpu0 = ProcessCpu.now();
        long t0 = System.nanoTime();
        a.start();
        b.start();
        for (Runnable next; (next = runQueue.pollFirst()) != null; ) {
            next.run();
        }
        long took = System.nanoTime() - t0;
        ProcessCpu.record(cpu0, ProcessCpu.now(), 2.0 * n);
        a.join();
        b.join();
        return took / (2.0 * n);
    }

    /** Two loop-carried virtual threads waking each other with unpark and waiting with park; ns per round trip. */
    static double virtualThreadPingPong(int n) throws InterruptedException {
        ArrayDeque<Runnable> runQueue = new ArrayDeque<>();
        Thread.Builder.OfVirtual builder = LoopCarrier.builder(runQueue::addLast);
        Thread[] pair = new Thread[2];
        // Park permits make the hand-off order-independent: each side parks n times and is unparked n times.
        pair[0] = builder.unstarted(() -> {
            for (int i = 0; i < n; i++) {
                LockSupport.unpark(pair[1]);
                LockSupport.park();
            }
        });
        pair[1] = builder.unstarted(() -> {
            for (int i = 0; i < n; i++) {
                LockSupport.park();
                LockSupport.unpark(pair[0]);
            }
        });
        long cpu0 = ProcessCpu.now();
        long t0 = System.nanoTime();
        pair[1].start();
        pair[0].start();
        for (Runnable next; (next = runQueue.pollFirst()) != null; ) {
            next.run();
        }
        long took = System.nanoTime() - t0;
        ProcessCpu.record(cpu0, ProcessCpu.now(), n);
        pair[0].join();
        pair[1].join();
        return took / (double) n;
    }

    /** Two raw continuations yielding alternately; ns per yield. */
    static double continuationYield(int n) {
        Object scope = RawContinuation.newScope("floor");
        Runnable spin = () -> {
            for (int i = 0; i < n; i++) {
                RawContinuation.yieldTo(scope);
            }
        };
        Object a = RawContinuation.newContinuation(scope, spin);
        Object b = RawContinuation.newContinuation(scope, spin);
        long cpu0 = ProcessCpu.now();
        long t0 = System.nanoTime();
        while (!RawContinuation.isDone(a) || !RawContinuation.isDone(b)) {
            RawContinuation.runIfPending(a);
            RawContinuation.runIfPending(b);
        }
        long took = System.nanoTime() - t0;
        ProcessCpu.record(cpu0, ProcessCpu.now(), 2.0 * n);
        return took / (2.0 * n);
    }

    /**
     * {@code jdk.internal.vm.Continuation} through method handles held in static finals (which
     * the JIT inlines like direct calls), so this module compiles with {@code --release 25}.
     */
    private static final class RawContinuation {
        static final boolean AVAILABLE;
        static final String WHY_NOT;
        private static final MethodHandle NEW_SCOPE;
        private static final MethodHandle NEW_CONTINUATION;
        private static final MethodHandle RUN;
        private static final MethodHandle IS_DONE;
        private static final MethodHandle YIELD;

        static {
            MethodHandle newScope = null;
            MethodHandle newContinuation = null;
            MethodHandle run = null;
            MethodHandle isDone = null;
            MethodHandle yield = null;
            String whyNot = null;
            try {
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                Class<?> continuationClass = Class.forName("jdk.internal.vm.Continuation");
                var lookup = MethodHandles.lookup();
                newScope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                        .asType(MethodType.methodType(Object.class, String.class));
                newContinuation = lookup.findConstructor(continuationClass,
                                MethodType.methodType(void.class, scopeClass, Runnable.class))
                        .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                run = lookup.findVirtual(continuationClass, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                isDone = lookup.findVirtual(continuationClass, "isDone", MethodType.methodType(boolean.class))
                        .asType(MethodType.methodType(boolean.class, Object.class));
                yield = lookup.findStatic(continuationClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                        .asType(MethodType.methodType(boolean.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                whyNot = "jdk.internal.vm is not exported to this code; start the JVM with "
                        + "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED (" + e + ")";
            }
            AVAILABLE = whyNot == null;
            WHY_NOT = whyNot;
            NEW_SCOPE = newScope;
            NEW_CONTINUATION = newContinuation;
            RUN = run;
            IS_DONE = isDone;
            YIELD = yield;
        }

        static Object newScope(String name) {
            try {
                return (Object) NEW_SCOPE.invokeExact(name);
            } catch (Throwable e) {
                throw failed(e);
            }
        }

        static Object newContinuation(Object scope, Runnable body) {
            try {
                return (Object) NEW_CONTINUATION.invokeExact(scope, body);
            } catch (Throwable e) {
                throw failed(e);
            }
        }

        static void runIfPending(Object continuation) {
            if (!isDone(continuation)) {
                try {
                    RUN.invokeExact(continuation);
                } catch (Throwable e) {
                    throw failed(e);
                }
            }
        }

        static boolean isDone(Object continuation) {
            try {
                return (boolean) IS_DONE.invokeExact(continuation);
            } catch (Throwable e) {
                throw failed(e);
            }
        }

        static void yieldTo(Object scope) {
            try {
                boolean ignored = (boolean) YIELD.invokeExact(scope);
            } catch (Throwable e) {
                throw failed(e);
            }
        }

        private static IllegalStateException failed(Throwable e) {
            return new IllegalStateException("a raw jdk.internal.vm.Continuation operation failed", e);
        }
    }
}
