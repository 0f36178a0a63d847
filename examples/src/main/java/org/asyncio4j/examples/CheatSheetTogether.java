// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.asyncio4j.AsyncGenerator;
import org.asyncio4j.Asyncio;
import org.asyncio4j.DoneAndPending;
import org.asyncio4j.Future;
import org.asyncio4j.ReturnWhen;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;

/**
 * The cheat-sheet entries about running awaitables together, asynchronous generators and
 * asynchronous iteration, each shown once: {@code gather}, {@code wait} (all, with a timeout,
 * {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION}), {@code as_completed}, {@code wait_for},
 * {@code shield}, an async generator with {@code async for} and an async comprehension, an
 * await comprehension and an asynchronous iterator class.
 *
 * <p>Port of those items of seed {@code 004_d796321d1e5ba347.txt}, with delays of milliseconds
 * instead of seconds. One correction: the seed wraps {@code wait(tasks, timeout=5)} in
 * {@code except TimeoutError}, but {@code wait} never raises it; the pending set tells instead.
 */
public final class CheatSheetTogether {
    private CheatSheetTogether() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            // await asyncio.gather(c1(), c2())
            out.println("gather: " + Asyncio.gather(() -> work("c1", 0.02), () -> work("c2", 0.01)).await());

            // done, pen = await asyncio.wait(tasks)
            DoneAndPending<Task<String>> all = Asyncio.wait(List.of(task("t1", 0.01), task("t2", 0.02)));
            out.println("wait: done=" + all.done().size() + " pending=" + all.pending().size());

            // done, pen = await asyncio.wait(tasks, timeout=5)
            Task<String> slow = task("slow", 10);
            DoneAndPending<Task<String>> timed = Asyncio.wait(List.of(slow), 0.01);
            out.println("wait with timeout: done=" + timed.done().size() + " pending=" + timed.pending().size());

            // done, pen = await asyncio.wait(tasks, return_when=FIRST_COMPLETED)
            Task<String> fast = task("fast", 0.01);
            DoneAndPending<Task<String>> first = Asyncio.wait(List.of(slow, fast), ReturnWhen.FIRST_COMPLETED);
            out.println("first completed: " + first.done().iterator().next().result());

            // done, pen = await asyncio.wait(tasks, return_when=FIRST_EXCEPTION)
            Task<String> failing = Asyncio.createTask(() -> {
                Asyncio.sleep(0.01);
                throw new IllegalStateException("boom");
            });
            DoneAndPending<Task<String>> failed = Asyncio.wait(List.of(slow, failing), ReturnWhen.FIRST_EXCEPTION);
            out.println("first exception: " + failing.exception().getMessage() + ", pending=" + failed.pending().size());

            // for c in asyncio.as_completed(tasks): result = await c
            for (Task<String> done : Asyncio.asCompleted(List.of(task("third", 0.03), task("first", 0.01), task("second", 0.02)))) {
                out.println("as completed: " + done.await());
            }

            // await asyncio.wait_for(tk, timeout=1) / except asyncio.TimeoutError
            try {
                Asyncio.waitFor(task("too slow", 1), 0.01);
            } catch (TimeoutError e) {
                out.println("wait_for: timed out");
            }

            // shielded = asyncio.shield(task)
            Task<String> important = task("important", 0.02);
            Future<String> shielded = Asyncio.shield(important);
            shielded.cancel();
            out.println("shield: outer cancelled=" + shielded.isCancelled() + ", inner=" + important.await());
            slow.cancel();

            // async for item in async_gen(): print(item)
            for (int item : asyncGenerator(3)) {
                out.println("async for: " + item);
            }

            // res = [r async for r in async_gen()]
            List<Integer> res = new ArrayList<>();
            for (int r : asyncGenerator(3)) {
                res.add(r);
            }
            out.println("async comprehension: " + res);

            // res = [await a for a in awaitables]
            List<String> awaited = new ArrayList<>();
            for (Task<String> a : List.of(task("x", 0.01), task("y", 0))) {
                awaited.add(a.await());
            }
            out.println("await comprehension: " + awaited);

            // async for value in AsyncIterator(): ...
            for (int value : new Counter(3)) {
                out.println("async iterator: " + value);
            }
        });
    }

    private static String work(String name, double seconds) {
        Asyncio.sleep(seconds);
        return name;
    }

    private static Task<String> task(String name, double seconds) {
        return Asyncio.createTask(() -> work(name, seconds));
    }

    /** async def async_generator(): for i in range(n): await asyncio.sleep(...); yield i */
    private static AsyncGenerator<Integer> asyncGenerator(int n) {
        return AsyncGenerator.of(out -> {
            for (int i = 0; i < n; i++) {
                Asyncio.sleep(0.001);
                out.yield(i);
            }
        });
    }

    /** The seed's {@code AsyncIterator} class: {@code __anext__} awaits, then counts up to a limit. */
    private static final class Counter implements Iterable<Integer>, Iterator<Integer> {
        private final int limit;
        private int counter;

        Counter(int limit) {
            this.limit = limit;
        }

        @Override
        public Iterator<Integer> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            return counter < limit;
        }

        @Override
        public Integer next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Asyncio.sleep(0.001);
            counter++;
            return counter;
        }
    }
}
