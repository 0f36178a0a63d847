// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.sync.Condition;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "条件变量" and the four entries after it: tasks wait on a
 * {@link Condition} ({@code cond.wait()} is {@code await()}, {@code wait_for(check)} is
 * {@code awaitUntil(check)}), and are woken one at a time ({@code notify(n=1)} is
 * {@code signal()}) or all at once ({@code notify_all()} is {@code signalAll()}).
 */
public final class ConditionNotify {
    private ConditionNotify() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            Condition condition = new Condition();
            List<Task<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int id = i;
                tasks.add(Asyncio.createTask(() -> {
                    try (var _ = condition.acquire()) { // async with condition:
                        condition.await();              //     await condition.wait()
                        out.println("waiter " + id + " notified");
                    }
                }));
            }
            List<String> mailbox = new ArrayList<>();
            tasks.add(Asyncio.createTask(() -> {
                try (var _ = condition.acquire()) {
                    condition.awaitUntil(() -> !mailbox.isEmpty()); // await condition.wait_for(check)
                    out.println("reader got " + mailbox.getFirst());
                }
            }));
            Asyncio.sleep(0);

            condition.acquire(); // await condition.acquire() ... condition.release()
            try {
                out.println("notify one");
                condition.signal(); // the oldest waiter
            } finally {
                condition.release();
            }
            Asyncio.sleep(0);

            try (var _ = condition.acquire()) {
                out.println("notify all");
                condition.signalAll(); // the reader wakes too, sees no mail and waits again
            }
            Asyncio.sleep(0);

            try (var _ = condition.acquire()) {
                mailbox.add("a letter");
                out.println("mail posted, notify all");
                condition.signalAll();
            }
            for (Task<?> task : tasks) {
                task.await();
            }
        });
    }
}
