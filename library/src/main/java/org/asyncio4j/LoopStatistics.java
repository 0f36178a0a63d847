// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import java.time.Duration;
import java.util.Objects;

/**
 * What an event loop holds and has done, from {@link EventLoop#statistics()}; the kind of
 * figures Trio's {@code statistics()} methods give.
 *
 * {@snippet :
 * LoopStatistics stats = Asyncio.getRunningLoop().statistics();
 * System.out.println(stats.tasks() + " tasks, busy " + stats.runningTime().minus(stats.pollingTime()));
 * }
 *
 * @param readyCallbacks callbacks and task steps ready to run (other threads' included)
 * @param timers timers scheduled and not cancelled
 * @param registeredChannels channels registered with the loop's selector (sockets, servers, pipes)
 * @param tasks tasks not done yet
 * @param iterations loop iterations run so far
 * @param pollingTime time spent polling for I/O (waiting, when idle), in every run so far
 * @param runningTime time spent running in all, polling included, in every run so far
 */
public record LoopStatistics(int readyCallbacks, int timers, int registeredChannels, int tasks, long iterations,
        Duration pollingTime, Duration runningTime) {
    /**
     * Checks the durations.
     *
     * @throws NullPointerException if a duration is null
     */
    public LoopStatistics {
        Objects.requireNonNull(pollingTime, "pollingTime");
        Objects.requireNonNull(runningTime, "runningTime");
    }
}
