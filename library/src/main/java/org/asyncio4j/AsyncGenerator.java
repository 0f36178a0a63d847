// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A producer of values whose body may await between them, consumed with a plain {@code for}
 * loop inside a task. asyncio's asynchronous generator ({@code async def} with {@code yield},
 * iterated with {@code async for}).
 *
 * {@snippet :
 * static AsyncGenerator<Integer> ticks(int count) {
 *     return AsyncGenerator.of(out -> {
 *         for (int i = 0; i < count; i++) {
 *             Asyncio.sleep(0.1);
 *             out.yield(i);
 *         }
 *     });
 * }
 *
 * Asyncio.run(() -> {
 *     try (AsyncGenerator<Integer> ticks = ticks(10)) {
 *         for (int tick : ticks) {       // each step parks the task while the body works
 *             if (tick == 3) {
 *                 break;                 // close() runs the body's finally blocks
 *             }
 *         }
 *     }
 * });
 * }
 *
 * <h2>How it runs</h2>
 * The body runs when the consumer asks for the next value ({@link #hasNext()}), until it yields
 * one or ends, while the consumer waits; control passes between the two directly, without a loop
 * iteration, so a body that does not await runs exactly as asyncio would run it, inline. The body
 * runs in the consumer's {@link Context} (a value it sets is seen by the consumer). Unlike Python,
 * it runs on a task of its own, so {@link Asyncio#currentTask()} in the body is not the consumer;
 * that task is hidden from {@link Asyncio#allTasks()}.
 *
 * <h2>Sending values and exceptions in</h2>
 * {@link #asend(Object)} resumes the body with a value, which its pending {@code yield} returns
 * (a plain {@link #next()} makes it return {@code null}); {@link #athrow(Throwable)} throws an
 * exception there instead. Both return the next value the body yields, as asyncio's
 * {@code asend} and {@code athrow} do:
 *
 * {@snippet :
 * AsyncGenerator<Integer> totals = AsyncGenerator.of(out -> {
 *     int total = 0;
 *     while (true) {
 *         Integer added = (Integer) out.yield(total);   // what asend passed in
 *         total += added == null ? 0 : added;
 *     }
 * });
 * totals.next();                   // 0: runs the body to its first yield
 * totals.asend(5);                 // 5
 * totals.asend(2);                 // 7
 * }
 *
 * <h2>Closing</h2>
 * {@link #close()} (try-with-resources, or after a {@code break}) throws {@link GeneratorExit}
 * into the body at its pending {@code yield} and waits for the body to end, running its
 * {@code finally} blocks, which may await. A generator still open when {@link Asyncio#run}'s main
 * task ends is closed the same way (asyncio's {@code shutdown_asyncgens}), and so is one that was
 * started and then dropped without closing, once it is garbage collected (asyncio's finalizer
 * hook): a task of its loop closes it.
 *
 * <h2>Cancellation</h2>
 * Cancelling the consumer while it waits for the next value cancels the body where it waits; the
 * {@link CancelledError} then reaches the consumer, as it would through an {@code async for}.
 *
 * <h2>Thread confinement</h2>
 * Iterate and close it only from tasks of one loop, one consumer at a time; it can be iterated
 * once.
 *
 * @param <T> the type of the values
 */
public final class AsyncGenerator<T> implements Iterable<T>, Iterator<T>, AutoCloseable {
    /**
     * The generator's body: it produces values with {@link Yield#yield}.
     *
     * @param <T> the type of the values
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the body; the generator ends when it returns.
         *
         * @param out where the body yields its values
         * @throws Exception whatever the body throws; the consumer's next step rethrows it
         */
        void run(Yield<T> out) throws Exception;
    }

    /**
     * How a body hands a value to the consumer.
     *
     * @param <T> the type of the values
     */
    public interface Yield<T> {
        /**
         * Hands {@code value} to the consumer and parks until the consumer asks for the next one.
         * Whatever the consumer passed to {@link AsyncGenerator#athrow(Throwable)} is thrown from
         * here (even a checked exception, undeclared), so that the body can catch it.
         *
         * @param value the value for the consumer (may be {@code null})
         * @return what the consumer sent with {@link AsyncGenerator#asend(Object)}, or {@code null}
         *     if it asked with {@link AsyncGenerator#next()} (asyncio's value of a {@code yield}
         *     expression); cast it to the type the consumers send
         * @throws GeneratorExit if the generator was closed meanwhile: let it escape
         */
        Object yield(T value);
    }

    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon()
            .name("asyncio4j-asyncgen-finalizer").factory());

    /** All the state; the body's task refers to it but never to this facade, which can be collected. */
    private final Engine<T> engine;

    private AsyncGenerator(Body<T> body) {
        this.engine = new Engine<>(Objects.requireNonNull(body, "body"));
    }

    /**
     * A generator that runs {@code body}; nothing runs until the first {@link #hasNext()}.
     *
     * @param body the code that yields the values
     * @param <T> the type of the values
     * @return a new, unstarted generator
     * @throws NullPointerException if {@code body} is null
     */
    public static <T> AsyncGenerator<T> of(Body<T> body) {
        return new AsyncGenerator<>(body);
    }

    /** Returns this generator: it is its own, single-use iterator. */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /**
     * Runs the body until it yields the next value or ends (parking the calling task meanwhile);
     * an exception the body throws is rethrown here, unchanged.
     *
     * @return whether the body yielded a value ({@code false} once it has ended)
     * @throws IllegalStateException outside a task, or if another task is iterating it right now
     */
    @Override
    public boolean hasNext() {
        if (engine.hasItem) {
            return true;
        }
        if (engine.finished) {
            return false;
        }
        return step("hasNext", null, null);
    }

    /**
     * Runs the body to its next value, as {@link #hasNext()} does, and returns it.
     *
     * @return the next value the body yields
     * @throws NoSuchElementException if the body has ended
     * @throws IllegalStateException outside a task, or if another task is iterating it right now
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the async generator has no more values");
        }
        return engine.take();
    }

    /**
     * Resumes the body with {@code value}, which its pending {@link Yield#yield} returns, and parks
     * until the body yields again; returns that value. {@code asend(null)} is {@link #next()}.
     * asyncio's {@code asend(value)}.
     *
     * @param value what the pending {@code yield} returns
     * @return the next value the body yields
     * @throws NoSuchElementException if the body has ended, or ends now without yielding (asyncio's
     *     {@code StopAsyncIteration})
     * @throws IllegalStateException outside a task; if the generator is already running (another
     *     task is waiting for it); if {@code value} is not null and the body has not started yet
     *     (start it with {@code next()} or {@code asend(null)}); or if {@link #hasNext()} fetched a
     *     value that {@code next()} has not taken yet
     */
    public T asend(Object value) {
        if (value != null && engine.producer == null && !engine.finished) {
            throw new IllegalStateException("asend() cannot send a non-null value to an async generator that has not"
                    + " started: no yield is waiting for it; start it with next() or asend(null)");
        }
        requireNoFetchedValue("asend");
        if (!engine.finished && step("asend", value, null)) {
            return engine.take();
        }
        throw new NoSuchElementException("the async generator has no more values (asyncio's StopAsyncIteration)");
    }

    /**
     * Throws {@code error} into the body at its pending {@link Yield#yield} and parks until the
     * body yields again (it caught {@code error}); returns that value. asyncio's
     * {@code athrow(error)}, which also decides the cases below: a generator that has not started
     * ends at once without running its body, and {@code error} is thrown here; one that has ended
     * ignores {@code error} and this returns {@code null}.
     *
     * @param error the exception to throw at the pending {@code yield}
     * @return the next value the body yields, or {@code null} if the generator had ended
     * @throws NoSuchElementException if the body catches {@code error} and ends without yielding
     * @throws IllegalStateException outside a task, if the generator is already running, or if
     *     {@link #hasNext()} fetched a value that {@code next()} has not taken yet
     */
    public T athrow(Throwable error) {
        Objects.requireNonNull(error, "error");
        requireNoFetchedValue("athrow");
        if (engine.finished) {
            return null;
        }
        if (engine.producer == null) {
            engine.finished = true;
            throw Asyncio.sneakyThrow(error);
        }
        if (step("athrow", null, error)) {
            return engine.take();
        }
        throw new NoSuchElementException("the async generator ended without yielding after athrow()"
                + " (asyncio's StopAsyncIteration)");
    }

    /**
     * Closes the generator: throws {@link GeneratorExit} into the body at its pending yield and
     * parks until the body has ended. Does nothing if it never started or has already ended.
     * asyncio's {@code aclose()}.
     *
     * @throws IllegalStateException if the body yielded another value instead of ending
     */
    @Override
    public void close() {
        if (engine.producer != null && !engine.finished && !engine.closing) {
            requireConsumer("close");
        }
        engine.close();
    }

    /** {@return whether the body has ended (or the generator was closed)} */
    public boolean isFinished() {
        return engine.finished;
    }

    @Override
    public String toString() {
        return engine.toString();
    }

    /** Runs the body to its next yield or end, resuming it with {@code sent} or {@code thrown}; whether it yielded. */
    private boolean step(String operation, Object sent, Throwable thrown) {
        Task<?> consumer = requireConsumer(operation);
        boolean firstStep = engine.producer == null;
        boolean more = engine.advance(consumer, operation, sent, thrown);
        if (firstStep) {
            CLEANER.register(this, engine::collected);
        }
        return more && engine.hasItem;
    }

    private void requireNoFetchedValue(String operation) {
        if (engine.hasItem) {
            throw new IllegalStateException(operation + "() while a value fetched by hasNext() waits for next():"
                    + " take it with next() first, or it would be lost");
        }
    }

    private static Task<?> requireConsumer(String operation) {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException("AsyncGenerator." + operation + "() parks the current task, so it must be"
                    + " called from inside a task (Asyncio.run, createTask)");
        }
        return task;
    }

    /* Implementation notes: the body runs on a hidden task (the "producer"). The consumer and the
     * producer hand control to each other with Carrier.expedite, so each step runs next in the
     * same loop iteration, as asyncio runs a generator inline in the consumer's step. */

    /** A generator's state and hand-over logic, shared by the facade and the body's task. */
    static final class Engine<T> {
        private final Body<T> body;
        private EventLoop loop;
        private Task<Void> producer;
        /** What the consumer waits for: true when a value is ready, false when the body ended. */
        private Step step;
        /** What the body waits for at a yield: true to go on, false to close. */
        private Future<Boolean> resume;
        /** What the pending yield returns, or throws, when the body goes on. */
        private Object sent;
        private Throwable thrown;
        private T item;
        private boolean hasItem;
        private boolean running;
        private boolean finished;
        private boolean closing;
        private boolean ignoredClose;

        Engine(Body<T> body) {
            this.body = body;
        }

        T take() {
            T value = item;
            item = null;
            hasItem = false;
            return value;
        }

        void close() {
            if (finished || closing) {
                return;
            }
            if (producer == null) {
                finished = true;
                return;
            }
            Task<?> consumer = requireConsumer("close");
            requireNotRunning("close");
            closing = true;
            item = null;
            hasItem = false;
            advance(consumer, "close", null, null);
        }

        /** The facade was garbage collected while the body may still be parked: close it on its loop. */
        void collected() {
            EventLoop owner = loop;
            owner.callSoonThreadsafeQuietly(() -> {
                if (!finished && !closing && !owner.isClosed() && owner.forgetAsyncGenerator(this)) {
                    owner.createTask(this::close, "close collected AsyncGenerator");
                }
            });
        }

        @Override
        public String toString() {
            return "<AsyncGenerator " + (finished ? "finished" : producer == null ? "created" : running ? "running" : "suspended") + ">";
        }

        private void requireNotRunning(String operation) {
            if (running) {
                throw new IllegalStateException(operation + "(): the async generator is already running in another task;"
                        + " iterate it from one task at a time");
            }
        }

        /** Lets the body run until its next yield or end (closing it if {@link #closing}); returns the step's value. */
        private boolean advance(Task<?> consumer, String operation, Object value, Throwable error) {
            requireNotRunning(operation);
            boolean goOn = !closing;
            sent = value;
            thrown = error;
            Step next = new Step(consumer.loop);
            step = next;
            running = true;
            try {
                if (producer == null) {
                    start(consumer);
                } else {
                    producer.context = consumer.context;
                    Future<Boolean> r = resume;
                    if (!r.isDone()) { // cancelled if the body's task was cancelled at its yield: it ends by itself
                        loop.carrier().expedite(() -> r.setResult(goOn));
                    }
                }
                return next.await();
            } catch (Exception e) {
                throw Asyncio.sneakyThrow(e);
            } finally {
                running = false;
            }
        }

        private void start(Task<?> consumer) {
            loop = consumer.loop;
            producer = loop.createGeneratorTask(this::runBody);
            producer.context = consumer.context;
            loop.asyncGeneratorStarted(this);
        }

        /** The producer task's body. */
        private Void runBody() {
            Throwable failure = null;
            try {
                body.run(this::yieldValue);
            } catch (Throwable t) {
                failure = t;
            }
            finished = true;
            loop.forgetAsyncGenerator(this);
            Step current = step;
            if (ignoredClose) {
                current.setOnce(new IllegalStateException("the async generator ignored close(): it yielded a value"
                        + " after GeneratorExit instead of ending"));
            } else if (failure == null || (closing && failure instanceof GeneratorExit)) {
                current.setOnce(Boolean.FALSE);
            } else if (failure instanceof CancelledError cancelled) {
                current.cancelOnce(cancelled.getMessage());
            } else {
                current.setOnce(failure);
            }
            return null;
        }

        /** Runs in the producer: hands the value over and parks until asked for more. */
        private Object yieldValue(T value) {
            if (Task.current() != producer) {
                throw new IllegalStateException("yield() must be called by the generator's own body");
            }
            if (closing) {
                ignoredClose = true;
                throw new GeneratorExit();
            }
            item = value;
            hasItem = true;
            Future<Boolean> r = new Future<>(loop);
            resume = r;
            step.setOnce(Boolean.TRUE);
            boolean goOn;
            try {
                goOn = r.await();
            } catch (Exception e) {
                throw Asyncio.sneakyThrow(e);
            }
            if (!goOn) {
                throw new GeneratorExit();
            }
            Object received = sent;
            Throwable error = thrown;
            sent = null;
            thrown = null;
            if (error != null) {
                throw Asyncio.sneakyThrow(error);
            }
            return received;
        }

        /** The consumer's wait for one step; cancelling it cancels the body where it waits. */
        private final class Step extends Future<Boolean> {
            Step(EventLoop loop) {
                super(loop);
            }

            @Override
            public boolean cancel(String message) {
                return !isDone() && producer != null && !producer.isDone() && producer.cancel(message);
            }

            /** Completes the step (a Boolean or a Throwable) so that the waiting consumer runs next. */
            void setOnce(Object outcome) {
                if (isDone()) {
                    return;
                }
                if (outcome instanceof Throwable error) {
                    loop.carrier().expedite(() -> finishWithException(error));
                } else {
                    loop.carrier().expedite(() -> finishWithResult((Boolean) outcome));
                }
            }

            void cancelOnce(String message) {
                if (!isDone()) {
                    loop.carrier().expedite(() -> finishCancelled(message));
                }
            }
        }
    }
}
