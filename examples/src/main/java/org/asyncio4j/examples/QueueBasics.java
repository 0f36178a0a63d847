// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import java.io.PrintStream;
import java.util.Comparator;
import org.asyncio4j.Asyncio;
import org.asyncio4j.queues.LifoQueue;
import org.asyncio4j.queues.PriorityQueue;
import org.asyncio4j.queues.Queue;

/**
 * Seed {@code 004_d796321d1e5ba347.txt}, "队列": the three queues ({@link Queue},
 * {@link LifoQueue}, {@link PriorityQueue}), a bounded queue whose {@code put} waits for room,
 * {@code empty()}/{@code full()}/{@code qsize()} (here {@code isEmpty()}/{@code isFull()}/{@code qsize()}),
 * and {@code task_done()}/{@code join()}.
 */
public final class QueueBasics {
    private QueueBasics() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    record Job(int priority, String name) {
    }

    static void run(PrintStream out) {
        Asyncio.run(() -> {
            Queue<String> queue = new Queue<>();          // asyncio.Queue()
            queue.put("first");                           // await queue.put(item)
            queue.put("second");
            out.println("qsize: " + queue.qsize() + ", empty: " + queue.isEmpty() + ", full: " + queue.isFull());
            out.println("get: " + queue.get());            // await queue.get()
            out.println("get: " + queue.get());
            out.println("empty: " + queue.isEmpty());

            Queue<Integer> bounded = new Queue<>(2);      // asyncio.Queue(100), with a smaller bound
            var producer = Asyncio.createTask(() -> {
                for (int i = 1; i <= 3; i++) {
                    bounded.put(i);                       // waits while the queue is full
                    out.println("put " + i + " (qsize " + bounded.qsize() + ", full: " + bounded.isFull() + ")");
                }
            });
            Asyncio.sleep(0);
            out.println("producer waits for room: " + !producer.isDone());
            while (!producer.isDone() || !bounded.isEmpty()) {
                out.println("took " + bounded.get());
                bounded.taskDone();                       // queue.task_done()
                Asyncio.sleep(0);
            }
            bounded.join();                               // await queue.join(): every item is done
            out.println("bounded queue joined");

            LifoQueue<String> stack = new LifoQueue<>();
            stack.putNowait("bottom");
            stack.putNowait("top");
            out.println("lifo: " + stack.getNowait() + ", " + stack.getNowait());

            PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
            jobs.putNowait(new Job(3, "sweep"));
            jobs.putNowait(new Job(1, "deploy"));
            jobs.putNowait(new Job(2, "test"));
            jobs.putNowait(new Job(1, "build"));
            StringBuilder order = new StringBuilder("priority:");
            while (!jobs.isEmpty()) {
                order.append(' ').append(jobs.getNowait().name());
            }
            out.println(order);
        });
    }
}
