// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.sync.LoopBinding;
import org.asyncio4j.internal.sync.WaiterQueue;
import org.asyncio4j.internal.sync.WaiterQueue.Waiter;

/**
 * A first-in-first-out queue for the tasks of one event loop, optionally bounded, with
 * {@link #taskDone()}/{@link #join()} accounting and {@link #shutdown(boolean) shutdown}.
 * asyncio's {@code asyncio.Queue} (Python 3.13).
 *
 * {@snippet :
 * Queue<String> jobs = new Queue<>(100);        // asyncio.Queue(100); new Queue<>() is unbounded
 * for (int i = 0; i < 3; i++) {
 *     Asyncio.createTask(() -> {
 *         for (String job : jobs) {             // async for-style: ends when shut down and drained
 *             handle(job);
 *             jobs.taskDone();
 *         }
 *     });
 * }
 * jobs.put("a");                                // waits while the queue is full
 * jobs.put("b");
 * jobs.join();                                  // until every item is marked done
 * jobs.shutdown();                              // the workers' loops end
 * }
 *
 * <h2>Iteration</h2>
 * A queue is {@link Iterable}: each iteration step <em>consumes</em> an item with {@link #get()},
 * waiting for one if needed, and the loop ends when the queue is shut down and empty. It must run
 * in a task. It does not call {@code taskDone()} for you.
 *
 * <h2>Fairness</h2>
 * Waiting getters receive items in the order they began waiting, and waiting putters get room
 * in the order they began waiting: a woken task keeps its place in line until it resumes, and a
 * newcomer's {@code get()}/{@code put()} waits behind tasks already in line, so waiting calls
 * complete in the order they were made. The non-waiting {@link #getNowait()}/{@link #putNowait}
 * bypass the line and take what is there, as in asyncio: a woken task that finds its item or
 * room taken this way waits again at the head of the line, though a task woken at the same time
 * may then be served before it.
 *
 * <h2>Cancellation</h2>
 * A task cancelled in {@code get()} or {@code put()} never takes or adds an item, and a wake-up
 * meant for it goes to the next waiter: no item is lost or delivered twice, and no waiter is
 * stranded while items or room are available (CPython bpo-23812, gh-108042).
 *
 * <h2>Shutdown</h2>
 * After {@link #shutdown(boolean) shutdown(false)}, puts throw {@link QueueShutDown}, and gets
 * return the remaining items, then throw {@code QueueShutDown}. {@code shutdown(true)} also
 * discards the remaining items (counting them done for {@code join()}). Waiting tasks are woken
 * to see the new state.
 *
 * <h2>Thread confinement</h2>
 * Binds to the loop of its first use; calling it from another thread or another loop throws
 * {@link IllegalStateException}. Waiting methods only from a task; the {@code Nowait} ones
 * also from loop callbacks.
 *
 * @param <T> the item type; {@code null} items are allowed (except in a natural-order
 *     {@link PriorityQueue})
 */
public sealed class Queue<T> implements Iterable<T> permits LifoQueue, PriorityQueue {
    private final LoopBinding binding;
    private final ItemBuffer<T> items;
    private final int maxsize;
    private final WaiterQueue getters = new WaiterQueue();
    private final WaiterQueue putters = new WaiterQueue();
    private final WaiterQueue joiners = new WaiterQueue();
    private int unfinishedTasks;
    private boolean shutDown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * A queue holding at most {@code maxsize} items; 0 or less means unbounded, as in asyncio.
     *
     * @param maxsize the most items the queue holds, or 0 or less for no limit
     */
    public Queue(int maxsize) {
        this(maxsize, ItemBuffer.fifo(), "Queue");
    }

    Queue(int maxsize, ItemBuffer<T> items, String name) {
        this.maxsize = maxsize;
        this.items = items;
        this.binding = new LoopBinding(name);
    }

    /**
     * Adds {@code item}, waiting for room while the queue is full. asyncio's {@code await queue.put(item)}.
     *
     * @param item the item to add
     * @throws QueueShutDown if the queue is shut down, before or while waiting
     * @throws org.asyncio4j.CancelledError if the task is cancelled while waiting (nothing was added)
     * @throws IllegalStateException outside a task of the queue's loop
     */
    public void put(T item) {
        EventLoop loop = binding.checkTask("put");
        checkOpen();
        if (!isFull() && putters.hasNoLiveWaiters()) {
            add(item);
            return;
        }
        Waiter me = putters.join(loop);
        try {
            while (true) {
                putters.park(me);
                checkOpen();
                if (!isFull()) {
                    add(item);
                    return;
                }
                putters.rearm(me); // putNowait took the room: wait again, first in line
            }
        } finally {
            putters.leave(me);
            rebalance();
        }
    }

    /**
     * Adds {@code item} if there is room. asyncio's {@code queue.put_nowait(item)}.
     *
     * @param item the item to add
     * @throws QueueFull if the queue holds {@code maxsize} items
     * @throws QueueShutDown if the queue is shut down
     */
    public void putNowait(T item) {
        binding.check("putNowait");
        checkOpen();
        if (isFull()) {
            throw new QueueFull(maxsize);
        }
        add(item);
    }

    /**
     * Removes and returns the next item, waiting while the queue is empty. asyncio's
     * {@code await queue.get()}.
     *
     * @return the item removed
     * @throws QueueShutDown if the queue is shut down and empty, before or while waiting
     * @throws org.asyncio4j.CancelledError if the task is cancelled while waiting (nothing was taken)
     * @throws IllegalStateException outside a task of the queue's loop
     */
    public T get() {
        EventLoop loop = binding.checkTask("get");
        if (!isEmpty() && getters.hasNoLiveWaiters()) {
            T item = take();
            rebalance();
            return item;
        }
        checkNotDrained();
        // Any items left are promised to woken getters ahead of us; each of them re-balances
        // when it resumes, which wakes us in turn. Waking us now would let us overtake them.
        Waiter me = getters.join(loop);
        try {
            while (true) {
                getters.park(me);
                if (!isEmpty()) {
                    return take();
                }
                checkNotDrained();
                getters.rearm(me); // getNowait took the item: wait again, first in line
            }
        } finally {
            getters.leave(me);
            rebalance();
        }
    }

    /**
     * Removes and returns the next item if there is one. asyncio's {@code queue.get_nowait()}.
     *
     * @return the item removed
     * @throws QueueEmpty if the queue is empty
     * @throws QueueShutDown if the queue is shut down and empty
     */
    public T getNowait() {
        binding.check("getNowait");
        if (isEmpty()) {
            checkNotDrained();
            throw new QueueEmpty();
        }
        T item = take();
        rebalance();
        return item;
    }

    /**
     * Marks one item taken earlier as processed; when every item put has been marked,
     * {@link #join()} returns. asyncio's {@code queue.task_done()}.
     *
     * @throws IllegalStateException if called more times than items were put
     */
    public void taskDone() {
        binding.check("taskDone");
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("Queue.taskDone() called more times than items were put;"
                    + " call it once per item taken, after processing it");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            joiners.wakeAll();
        }
    }

    /**
     * Waits until every item put has been marked with {@link #taskDone()}; returns at once if so.
     * asyncio's {@code await queue.join()}.
     *
     * @throws org.asyncio4j.CancelledError if the task is cancelled while waiting
     */
    public void join() {
        EventLoop loop = binding.checkTask("join");
        if (unfinishedTasks > 0) {
            // Every joiner is woken when the count reaches zero: nothing to pass on. Like
            // asyncio, a woken joiner returns even if new items arrived before it resumed.
            joiners.awaitTurn(loop, () -> { });
        }
    }

    /** Same as {@code shutdown(false)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: puts throw {@link QueueShutDown} from now on, and gets do once the
     * queue is empty. With {@code immediate}, the remaining items are discarded and counted as
     * done, so {@link #join()} may return. Waiting tasks are woken. asyncio's
     * {@code queue.shutdown(immediate)} (3.13).
     *
     * @param immediate whether to discard the items still queued instead of letting gets drain them
     */
    public void shutdown(boolean immediate) {
        binding.check("shutdown");
        shutDown = true;
        if (immediate) {
            while (!isEmpty()) {
                items.remove();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                joiners.wakeAll();
            }
        }
        rebalance();
    }

    /** {@return the number of items in the queue} asyncio's {@code qsize()}. */
    public int qsize() {
        return items.size();
    }

    /** {@return true if the queue has no items} asyncio's {@code empty()}. */
    public boolean isEmpty() {
        return items.size() == 0;
    }

    /**
     * {@return true if the queue holds {@code maxsize} items} Never for an unbounded queue.
     * asyncio's {@code full()}.
     */
    public boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /** {@return the most items the queue holds, as given; 0 or less if unbounded} asyncio's {@code maxsize}. */
    public int maxsize() {
        return maxsize;
    }

    /**
     * The queue's fill and who waits on it, as Trio's channel {@code statistics()}.
     *
     * @param size items in the queue ({@link #qsize()})
     * @param maxsize the bound, 0 if unbounded
     * @param unfinishedTasks items put and not yet marked done with {@link #taskDone()}
     * @param tasksWaitingPut tasks parked in {@link #put}
     * @param tasksWaitingGet tasks parked in {@link #get()}
     * @param tasksWaitingJoin tasks parked in {@link #join()}
     * @param shutDown whether {@link #shutdown()} was called
     */
    public record Statistics(int size, int maxsize, int unfinishedTasks, int tasksWaitingPut, int tasksWaitingGet,
            int tasksWaitingJoin, boolean shutDown) {
    }

    /** {@return a snapshot of the queue's state} Read it on its loop's thread. */
    public Statistics statistics() {
        return new Statistics(items.size(), maxsize, unfinishedTasks, putters.live(), getters.live(), joiners.live(), shutDown);
    }

    /**
     * An iterator that consumes the queue: {@code hasNext()} waits for an item with
     * {@link #get()} and returns false once the queue is shut down and empty. Call it from a task.
     */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private boolean fetched;
            private T next;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    try {
                        next = get();
                    } catch (QueueShutDown drained) {
                        return false;
                    }
                    fetched = true;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the queue is shut down and drained");
                }
                fetched = false;
                T item = next;
                next = null;
                return item;
            }
        };
    }

    /** Tasks waiting in get(), in put() and in join() (woken ones included), for tests and toString. */
    final int[] waiting() {
        return new int[] {getters.live(), putters.live(), joiners.live()};
    }

    @Override
    public String toString() {
        int[] w = waiting();
        return "<" + getClass().getSimpleName() + " maxsize=" + maxsize + " qsize=" + qsize() + " tasks=" + unfinishedTasks
                + (w[0] > 0 ? " getters:" + w[0] : "") + (w[1] > 0 ? " putters:" + w[1] : "")
                + (shutDown ? " shut down" : "") + ">";
    }

    private void add(T item) {
        items.add(item);
        unfinishedTasks++;
        rebalance();
    }

    private T take() {
        return items.remove();
    }

    /**
     * Wakes as many waiters as there are items (getters) or free slots (putters) not already
     * promised to a woken waiter, or every waiter once shut down. Called after every change, it
     * is what keeps a cancelled waiter's wake-up from being lost.
     */
    private void rebalance() {
        if (shutDown) {
            getters.wakeAll();
            putters.wakeAll();
            return;
        }
        while (getters.woken() < items.size() && getters.wakeNext()) {
            // one more getter woken per unpromised item
        }
        if (maxsize > 0) {
            while (putters.woken() < maxsize - items.size() && putters.wakeNext()) {
                // one more putter woken per unpromised free slot
            }
        }
    }

    private void checkOpen() {
        if (shutDown) {
            throw new QueueShutDown("the queue is shut down: it accepts no more items");
        }
    }

    private void checkNotDrained() {
        if (shutDown && isEmpty()) {
            throw new QueueShutDown("the queue is shut down and empty: there will be no more items");
        }
    }
}
