// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Several exceptions raised together, e.g. by the tasks of a {@link TaskGroup}. Python's
 * {@code ExceptionGroup} (and {@code BaseExceptionGroup}).
 *
 * {@snippet :
 * try {
 *     TaskGroup.run(tg -> {
 *         tg.createTask(() -> { throw new IOException("disk"); });
 *         tg.createTask(() -> { throw new IllegalStateException("state"); });
 *     });
 * } catch (ExceptionGroup group) {
 *     for (Throwable error : group.exceptions()) {
 *         System.out.println(error);   // both, in the order they happened
 *     }
 * }
 * }
 *
 * <p>Each member is also attached as a suppressed exception, so stack traces show them all.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final List<Throwable> exceptions;

    /**
     * @param description what the group is about
     * @param exceptions its members, at least one
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    @SuppressWarnings("this-escape") // addSuppressed is final in Throwable and reads no state of a subclass
    public ExceptionGroup(String description, List<? extends Throwable> exceptions) {
        super(describe(description, exceptions), null, true, true);
        this.description = description;
        this.exceptions = List.copyOf(exceptions);
        for (Throwable error : this.exceptions) {
            addSuppressed(error);
        }
    }

    /** The members, in order. */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** The description given at construction, without the member count. */
    public String description() {
        return description;
    }

    /**
     * The members that match {@code condition} (looking into nested groups), as a group with the
     * same description, or {@code null} if none match. Python's {@code subgroup}.
     */
    public ExceptionGroup subgroup(Predicate<? super Throwable> condition) {
        Objects.requireNonNull(condition, "condition");
        List<Throwable> matching = new ArrayList<>();
        for (Throwable error : exceptions) {
            if (condition.test(error)) {
                matching.add(error);
            } else if (error instanceof ExceptionGroup nested) {
                ExceptionGroup part = nested.subgroup(condition);
                if (part != null) {
                    matching.add(part);
                }
            }
        }
        return matching.isEmpty() ? null : new ExceptionGroup(description, matching);
    }

    /** {@link #subgroup(Predicate)} by type. */
    public ExceptionGroup subgroup(Class<? extends Throwable> type) {
        return subgroup(type::isInstance);
    }

    private static String describe(String description, List<? extends Throwable> exceptions) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(exceptions, "exceptions");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
        }
        int n = exceptions.size();
        return description + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }
}
