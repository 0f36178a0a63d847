// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.util.Arrays;

/** The growable byte queue behind {@link StreamReader}: appends at the end, takes from the front. */
final class StreamBuffer {
    private byte[] bytes = new byte[0];
    private int start;
    private int end;

    int size() {
        return end - start;
    }

    boolean isEmpty() {
        return start == end;
    }

    void append(byte[] data) {
        if (end + data.length > bytes.length) {
            int size = size();
            if (size + data.length <= bytes.length / 2) {
                System.arraycopy(bytes, start, bytes, 0, size); // plenty of room once compacted
            } else {
                byte[] grown = new byte[Math.max(size + data.length, bytes.length * 2)];
                System.arraycopy(bytes, start, grown, 0, size);
                bytes = grown;
            }
            start = 0;
            end = size;
        }
        System.arraycopy(data, 0, bytes, end, data.length);
        end += data.length;
    }

    /** Removes and returns the first {@code n} bytes ({@code n <= size()}). */
    byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(bytes, start, start + n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return out;
    }

    byte[] takeAll() {
        return take(size());
    }

    /** Drops the first {@code n} bytes. */
    void skip(int n) {
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** The offset (from the front) of the first {@code separator} at or after {@code from}, or -1. */
    int indexOf(byte[] separator, int from) {
        int last = end - separator.length;
        outer:
        for (int i = start + from; i <= last; i++) {
            for (int j = 0; j < separator.length; j++) {
                if (bytes[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    /** Whether the bytes at {@code offset} are {@code separator}. */
    boolean startsWith(byte[] separator, int offset) {
        if (offset + separator.length > size()) {
            return false;
        }
        return Arrays.equals(bytes, start + offset, start + offset + separator.length, separator, 0, separator.length);
    }
}
