// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import org.asyncio4j.net.Protocol;

/**
 * The protocol of one pipe transport: passes its events on to the subprocess protocol with the
 * pipe's descriptor number. asyncio's {@code ReadSubprocessPipeProto} and {@code WriteSubprocessPipeProto}.
 */
final class PipeRelay implements Protocol {
    private final ProcessTransport owner;
    private final int fd;

    PipeRelay(ProcessTransport owner, int fd) {
        this.owner = owner;
        this.fd = fd;
    }

    @Override
    public void dataReceived(byte[] data) {
        owner.protocol().pipeDataReceived(fd, data);
    }

    @Override
    public void connectionLost(Exception error) {
        owner.protocol().pipeConnectionLost(fd, error);
    }

    @Override
    public void pauseWriting() {
        owner.protocol().pauseWriting();
    }

    @Override
    public void resumeWriting() {
        owner.protocol().resumeWriting();
    }

    @Override
    public String toString() {
        return "<PipeRelay fd=" + fd + " " + owner + ">";
    }
}
