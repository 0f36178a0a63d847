// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;
import org.asyncio4j.net.Transport;

/**
 * The protocol behind a {@link Subprocess}: feeds the stdout and stderr readers and gives stdin a
 * writer. asyncio's {@code asyncio.subprocess.SubprocessStreamProtocol}.
 */
final class SubprocessStreamProtocol implements SubprocessProtocol {
    private final int limit;
    private StreamWriter stdin;
    private StreamReader stdout;
    private StreamReader stderr;

    SubprocessStreamProtocol(int limit) {
        this.limit = limit;
    }

    @Override
    public void connectionMade(SubprocessTransport transport) {
        stdout = readerFor(transport.getPipeTransport(1));
        stderr = readerFor(transport.getPipeTransport(2));
        Transport input = transport.getPipeTransport(0);
        if (input != null) {
            stdin = Streams.attach(input, limit).writer();
        }
    }

    private StreamReader readerFor(Transport pipe) {
        if (pipe == null) {
            return null;
        }
        StreamReader reader = new StreamReader(limit);
        reader.setTransport(pipe);
        return reader;
    }

    @Override
    public void pipeDataReceived(int fd, byte[] data) {
        StreamReader reader = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (reader != null) {
            reader.feedData(data);
        }
    }

    @Override
    public void pipeConnectionLost(int fd, Exception error) {
        StreamReader reader = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (reader == null) {
            return;
        }
        if (error == null) {
            reader.feedEof();
        } else {
            reader.setException(error);
        }
    }

    StreamWriter stdin() {
        return stdin;
    }

    StreamReader stdout() {
        return stdout;
    }

    StreamReader stderr() {
        return stderr;
    }
}
