// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.testing;

import java.util.List;
import java.util.SplittableRandom;
import org.asyncio4j.Task;

/** Random interference for schedule tests. */
public final class Chaos {
    private Chaos() {
    }

    /**
     * Cancels one unfinished task picked at random. Called right after a release, signal, put or
     * get, it often hits a task that was just woken and has not resumed yet: the moment at which
     * CPython's primitives used to lose wake-ups.
     */
    public static void cancelOneUnfinished(SplittableRandom random, List<? extends Task<?>> tasks) {
        List<? extends Task<?>> running = tasks.stream().filter(task -> !task.isDone()).toList();
        if (!running.isEmpty()) {
            running.get(random.nextInt(running.size())).cancel();
        }
    }
}
