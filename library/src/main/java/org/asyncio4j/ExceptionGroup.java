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
 * {@link #subgroup} and {@link #split} pick members out, keeping the nesting:
 *
 * {@snippet :
 * ExceptionGroup.Split parts = group.split(IOException.class);
 * if (parts.rest() != null) {
 *     throw parts.rest();          // what this handler does not deal with
 * }
 * }
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The description given at construction, without the member count. */
    private final String description;
    /** The members, in order; immutable. */
    private final List<Throwable> exceptions;

    /**
     * A group of {@code exceptions}; its message is {@code description} with the member count.
     *
     * @param description what the group is about
     * @param exceptions its members, at least one
     * @throws IllegalArgumentException if {@code exceptions} is empty
     * @throws NullPointerException if an argument is null or {@code exceptions} contains null
     */
    @SuppressWarnings("this-escape") // addSuppressed is final in Throwable and reads no state of a subclass
    public ExceptionGroup(String description, List<? extends Throwable> exceptions) {
        super(describe(description, exceptions));
        this.description = description;
        this.exceptions = List.copyOf(exceptions);
        for (Throwable error : this.exceptions) {
            addSuppressed(error);
        }
    }

    /** A part of {@code original}: its description, cause and stack trace, with other members. */
    private ExceptionGroup(ExceptionGroup original, List<Throwable> exceptions) {
        this(original.description, exceptions);
        if (original.getCause() != null) {
            initCause(original.getCause());
        }
        setStackTrace(original.getStackTrace());
    }

    /** {@return the members, in order (an immutable list)} */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** {@return the description given at construction, without the member count} */
    public String description() {
        return description;
    }

    /**
     * The members that match {@code condition}, as {@link #split} finds them, or {@code null} if
     * none match. Python's {@code subgroup}.
     *
     * @param condition which exceptions (or nested groups, or this group) to keep
     * @return a group of the matching members, or {@code null}
     */
    public ExceptionGroup subgroup(Predicate<? super Throwable> condition) {
        return split(condition).match();
    }

    /**
     * {@link #subgroup(Predicate)} by type.
     *
     * @param type the type of the exceptions to keep
     * @return a group of the members of that type, or {@code null}
     */
    public ExceptionGroup subgroup(Class<? extends Throwable> type) {
        return split(type).match();
    }

    /**
     * Divides the members into those that match {@code condition} and the others, keeping the
     * nesting: a nested group is split in turn, unless it matches as a whole. {@code condition}
     * is tried on this group first; if it matches, the match is this group and the rest is empty.
     * Each part is a group with this group's description, cause and stack trace, or {@code null}
     * when it would be empty. Python's {@code split}.
     *
     * @param condition which exceptions (or nested groups, or this group) match
     * @return the matching part and the rest
     * @throws NullPointerException if {@code condition} is null
     */
    public Split split(Predicate<? super Throwable> condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition.test(this)) {
            return new Split(this, null);
        }
        List<Throwable> matching = new ArrayList<>();
        List<Throwable> rest = new ArrayList<>();
        for (Throwable error : exceptions) {
            if (error instanceof ExceptionGroup nested) {
                Split part = nested.split(condition);
                if (part.match() != null) {
                    matching.add(part.match());
                }
                if (part.rest() != null) {
                    rest.add(part.rest());
                }
            } else if (condition.test(error)) {
                matching.add(error);
            } else {
                rest.add(error);
            }
        }
        return new Split(part(matching), part(rest));
    }

    /**
     * {@link #split(Predicate)} by type.
     *
     * @param type the type of the exceptions that match
     * @return the part of that type and the rest
     * @throws NullPointerException if {@code type} is null
     */
    public Split split(Class<? extends Throwable> type) {
        Objects.requireNonNull(type, "type");
        return split(type::isInstance);
    }

    /**
     * What {@link #split} returns: the members that matched and the others, each a group or
     * {@code null} when empty (Python's pair {@code (match, rest)}).
     *
     * @param match the matching part, or null
     * @param rest the other members, or null
     */
    public record Split(ExceptionGroup match, ExceptionGroup rest) {
    }

    private ExceptionGroup part(List<Throwable> members) {
        return members.isEmpty() ? null : new ExceptionGroup(this, members);
    }

    private static String describe(String description, List<? extends Throwable> exceptions) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(exceptions, "exceptions");
        for (Throwable error : exceptions) {
            Objects.requireNonNull(error, "exceptions contains null");
        }
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
        }
        int n = exceptions.size();
        return description + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }
}
