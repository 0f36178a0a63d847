// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Asyncio#wait} returns: the futures that are done and those still pending, each set
 * in the order the futures were given. asyncio's {@code (done, pending)} pair.
 *
 * {@snippet :
 * DoneAndPending<Task<String>> result = Asyncio.wait(tasks, 5.0);
 * for (Task<String> task : result.done()) {
 *     System.out.println(task.result());
 * }
 * result.pending().forEach(Task::cancel);
 * }
 *
 * @param done the futures that were done when {@code wait} returned
 * @param pending the others
 * @param <F> the type of the futures
 */
public record DoneAndPending<F extends Future<?>>(Set<F> done, Set<F> pending) {
    /**
     * Copies both sets, keeping their order, into unmodifiable sets.
     *
     * @throws NullPointerException if either set is null or contains null
     */
    public DoneAndPending {
        done = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(done, "done")));
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(pending, "pending")));
        if (done.contains(null) || pending.contains(null)) {
            throw new NullPointerException((done.contains(null) ? "done" : "pending") + " contains null");
        }
    }
}
