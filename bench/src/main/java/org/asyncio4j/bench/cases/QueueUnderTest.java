package org.asyncio4j.bench.cases;

/**
 * The two operations the {@code queue} case needs, so that the queue behind them can be swapped
 * in one line ({@link QueueCase#newQueue}).
 *
 * @param put puts an item, suspending the calling task while the queue is full
 * @param get takes an item, suspending the calling task while the queue is empty
 * @param <T> the item type
 */
record QueueUnderTest<T>(Put<T> put, Get<T> get) {

    /** asyncio's {@code await queue.put(item)}. */
    @FunctionalInterface
    interface Put<T> {
        void put(T item) throws Exception;
    }

    /** asyncio's {@code await queue.get()}. */
    @FunctionalInterface
    interface Get<T> {
        T get() throws Exception;
    }
}
