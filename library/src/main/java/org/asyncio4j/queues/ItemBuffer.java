// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.queues;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a queue keeps its items, and so the order it hands them out in (asyncio's
 * {@code _init/_put/_get} hooks). Null items are allowed where the order permits them, since
 * asyncio code often puts {@code None} as an end marker.
 */
abstract class ItemBuffer<T> {
    private static final Object NULL_ITEM = new Object();

    abstract void add(T item);

    abstract T remove();

    abstract int size();

    static <T> ItemBuffer<T> fifo() {
        return new DequeBuffer<>(false);
    }

    static <T> ItemBuffer<T> lifo() {
        return new DequeBuffer<>(true);
    }

    /** @param order null for natural order */
    static <T> ItemBuffer<T> priority(Comparator<? super T> order) {
        return new HeapBuffer<>(order);
    }

    private static final class DequeBuffer<T> extends ItemBuffer<T> {
        private final ArrayDeque<Object> items = new ArrayDeque<>();
        private final boolean lastInFirstOut;

        DequeBuffer(boolean lastInFirstOut) {
            this.lastInFirstOut = lastInFirstOut;
        }

        @Override
        void add(T item) {
            items.addLast(item == null ? NULL_ITEM : item);
        }

        @Override
        @SuppressWarnings("unchecked")
        T remove() {
            Object item = lastInFirstOut ? items.removeLast() : items.removeFirst();
            return item == NULL_ITEM ? null : (T) item;
        }

        @Override
        int size() {
            return items.size();
        }
    }

    /** A binary heap ordered by priority, then by arrival, so equal items leave in FIFO order. */
    private static final class HeapBuffer<T> extends ItemBuffer<T> {
        private record Entry<T>(T item, long arrival) {
        }

        private final java.util.PriorityQueue<Entry<T>> heap;
        private final boolean natural;
        private long arrivals;

        HeapBuffer(Comparator<? super T> order) {
            this.natural = order == null;
            Comparator<? super T> byItem = natural ? HeapBuffer::compareNaturally : order;
            Comparator<Entry<T>> byPriority = (a, b) -> byItem.compare(a.item(), b.item());
            this.heap = new java.util.PriorityQueue<>(byPriority.thenComparingLong(Entry::arrival));
        }

        @Override
        void add(T item) {
            if (natural) {
                Objects.requireNonNull(item, "a PriorityQueue in natural order cannot hold null; give it a Comparator that orders null");
                if (!(item instanceof Comparable)) {
                    throw new ClassCastException("a PriorityQueue in natural order needs Comparable items, got "
                            + item.getClass().getName() + "; give the queue a Comparator instead");
                }
            }
            heap.add(new Entry<>(item, arrivals++));
        }

        @Override
        T remove() {
            return heap.remove().item();
        }

        @Override
        int size() {
            return heap.size();
        }

        @SuppressWarnings("unchecked")
        private static <T> int compareNaturally(T a, T b) {
            return ((Comparable<Object>) a).compareTo(b);
        }
    }
}
