// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.nio.channels.Channel;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.asyncio4j.EventLoop;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.IoHandler;
import org.asyncio4j.internal.loop.SafeLog;
import org.asyncio4j.internal.net.PipeReadTransport;
import org.asyncio4j.internal.net.PipeWriteTransport;
import org.asyncio4j.net.Transport;

/**
 * A child started by {@link NativeSpawn}: its pipes are NIO channels on the loop's selector
 * ({@link PipeReadTransport}, {@link PipeWriteTransport}), and so is its exit, through a pidfd
 * (see {@link NativeSpawn}). No thread of its own.
 *
 * <h2>The exit status, exactly</h2>
 * When the pidfd turns readable, {@code waitpid(pid, WNOHANG)} reaps the child and gives its raw
 * status: the exit status for a normal exit, the signal for a death by signal, which the
 * JDK would fold into {@code 128 + N}. Until it is reaped the child is at least a zombie, so its
 * pid cannot be reused: a signal sent before ({@code kill(2)}) reaches this very child, and none
 * is sent after. The JDK's reaper thread never takes it: it waits only for the pids it started.
 */
final class NativeChild implements Child, IoHandler {
    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());
    private static final long REAP_STEP_MILLIS = 2;
    /** How long {@link #abandon} waits to reap the killed child. */
    private static final long EXIT_WAIT_MILLIS = 2_000;

    private final EventLoop loop;
    private final int pid;
    private final Pipe.SinkChannel stdin;
    private final Pipe.SourceChannel stdout;
    private final Pipe.SourceChannel stderr;
    /** Its descriptor is the child's pidfd. */
    private final Pipe.SourceChannel exit;
    private final List<PipeReadTransport> readers = new ArrayList<>(2);
    private SelectionKey exitKey;
    private IntConsumer exited;
    private boolean reaped;
    private int returncode;

    NativeChild(EventLoop loop, int pid, Pipe.SinkChannel stdin, Pipe.SourceChannel stdout, Pipe.SourceChannel stderr,
                Pipe.SourceChannel exit) {
        this.loop = loop;
        this.pid = pid;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.exit = exit;
    }

    /** Puts the child's pidfd under {@code exitFd}, the number of {@link #exit}, and registers it, not yet listened to. */
    void watchExit(Arena arena, int exitFd) throws Posix.NativeError, IOException {
        int pidfd = Posix.pidfdOpen(arena, pid);
        try {
            Posix.dup3(arena, pidfd, exitFd);
        } finally {
            Posix.close(pidfd);
        }
        exit.configureBlocking(false);
        exitKey = LOOPS.io(loop).register(exit, 0, this);
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Transport openPipe(int fd, ProcessTransport owner) throws IOException {
        PipeRelay relay = new PipeRelay(owner, fd);
        Runnable lost = () -> owner.pipeLost(fd);
        if (fd == 0) {
            return stdin == null ? null : PipeWriteTransport.open(loop, stdin, 0, relay, lost);
        }
        Pipe.SourceChannel source = fd == 1 ? stdout : stderr;
        if (source == null) {
            return null;
        }
        PipeReadTransport reader = PipeReadTransport.open(loop, source, fd, relay, lost);
        readers.add(reader);
        return reader;
    }

    @Override
    public void start(IntConsumer exited) {
        this.exited = exited;
        readers.forEach(PipeReadTransport::start);
        exitKey.interestOps(SelectionKey.OP_READ);
    }

    /** The pidfd is readable: the child has exited. */
    @Override
    public void run() {
        if (reaped || !exitKey.isValid() || !tryReap()) {
            return;
        }
        exited.accept(returncode);
    }

    /** Reaps the child if it has exited; true if it was reaped now. */
    private boolean tryReap() {
        int status;
        try (Arena arena = Arena.ofConfined()) {
            status = Posix.reap(arena, pid);
        } catch (Posix.NativeError e) {
            if (e.errno != Posix.ECHILD) {
                throw new IllegalStateException("could not learn how child " + pid + " ended: " + e.getMessage(), e);
            }
            // Something else in this process reaped it (waitpid(-1), or SIGCHLD ignored): as CPython does, say 255.
            SafeLog.log(Level.WARNING, () -> "the exit status of child " + pid + " was taken by someone else: reporting return code 255", null);
            status = 255 << 8;
        }
        if (status < 0) {
            return false;
        }
        reaped = true;
        returncode = returncode(status);
        if (exitKey != null) {
            exitKey.cancel();
        }
        closeQuietly(exit);
        return true;
    }

    /**
     * asyncio's return code from a raw wait status: the exit status for a normal exit,
     * {@code -N} for a death by signal {@code N}.
     */
    static int returncode(int status) {
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : -signal;
    }

    @Override
    public boolean isRunning() {
        return !reaped;
    }

    @Override
    public void signal(int signal) {
        if (reaped) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            Posix.kill(arena, pid, signal);
        } catch (Posix.NativeError e) {
            throw new IllegalStateException("could not send signal " + signal + " to child " + pid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void abandon() {
        killAndReap(EXIT_WAIT_MILLIS);
        closeQuietly(stdin);
        closeQuietly(stdout);
        closeQuietly(stderr);
    }

    @Override
    public void loopClosing(long millis) {
        killAndReap(millis);
    }

    /** Kills the child if it runs and waits up to {@code millis} to reap it, so that no zombie is left. */
    private void killAndReap(long millis) {
        if (reaped) {
            return;
        }
        signal(Spawn.SIGKILL);
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!tryReap() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(REAP_STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the descriptor is released even when close reports an error
        }
    }

    @Override
    public String toString() {
        return "<NativeChild pid=" + pid + (reaped ? " returncode=" + returncode : " running") + ">";
    }
}
