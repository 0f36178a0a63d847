// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.internal.net.Awaiting;

/**
 * The reading side of a stream connection: bytes the peer sent, read by a task with methods that
 * park it until enough data arrived. asyncio's {@code asyncio.StreamReader}.
 *
 * {@snippet :
 * StreamConnection c = Streams.openConnection("127.0.0.1", 8888);
 * byte[] greeting = c.reader().readline();        // up to and including '\n'
 * byte[] header = c.reader().readexactly(4);      // exactly 4 bytes, or IncompleteReadError
 * for (byte[] line : c.reader()) {                // line by line until the peer closes
 *     System.out.print(new String(line, StandardCharsets.UTF_8));
 * }
 * }
 *
 * <h2>Memory bound</h2>
 * The buffer limit (64 KiB by default) bounds what the reader keeps: above twice the limit the
 * transport stops reading from the socket until a read drains the buffer (the peer is slowed by
 * TCP), and {@link #readuntil} fails with {@link LimitOverrunError} rather than buffer without
 * end while the separator does not come.
 *
 * <h2>Cancellation and threads</h2>
 * Only one task may wait on a reader at a time. Cancelling a task parked in a read leaves the
 * buffered bytes in place for the next read. Not thread-safe: use it from its loop's tasks.
 */
public final class StreamReader implements Iterable<byte[]> {
    /** asyncio's default buffer limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private static final byte[] NEWLINE = {'\n'};

    private final EventLoop loop;
    private final int limit;
    private final StreamBuffer buffer = new StreamBuffer();
    private Transport transport;
    private Exception exception;
    private Future<Void> waiter;
    private boolean eof;
    private boolean paused;

    /** A reader with the default limit on the running loop; the connection feeds it. */
    public StreamReader() {
        this(DEFAULT_LIMIT);
    }

    /**
     * A reader with the given buffer limit on the running loop.
     *
     * @param limit the buffer limit in bytes: the longest line or chunk a read accepts
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public StreamReader(int limit) {
        this(Asyncio.getRunningLoop(), limit);
    }

    StreamReader(EventLoop loop, int limit) {
        this.limit = checkLimit(limit);
        this.loop = loop;
    }

    static int checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be a positive number of bytes, not " + limit);
        }
        return limit;
    }

    // ---------------------------------------------------------------- fed by the protocol

    /**
     * The transport to pause and resume reading on.
     *
     * @param transport the transport that feeds this reader
     * @throws IllegalStateException if the reader already has a transport
     */
    public void setTransport(Transport transport) {
        Objects.requireNonNull(transport, "transport");
        if (this.transport != null) {
            throw new IllegalStateException("this reader already has a transport");
        }
        this.transport = transport;
    }

    /**
     * Appends received bytes and wakes the waiting task.
     *
     * @param data the bytes received
     * @throws IllegalStateException after {@link #feedEof()}
     */
    public void feedData(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (eof) {
            throw new IllegalStateException("feedData() after feedEof()");
        }
        if (data.length == 0) {
            return;
        }
        buffer.append(data);
        wakeUpWaiter(null);
        if (transport != null && !paused && buffer.size() > 2L * limit) {
            transport.pauseReading();
            paused = true;
        }
    }

    /** Marks the end of the stream and wakes the waiting task. */
    public void feedEof() {
        eof = true;
        wakeUpWaiter(null);
    }

    /**
     * Makes every read from now on fail with {@code error} (after the connection broke, say).
     *
     * @param error what reads throw from now on
     */
    public void setException(Exception error) {
        exception = Objects.requireNonNull(error, "error");
        wakeUpWaiter(error);
    }

    /** {@return the error set by {@link #setException}, or null} */
    public Exception exception() {
        return exception;
    }

    /** {@return whether the stream ended and every byte was read} */
    public boolean atEof() {
        return eof && buffer.isEmpty();
    }

    /** {@return the buffer limit in bytes} */
    public int limit() {
        return limit;
    }

    // ---------------------------------------------------------------- reads

    /**
     * Reads up to {@code n} bytes, parking until at least one is available; returns an empty
     * array at end of stream. {@code n < 0} reads everything until end of stream.
     *
     * @param n the most bytes to read, or a negative number for everything until end of stream
     * @return the bytes read, empty at end of stream
     * @throws IOException the error set by {@link #setException} (wrapped if it is not an
     *     {@code IOException}), such as a broken connection
     */
    public byte[] read(int n) throws IOException {
        throwIfFailed();
        if (n == 0) {
            return new byte[0];
        }
        if (n < 0) {
            StreamBuffer all = new StreamBuffer();
            for (byte[] block; (block = read(limit)).length > 0; ) {
                all.append(block);
            }
            return all.takeAll();
        }
        if (buffer.isEmpty() && !eof) {
            waitForData("read");
        }
        byte[] data = buffer.take(Math.min(n, buffer.size()));
        maybeResumeTransport();
        return data;
    }

    /**
     * Reads everything until the end of the stream: {@code read(-1)}.
     *
     * @return every byte until the end of the stream
     * @throws IOException the error set by {@link #setException}, such as a broken connection
     */
    public byte[] read() throws IOException {
        return read(-1);
    }

    /**
     * Reads one line, up to and including {@code '\n'}; at end of stream returns what is left
     * (without a newline), and an empty array once nothing is.
     *
     * @return the line with its {@code '\n'}, the rest at end of stream, or an empty array after it
     * @throws LimitOverrunError if the line is longer than the limit; the line (or the buffered
     *     part of it) is dropped, so the next read starts after it
     */
    public byte[] readline() throws IOException {
        try {
            return readuntil(NEWLINE);
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            if (buffer.startsWith(NEWLINE, e.consumed())) {
                buffer.skip(e.consumed() + NEWLINE.length);
            } else {
                buffer.skip(buffer.size());
            }
            maybeResumeTransport();
            throw e;
        }
    }

    /**
     * Reads up to and including the next {@code '\n'}: {@code readuntil} with a newline.
     *
     * @return the bytes up to and including the newline
     * @throws IOException as {@link #readuntil(byte[])}
     */
    public byte[] readuntil() throws IOException {
        return readuntil(NEWLINE);
    }

    /**
     * Reads up to and including {@code separator}.
     *
     * @param separator the bytes that end the chunk
     * @return the bytes up to and including the separator
     * @throws IncompleteReadError if the stream ends first; it carries the bytes that were left
     * @throws LimitOverrunError if the separator is not within the limit; the data stays buffered
     */
    public byte[] readuntil(byte[] separator) throws IOException {
        return readuntil(List.of(Objects.requireNonNull(separator, "separator")));
    }

    /**
     * Reads up to and including whichever of {@code separators} ends first in the stream (the
     * shortest result wins), as asyncio 3.13's {@code readuntil} with a tuple of separators.
     *
     * @param separators the byte sequences that may end the chunk
     * @return the bytes up to and including the first separator found
     * @throws IncompleteReadError if the stream ends first; it carries the bytes that were left
     * @throws LimitOverrunError if no separator is within the limit; the data stays buffered
     * @throws IllegalArgumentException if the list is empty or holds an empty separator
     */
    public byte[] readuntil(List<byte[]> separators) throws IOException {
        Objects.requireNonNull(separators, "separators");
        for (byte[] separator : separators) {
            Objects.requireNonNull(separator, "separators contains null");
        }
        if (separators.isEmpty()) {
            throw new IllegalArgumentException("give at least one separator");
        }
        int longest = 0;
        for (byte[] separator : separators) {
            if (separator.length == 0) {
                throw new IllegalArgumentException("separator must be at least one byte long");
            }
            longest = Math.max(longest, separator.length);
        }
        throwIfFailed();
        int offset = 0;
        int matchStart = -1;
        int matchEnd = -1;
        while (true) {
            for (byte[] separator : separators) {
                int at = buffer.indexOf(separator, offset);
                if (at >= 0 && (matchEnd < 0 || at + separator.length < matchEnd)) {
                    matchStart = at;
                    matchEnd = at + separator.length;
                }
            }
            if (matchEnd >= 0) {
                break;
            }
            // A separator may straddle what is here and what comes next: search again from there.
            offset = Math.max(0, buffer.size() + 1 - longest);
            if (offset > limit) {
                throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
            }
            if (eof) {
                throw new IncompleteReadError(buffer.takeAll(), -1);
            }
            waitForData("readuntil");
        }
        if (matchStart > limit) {
            throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
        }
        byte[] chunk = buffer.take(matchEnd);
        maybeResumeTransport();
        return chunk;
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n how many bytes to read
     * @return the {@code n} bytes

     * @throws IncompleteReadError if the stream ends first; it carries the bytes that were left
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public byte[] readexactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero, got " + n);
        }
        throwIfFailed();
        while (buffer.size() < n) {
            if (eof) {
                throw new IncompleteReadError(buffer.takeAll(), n);
            }
            waitForData("readexactly");
        }
        byte[] data = buffer.take(n);
        maybeResumeTransport();
        return data;
    }

    /**
     * The lines of the stream until its end, each read with {@link #readline()} as the loop asks
     * for it (asyncio's {@code async for line in reader}). Read errors surface as
     * {@link UncheckedIOException}.
     */
    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = readline();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next.length > 0;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the stream has ended");
                }
                byte[] line = next;
                next = null;
                return line;
            }
        };
    }

    @Override
    public String toString() {
        return "<StreamReader " + buffer.size() + " bytes" + (eof ? " eof" : "") + (paused ? " paused" : "")
                + (exception != null ? " exception=" + exception : "") + ">";
    }

    // ---------------------------------------------------------------- internals

    private void waitForData(String operation) throws IOException {
        if (waiter != null) {
            throw new IllegalStateException(operation + "() called while another task is already waiting for incoming data");
        }
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
        Future<Void> w = loop.createFuture();
        waiter = w;
        try {
            Awaiting.await(w);
        } finally {
            if (waiter == w) {
                waiter = null;
            }
        }
    }

    /** Completes the waiting read's future: normally if {@code error} is null, with {@code error} otherwise. */
    private void wakeUpWaiter(Exception error) {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (w.isDone()) {
                return;
            }
            if (error == null) {
                w.setResult(null);
            } else {
                w.setException(error);
            }
        }
    }

    private void maybeResumeTransport() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    private void throwIfFailed() throws IOException {
        Exception e = exception;
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
