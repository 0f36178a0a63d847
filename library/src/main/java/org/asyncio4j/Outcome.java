// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.Objects;

/**
 * How one awaited operation ended: with a value, an exception, or cancelled. What
 * {@link Asyncio#gatherOutcomes} returns per item, in place of asyncio's
 * {@code gather(..., return_exceptions=True)} list that mixes results and exceptions.
 *
 * {@snippet :
 * List<Outcome<Integer>> outcomes = Asyncio.gatherOutcomes(a, b, c).await();
 * for (Outcome<Integer> outcome : outcomes) {
 *     switch (outcome) {
 *         case Outcome.Success<Integer>(Integer value) -> System.out.println("got " + value);
 *         case Outcome.Failure<Integer>(Throwable error) -> System.out.println("failed: " + error);
 *         case Outcome.Cancelled<Integer>(CancelledError error) -> System.out.println("cancelled");
 *     }
 * }
 * }
 *
 * @param <T> the type of the value
 */
public sealed interface Outcome<T> {

    /**
     * Finished with {@code value} (possibly null).
     *
     * @param value the result
     * @param <T> the type of the value
     */
    record Success<T>(T value) implements Outcome<T> {
    }

    /**
     * Finished by throwing {@code error}.
     *
     * @param error the exception it threw
     * @param <T> the type of the value it would have had
     */
    record Failure<T>(Throwable error) implements Outcome<T> {
        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code error} is null
         */
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Was cancelled, or ended with a {@link CancelledError} as its exception (as a cancelled
     * gather does); {@code error} carries the cancellation message.
     *
     * @param error the cancellation
     * @param <T> the type of the value it would have had
     */
    record Cancelled<T>(CancelledError error) implements Outcome<T> {
        /**
         * Checks the component.
         *
         * @throws NullPointerException if {@code error} is null
         */
        public Cancelled {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The outcome of a future that is done.
     *
     * @param future a done future
     * @param <T> the type of its result
     * @return how the future ended
     * @throws InvalidStateError if the future is not done yet
     */
    static <T> Outcome<T> of(Future<? extends T> future) {
        Objects.requireNonNull(future, "future");
        if (future.isCancelled()) {
            return new Cancelled<>(new CancelledError(future.cancelMessage()));
        }
        Throwable error = future.exception();
        if (error instanceof CancelledError cancelled) {
            return new Cancelled<>(cancelled);
        }
        return error != null ? new Failure<>(error) : new Success<>(future.result());
    }

    /** {@return whether it finished with a value} */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /**
     * The value; otherwise rethrows the exception (unchanged, even a checked one) or the {@link CancelledError}.
     *
     * @return the value of a {@link Success}
     */
    default T get() {
        return switch (this) {
            case Success<T> success -> success.value();
            case Failure<T> failure -> throw Asyncio.sneakyThrow(failure.error());
            case Cancelled<T> cancelled -> throw cancelled.error();
        };
    }

    /** {@return the exception, the {@link CancelledError}, or {@code null} for a success} */
    default Throwable exception() {
        return switch (this) {
            case Success<T> success -> null;
            case Failure<T> failure -> failure.error();
            case Cancelled<T> cancelled -> cancelled.error();
        };
    }
}
