// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A mapping of {@link ContextVar}s to values: the "current context" that context variables read
 * and write. asyncio's {@code contextvars.Context}.
 *
 * {@snippet :
 * ContextVar<String> user = new ContextVar<>("user");
 * user.set("ada");
 * Context snapshot = Context.copyContext();
 * user.set("grace");
 * snapshot.run(() -> System.out.println(user.get())); // ada
 * System.out.println(user.get());                       // grace
 * }
 *
 * <h2>Which context is current</h2>
 * Every task runs in its own context, a copy of its creator's taken when the task was created, so
 * a value a task sets is seen by the tasks it creates afterwards but never by its creator or its
 * siblings. Every loop callback ({@code callSoon}, {@code callLater}, done callbacks) runs in a
 * copy of the context that was current when it was scheduled. A task or callback may be given a
 * context instead ({@link EventLoop#createTask(Coroutine, String, Context)},
 * {@link EventLoop#callSoon(Runnable, Context)}, {@link Future#addDoneCallback(java.util.function.Consumer, Context)}):
 * it then runs in that context itself, and what it sets is seen there afterwards. A thread that
 * is neither a task nor running a callback has a context of its own.
 *
 * <h2>Thread confinement</h2>
 * A context is entered by one thread at a time: {@link #run} throws if it is already entered,
 * which includes the context of the task that calls it ({@link Task#getContext()}).
 * Copying is O(1): the mapping is immutable and {@link ContextVar#set} replaces it.
 */
public final class Context {
    private static final ThreadLocal<ThreadSlot> SLOTS = ThreadLocal.withInitial(ThreadSlot::new);

    private Map<ContextVar<?>, Object> vars;
    private boolean entered;

    /** An empty context. */
    public Context() {
        this(Map.of());
    }

    Context(Map<ContextVar<?>, Object> vars) {
        this.vars = vars;
    }

    /** {@return a copy of the current context}: asyncio's {@code contextvars.copy_context()} */
    public static Context copyContext() {
        return new Context(currentVars());
    }

    /** {@return a new context with the same variables and values} */
    public Context copy() {
        return new Context(vars);
    }

    /**
     * Runs {@code body} with this context as the current one, then restores the previous one;
     * changes {@code body} makes to context variables stay in this context.
     *
     * An exception {@code body} throws is rethrown unchanged, even a checked one (as
     * {@link Asyncio#run} does).
     *
     * @param body the code to run
     * @param <T> the type of its result
     * @return what {@code body} returned
     * @throws IllegalStateException if this context is already entered (by this or another thread)
     */
    public <T> T run(Callable<T> body) {
        Objects.requireNonNull(body, "body");
        enter();
        Task<?> task = Task.current();
        Context previous;
        ThreadSlot slot = null;
        if (task != null) {
            previous = task.context;
            task.context = this;
        } else {
            slot = SLOTS.get();
            previous = slot.current();
            slot.context = this;
        }
        try {
            return body.call();
        } catch (Exception e) {
            throw Asyncio.sneakyThrow(e);
        } finally {
            if (task != null) {
                task.context = previous;
            } else {
                slot.context = previous;
            }
            entered = false;
        }
    }

    /**
     * {@link #run(Callable)} for a body without a result or checked exceptions.
     *
     * @param body the code to run
     * @throws IllegalStateException if this context is already entered (by this or another thread)
     */
    public void run(Runnable body) {
        Objects.requireNonNull(body, "body");
        run(() -> {
            body.run();
            return null;
        });
    }

    /**
     * The value of {@code variable} in this context, or {@code null} if it has none here.
     *
     * @param variable the variable to look up
     * @param <T> its value type
     * @return its value here, or {@code null} (see {@link #contains} to tell a null value from none)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ContextVar<T> variable) {
        Objects.requireNonNull(variable, "variable");
        return (T) vars.get(variable);
    }

    /**
     * Whether {@code variable} has a value (possibly null) in this context.
     *
     * @param variable the variable to look for
     * @return whether it is set here
     */
    public boolean contains(ContextVar<?> variable) {
        Objects.requireNonNull(variable, "variable");
        return vars.containsKey(variable);
    }

    /** {@return the variables that have a value in this context, as of this call (unmodifiable)} */
    public Set<ContextVar<?>> variables() {
        return Collections.unmodifiableSet(vars.keySet());
    }

    /** {@return how many variables have a value in this context} */
    public int size() {
        return vars.size();
    }

    @Override
    public String toString() {
        return "<Context " + vars + ">";
    }

    // ---------------------------------------------------------------- internals

    /** The context current on this thread: the task's own, a callback's, or the thread's. */
    static Context current() {
        Task<?> task = Task.current();
        return task != null ? task.context : SLOTS.get().current();
    }

    /** An immutable snapshot of the current context's mapping, without materialising a context. */
    static Map<ContextVar<?>, Object> currentVars() {
        Task<?> task = Task.current();
        if (task != null) {
            return task.context.vars;
        }
        ThreadSlot slot = SLOTS.get();
        return slot.context != null ? slot.context.vars : slot.pending;
    }

    /**
     * Runs a loop callback in a fresh copy of {@code snapshot}. The copy is made only if the
     * callback touches a context variable, so callbacks that do not pay nothing but a
     * thread-local lookup.
     */
    static void runCallback(Map<ContextVar<?>, Object> snapshot, Runnable callback) {
        ThreadSlot slot = SLOTS.get();
        Context savedContext = slot.context;
        Map<ContextVar<?>, Object> savedPending = slot.pending;
        slot.context = null;
        slot.pending = snapshot;
        try {
            callback.run();
        } finally {
            slot.context = savedContext;
            slot.pending = savedPending;
        }
    }

    Object lookup(ContextVar<?> variable, Object missing) {
        return vars.getOrDefault(variable, missing);
    }

    void put(ContextVar<?> variable, Object value) {
        HashMap<ContextVar<?>, Object> next = new HashMap<>(vars);
        next.put(variable, value);
        vars = Collections.unmodifiableMap(next);
    }

    void remove(ContextVar<?> variable) {
        if (vars.containsKey(variable)) {
            HashMap<ContextVar<?>, Object> next = new HashMap<>(vars);
            next.remove(variable);
            vars = next.isEmpty() ? Map.of() : Collections.unmodifiableMap(next);
        }
    }

    private void enter() {
        if (entered || isCurrent()) {
            throw new IllegalStateException("Context.run(): this context is already entered; use copy().run(...)"
                    + " to run code in a copy of it");
        }
        entered = true;
    }

    /**
     * Whether the current task or callback runs in this context without having entered it
     * through {@link #run}: a task is inside its own context for as long as it runs.
     */
    private boolean isCurrent() {
        Task<?> task = Task.current();
        return task != null ? task.context == this || task.getContext() == this : SLOTS.get().context == this;
    }

    /** Where a platform thread keeps its current context; materialised lazily from a snapshot. */
    private static final class ThreadSlot {
        Context context;
        Map<ContextVar<?>, Object> pending = Map.of();

        Context current() {
            if (context == null) {
                context = new Context(pending);
            }
            return context;
        }
    }
}
