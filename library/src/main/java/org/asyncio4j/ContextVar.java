// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A variable whose value belongs to the current {@link Context}: each task sees the value of its
 * own context, which starts as a copy of its creator's. asyncio's {@code contextvars.ContextVar}.
 *
 * {@snippet :
 * static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id", "-");
 *
 * Asyncio.run(() -> {
 *     REQUEST_ID.set("main");
 *     Task<String> child = Asyncio.createTask(() -> {
 *         String inherited = REQUEST_ID.get();   // "main": copied when the task was created
 *         REQUEST_ID.set("child");                // changes the child's context only
 *         return inherited;
 *     });
 *     System.out.println(child.await() + " " + REQUEST_ID.get()); // main main
 * });
 * }
 *
 * <p>Create context variables once (e.g. as {@code static final} fields): they are compared by
 * identity, and a context keeps a strong reference to every variable it holds. Values may be
 * {@code null}.
 *
 * @param <T> the value type
 */
public final class ContextVar<T> {
    private static final Object MISSING = new Object();

    private final String name;
    private final boolean hasDefault;
    private final T defaultValue;

    /**
     * A variable without a default: {@link #get()} throws until it is set.
     *
     * @param name the variable's name, for messages and {@code toString}
     */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.hasDefault = false;
        this.defaultValue = null;
    }

    /**
     * A variable whose {@link #get()} returns {@code defaultValue} where it is not set.
     *
     * @param name the variable's name, for messages and {@code toString}
     * @param defaultValue the value where none is set (may be {@code null})
     */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.hasDefault = true;
        this.defaultValue = defaultValue;
    }

    /** {@return the name given to the constructor} */
    public String getName() {
        return name;
    }

    /**
     * The value in the current context, else the variable's default.
     *
     * @return the value in the current context, or the default where it is not set
     * @throws NoSuchElementException if it has neither (asyncio's {@code LookupError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object value = Context.current().lookup(this, MISSING);
        if (value != MISSING) {
            return (T) value;
        }
        if (hasDefault) {
            return defaultValue;
        }
        throw new NoSuchElementException("ContextVar '" + name + "' has no value in the current context and no"
                + " default; set it first, or call get(default)");
    }

    /**
     * The value in the current context, else {@code fallback} (which wins over the variable's default).
     *
     * @param fallback what to return where the variable is not set
     * @return the value in the current context, or {@code fallback}
     */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Object value = Context.current().lookup(this, MISSING);
        return value != MISSING ? (T) value : fallback;
    }

    /**
     * Sets the value in the current context.
     *
     * @param value the new value (may be {@code null})
     * @return a token that {@link #reset} takes to restore the previous value
     */
    public Token<T> set(T value) {
        Context context = Context.current();
        Object previous = context.lookup(this, MISSING);
        context.put(this, value);
        return new Token<>(this, context, previous != MISSING, previous);
    }

    /**
     * Restores the value this variable had before the {@link #set} that returned {@code token}
     * (or removes it, if it had none). The checks come in CPython's order: a token already used
     * is reported as such even if it also belongs elsewhere.
     *
     * @param token what {@link #set} returned
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalStateException if the token was already used (checked first)
     * @throws IllegalArgumentException if the token belongs to another variable, or else was
     *     created in another context
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        token.checkUnused(); // first, as in CPython: a used token says so wherever it is reset
        if (token.variable() != this) {
            throw new IllegalArgumentException("reset(): " + token + " was created by another ContextVar, not '" + name + "'");
        }
        Context context = Context.current();
        if (token.context != context) {
            throw new IllegalArgumentException("reset(): " + token + " was created in a different Context;"
                    + " reset a variable in the task or callback that set it");
        }
        token.markUsed();
        if (token.hasOldValue()) {
            context.put(this, token.oldValue());
        } else {
            context.remove(this);
        }
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'" + (hasDefault ? " default=" + defaultValue : "") + ">";
    }
}
