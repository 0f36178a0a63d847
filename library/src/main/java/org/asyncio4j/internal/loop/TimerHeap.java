// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A binary min-heap of timed callbacks ordered by deadline, then by insertion.
 *
 * <p>Deadlines, sequence numbers and callbacks live in parallel arrays, so scheduling a timer
 * allocates nothing beyond the callback itself and comparisons never chase pointers.
 * Not thread-safe: only the loop thread touches it.
 */
final class TimerHeap {
    private long[] deadlines = new long[64];
    private long[] seqs = new long[64];
    private Runnable[] items = new Runnable[64];
    private int size;
    private long nextSeq;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long firstDeadline() {
        return deadlines[0];
    }

    void add(long deadline, Runnable item) {
        if (size == items.length) {
            int n = size * 2;
            deadlines = Arrays.copyOf(deadlines, n);
            seqs = Arrays.copyOf(seqs, n);
            items = Arrays.copyOf(items, n);
        }
        int i = size++;
        set(i, deadline, nextSeq++, item);
        siftUp(i);
    }

    /** Removes and returns the earliest timer; the heap must not be empty. */
    Runnable poll() {
        Runnable first = items[0];
        int last = --size;
        if (last > 0) {
            set(0, deadlines[last], seqs[last], items[last]);
            items[last] = null;
            siftDown(0);
        } else {
            items[0] = null;
        }
        return first;
    }

    /** Drops every timer the predicate calls dead and rebuilds the heap, keeping insertion order among ties. */
    int countUnless(Predicate<Runnable> dead) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (!dead.test(items[i])) {
                count++;
            }
        }
        return count;
    }

    void removeIf(Predicate<Runnable> dead) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!dead.test(items[i])) {
                set(kept++, deadlines[i], seqs[i], items[i]);
            }
        }
        Arrays.fill(items, kept, size, null);
        size = kept;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }

    private boolean less(int a, int b) {
        return deadlines[a] < deadlines[b] || (deadlines[a] == deadlines[b] && seqs[a] < seqs[b]);
    }

    private void set(int i, long deadline, long seq, Runnable item) {
        deadlines[i] = deadline;
        seqs[i] = seq;
        items[i] = item;
    }

    private void swap(int a, int b) {
        long d = deadlines[a];
        long s = seqs[a];
        Runnable r = items[a];
        set(a, deadlines[b], seqs[b], items[b]);
        set(b, d, s, r);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && less(left + 1, left) ? left + 1 : left;
            if (!less(smallest, i)) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }
}
