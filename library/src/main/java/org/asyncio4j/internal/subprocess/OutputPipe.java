// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pipe this JVM makes for a child's stdout or stderr instead of {@link Redirect#PIPE}, so that
 * the pipe is read to its own end of file, however long a grandchild holds it open.
 *
 * <h2>Why not the JDK's pipe</h2>
 * On Linux and macOS the stream {@link Process#getInputStream()} returns is handed, when the child
 * exits, to the JDK's "process reaper" thread, which reads what the pipe holds at that moment
 * into a buffer and closes the descriptor ({@code ProcessImpl.ProcessPipeInputStream.processExited}).
 * Whatever a grandchild that inherited the pipe writes afterwards is lost (and the grandchild gets
 * {@code EPIPE}); asyncio reads such a pipe until the last writer closes it. So the child is given
 * the write end of a {@link Pipe} of ours through {@link Redirect#to(File)} on the path
 * {@code /proc/self/fd/N}, which opens the very same pipe; after the spawn the parent closes its
 * write end, and the read end sees end of file exactly when the child and all its descendants
 * have closed theirs. The JDK never holds a descriptor of this pipe, so neither its reaper nor
 * {@code Process.destroy} can close it.
 *
 * <h2>Finding N</h2>
 * The JDK does not tell a channel's descriptor number. The write end is the only write-only pipe
 * descriptor of this process whose {@code O_NONBLOCK} flag (shown in {@code /proc/self/fdinfo})
 * follows the sink's blocking mode as it is switched on and off. Only the descriptors that are new
 * since just before the pipes were made are looked at (all of them only when other threads made
 * that inconclusive), so the cost is two listings of {@code /proc/self/fd} and a few reads of
 * {@code fdinfo}: on this shared 2-core machine under load, about 1 to 1.5 ms for a child's two
 * pipes while a spawn takes 2 to 3 ms, and 6 to 10 ms with 600 descriptors open (the listings
 * grow with them).
 * Where {@code /proc} is missing (not Linux) or the search is not conclusive, {@link #open}
 * returns null and the caller falls back to the JDK's pipe.
 */
final class OutputPipe {
    private static final Path FD = Path.of("/proc/self/fd");
    private static final Path FDINFO = Path.of("/proc/self/fdinfo");
    private static final boolean AVAILABLE = Files.isDirectory(FDINFO);
    private static final int ACCESS_MODE = 3;
    private static final int WRITE_ONLY = 1;
    private static final int NONBLOCK = 04000;
    private static final int MAX_ROUNDS = 16;

    private final Pipe pipe;
    private final String fd;

    private OutputPipe(Pipe pipe, String fd) {
        this.pipe = pipe;
        this.fd = fd;
    }

    /**
     * {@code count} new pipes, or null where this JVM cannot name their write ends. Made together,
     * because each look into {@code /proc} costs (listing 600 descriptors takes about 1 ms).
     */
    static List<OutputPipe> open(int count) throws IOException {
        if (!AVAILABLE || count == 0) {
            return null;
        }
        Set<String> before = new HashSet<>(descriptors());
        List<Pipe> made = new ArrayList<>(count);
        // The listing's own descriptor was just released; the placeholder takes it, so that the
        // new pipes' descriptors are, but for other threads, not among before.
        FileChannel placeholder = FileChannel.open(Path.of("/dev/null"));
        try {
            for (int i = 0; i < count; i++) {
                made.add(Pipe.open());
            }
            List<String> fresh = new ArrayList<>(descriptors());
            fresh.removeAll(before);
            List<String> writeEnds = writeOnlyPipes(fresh);
            List<OutputPipe> pipes = new ArrayList<>(count);
            for (Pipe pipe : made) {
                String fd = writeEndOf(pipe.sink(), writeEnds);
                if (fd == null) { // other threads opened or closed descriptors meanwhile: look at them all
                    fd = writeEndOf(pipe.sink(), writeOnlyPipes(descriptors()));
                }
                if (fd == null) {
                    made.forEach(OutputPipe::closeQuietly);
                    return null;
                }
                pipes.add(new OutputPipe(pipe, fd));
            }
            return pipes;
        } catch (IOException | RuntimeException e) {
            made.forEach(OutputPipe::closeQuietly);
            throw e;
        } finally {
            closeQuietly(placeholder);
        }
    }

    private static List<String> descriptors() {
        String[] names = FD.toFile().list();
        return names == null ? List.of() : Arrays.asList(names);
    }

    /** Those of {@code names} that are write-only pipe descriptors. */
    private static List<String> writeOnlyPipes(Collection<String> names) {
        List<String> matching = new ArrayList<>();
        for (String name : names) {
            try {
                if (Files.readSymbolicLink(FD.resolve(name)).toString().startsWith("pipe:")
                        && (flags(name) & ACCESS_MODE) == WRITE_ONLY) {
                    matching.add(name);
                }
            } catch (IOException | RuntimeException closedMeanwhile) {
                // another thread closed this descriptor between the listing and the look: not ours
            }
        }
        return matching;
    }

    /**
     * The one of the write-only pipe descriptors {@code candidates} that is {@code sink}'s, or null
     * if that is not certain. The sink's own descriptor passes every round, so a single survivor
     * is it; another thread switching a pipe of its own at the same moment only costs more rounds.
     */
    private static String writeEndOf(Pipe.SinkChannel sink, List<String> candidates) throws IOException {
        List<String> left = candidates;
        for (int round = 0; round < MAX_ROUNDS && (round < 2 || left.size() > 1); round++) {
            boolean nonBlocking = round % 2 == 0;
            sink.configureBlocking(!nonBlocking);
            List<String> matching = new ArrayList<>();
            for (String name : left) {
                try {
                    int flags = flags(name);
                    if ((flags & ACCESS_MODE) == WRITE_ONLY && ((flags & NONBLOCK) != 0) == nonBlocking) {
                        matching.add(name);
                    }
                } catch (IOException | RuntimeException closedMeanwhile) {
                    // not ours: ours stays open
                }
            }
            left = matching;
        }
        sink.configureBlocking(true);
        return left.size() == 1 ? left.getFirst() : null;
    }

    /** The flags of descriptor {@code name}: the octal {@code flags:} field of its fdinfo. */
    private static int flags(String name) throws IOException {
        String fdinfo = Files.readString(FDINFO.resolve(name));
        int start = fdinfo.indexOf("flags:");
        int end = fdinfo.indexOf('\n', start);
        return Integer.parseInt(fdinfo.substring(start + "flags:".length(), end < 0 ? fdinfo.length() : end).strip(), 8);
    }

    /** The redirect that gives the child this pipe's write end. */
    Redirect redirect() {
        return Redirect.to(FD.resolve(fd).toFile());
    }

    /** The child has started (or failed to): the parent's write end goes, so that end of file comes with the child's. */
    void closeWriteEnd() {
        closeQuietly(pipe.sink());
    }

    /** The read end as a blocking stream; closing it from another thread ends a read blocked in it. */
    InputStream input() {
        return Channels.newInputStream(pipe.source());
    }

    /** Closes both ends. */
    void close() {
        closeQuietly(pipe);
    }

    private static void closeQuietly(Pipe pipe) {
        closeQuietly(pipe.sink());
        closeQuietly(pipe.source());
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the descriptor is released even when close reports an error
        }
    }
}
