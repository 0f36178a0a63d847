// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Future;
import org.asyncio4j.subprocess.SubprocessConnection;
import org.asyncio4j.subprocess.SubprocessOptions;
import org.asyncio4j.subprocess.SubprocessProtocol;
import org.asyncio4j.subprocess.Subprocesses;

/**
 * The stream-transport contract over a child's pipes, with {@code cat} as the echoing peer: the
 * test writes to the child's stdin transport and reads the echo from its stdout transport. A
 * pipe's {@code writeEof} closes it (the child's end of input), as in asyncio.
 */
class PipeTransportContractTest extends StreamTransportContract {

    /** Hears the end of the process, once every pipe has closed and the child has exited. */
    static final class Child implements SubprocessProtocol {
        final Future<Void> done = Asyncio.getRunningLoop().createFuture();

        @Override
        public void connectionLost(Exception error) {
            done.setResult(null);
        }
    }

    @Override
    Link open(Peer peer) throws Exception {
        // cat pushes back by itself: it stops reading while its stdout is full.
        SubprocessConnection<Child> c = Subprocesses.subprocessExec(Child::new, "cat", List.of(), SubprocessOptions.pipes());
        Transport stdin = c.transport().getPipeTransport(0);
        Transport stdout = c.transport().getPipeTransport(1);
        Side outSide = new Side();
        Side inSide = new Side();
        stdin.setProtocol(outSide);
        stdout.setProtocol(inSide);
        Future<byte[]> peerGot = Asyncio.getRunningLoop().createFuture();
        inSide.lost.addDoneCallback(f -> peerGot.setResult(inSide.received.toByteArray()));
        return new Link() {
            @Override
            public Transport out() {
                return stdin;
            }

            @Override
            public Transport in() {
                return stdout;
            }

            @Override
            public Side outSide() {
                return outSide;
            }

            @Override
            public Side inSide() {
                return inSide;
            }

            @Override
            public Future<byte[]> peerGot() {
                return peerGot;
            }

            @Override
            public void release() throws Exception {
                c.transport().close();
                c.protocol().done.await();
            }
        };
    }

    @Override
    boolean canWriteEof() {
        return true;
    }

    @Override
    boolean writeEofCloses() {
        return true;
    }

    @Override
    String infoKey() {
        return "pipe";
    }
}
