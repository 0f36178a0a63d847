// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.sync.Event;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "创建事件,并设置事件", "检查事件是否设置" and "等待事件被设置":
 * tasks wait on an {@link Event} ({@code await event.wait()} is {@code event.await()}) until a
 * timer callback sets it.
 */
public final class EventSignal {
    private EventSignal() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            Event event = new Event();
            Task<?>[] waiters = new Task<?>[3];
            for (int i = 0; i < waiters.length; i++) {
                int id = i;
                waiters[i] = Asyncio.createTask(() -> {
                    out.println("waiter " + id + " waits");
                    event.await();
                    out.println("waiter " + id + " saw the event");
                });
            }
            Asyncio.sleep(0);
            out.println("is set? " + event.isSet());
            Asyncio.getRunningLoop().callLater(0.05, () -> {
                out.println("timer sets the event");
                event.set();
            });
            for (Task<?> waiter : waiters) {
                waiter.await();
            }
            out.println("is set? " + event.isSet());
            event.await(); // already set: returns at once
            out.println("a late waiter passes straight through");
        });
    }
}
