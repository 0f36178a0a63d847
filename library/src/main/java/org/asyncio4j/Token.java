// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.NoSuchElementException;

/**
 * What {@link ContextVar#set} returns: the means to undo that one change with
 * {@link ContextVar#reset}. asyncio's {@code contextvars.Token}.
 *
 * {@snippet :
 * Token<String> token = user.set("guest");
 * try {
 *     serve();
 * } finally {
 *     user.reset(token); // back to the previous value (or to unset)
 * }
 * }
 *
 * <p>A token can be used once, in the context where it was created.
 *
 * @param <T> the variable's value type
 */
public final class Token<T> {
    private final ContextVar<T> variable;
    final Context context;
    private final boolean hasOldValue;
    private final Object oldValue;
    private boolean used;

    Token(ContextVar<T> variable, Context context, boolean hasOldValue, Object oldValue) {
        this.variable = variable;
        this.context = context;
        this.hasOldValue = hasOldValue;
        this.oldValue = oldValue;
    }

    /** {@return the variable this token belongs to} */
    public ContextVar<T> variable() {
        return variable;
    }

    /** {@return whether the variable had a value before the {@code set}} (asyncio: {@code old_value is not Token.MISSING}) */
    public boolean hasOldValue() {
        return hasOldValue;
    }

    /**
     * The value before the {@code set}.
     *
     * @return the variable's value before the {@code set}
     * @throws NoSuchElementException if there was none (see {@link #hasOldValue()})
     */
    @SuppressWarnings("unchecked")
    public T oldValue() {
        if (!hasOldValue) {
            throw new NoSuchElementException("the variable had no value before this set(); check hasOldValue() first");
        }
        return (T) oldValue;
    }

    void checkUnused() {
        if (used) {
            throw new IllegalStateException("reset(): " + this + " has already been used; a token resets once");
        }
    }

    void markUsed() {
        used = true;
    }

    @Override
    public String toString() {
        return "<Token var=" + variable + (used ? " used" : "") + ">";
    }
}
