// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.asyncio4j.EventLoop;
import org.asyncio4j.subprocess.Stdio;
import org.asyncio4j.subprocess.SubprocessOptions;

/**
 * Starts a child with {@code posix_spawnp} through the FFM API, its pipes being {@code java.nio}
 * {@link Pipe}s whose ends the loop's selector watches; see {@link NativeChild} for what follows.
 *
 * <h2>Giving the child the ends of NIO pipes</h2>
 * The JDK does not tell a channel's descriptor number, which the child's file actions need. Each
 * new pipe therefore carries a token, 16 bytes unique to this JVM, written through its sink; the
 * descriptors are tried in turn with {@code tee(2)}, which copies what a pipe holds into a
 * scratch pipe of ours without taking it from its owner (any other descriptor refuses at once),
 * and the one whose bytes are a token is that pipe's read end. Pipes are made with the lowest free
 * numbers, so the search starts just above the scratch pipe made the moment before, and usually
 * ends within a few descriptors. The token is then read out. A child's stdin gets that read end
 * itself; its stdout and stderr get a write end opened through {@code /proc/self/fd/N} (the parent
 * closes the sink the token went through at once, so end of file comes when the child and its
 * descendants close theirs).
 *
 * <h2>What the child gets</h2>
 * Its three standard descriptors as asked ({@code adddup2}), its working directory
 * ({@code addchdir_np}), and nothing else: {@code addclosefrom_np(3)} closes every other
 * descriptor in the child before {@code exec}, whatever flags the JVM opened them with. Its signal
 * mask is empty and SIGPIPE and SIGXFSZ are at their default, as CPython's {@code restore_signals}
 * does. Files to redirect from or to are opened here, in the parent, so that a missing one is named
 * as such. The program is looked up on the JVM's {@code PATH}, as {@link ProcessBuilder} does.
 *
 * <h2>The exit</h2>
 * {@code pidfd_open} gives a descriptor that becomes readable when the child exits. It is put,
 * with {@code dup3}, under the number of the read end of one more NIO pipe, so that the selector
 * can watch it as a channel (CPython 3.12's {@code PidfdChildWatcher} adds a reader on the pidfd
 * the same way); nothing ever reads it.
 */
final class NativeSpawn {
    private static final int TOKEN_SIZE = 16;
    private static final long SALT = ThreadLocalRandom.current().nextLong();
    private static final AtomicLong TOKENS = new AtomicLong();
    /** Beyond any descriptor limit the JVM sets: the search gives up there. */
    private static final int MAX_FD = 1 << 20;
    /** How many descriptors from the first likely one are tried before the others. */
    private static final int NEAR = 64;

    private NativeSpawn() {
    }

    /**
     * Starts {@code command} with {@code options} on the calling thread (a spawn returns once the
     * child has called {@code exec}; it blocks the loop for that long, as in asyncio).
     *
     * @throws java.io.FileNotFoundException if the program, the working directory or a file to redirect does not exist
     */
    static NativeChild spawn(EventLoop loop, List<String> command, SubprocessOptions options) throws IOException {
        Spawn.checkDirectory(options.cwd() == null ? null : options.cwd().toFile());
        List<String> environment = environment(options.env());
        Spawn.checkNoNul(command);
        Spawn.checkNoNul(environment);
        List<Closeable> parentEnds = new ArrayList<>(); // what the parent keeps: closed if the spawn fails
        try (Arena arena = Arena.ofConfined(); SpawnOnly spawnOnly = new SpawnOnly()) {
            int[] scratch = Posix.pipe(arena);
            spawnOnly.fds.add(scratch[0]);
            spawnOnly.fds.add(scratch[1]);
            List<Pipe> made = new ArrayList<>(4);
            Pipe stdin = options.stdin().kind() == Stdio.Kind.PIPE ? open(made, parentEnds) : null;
            Pipe stdout = options.stdout().kind() == Stdio.Kind.PIPE ? open(made, parentEnds) : null;
            Pipe stderr = options.stderr().kind() == Stdio.Kind.PIPE ? open(made, parentEnds) : null;
            Pipe exit = open(made, parentEnds);
            int[] readEnds = readEnds(arena, scratch, made);
            int exitFd = readEnds[made.size() - 1];

            MemorySegment actions = arena.allocate(Posix.SPAWN_STRUCT_SIZE, 16);
            MemorySegment attributes = arena.allocate(Posix.SPAWN_STRUCT_SIZE, 16);
            Posix.actionsInit(actions);
            Posix.attrInit(attributes);
            try {
                int next = 0;
                if (stdin != null) {
                    Posix.addDup2(actions, readEnds[next++], 0);
                } else {
                    redirect(arena, actions, options.stdin(), 0, spawnOnly);
                }
                if (stdout != null) {
                    Posix.addDup2(actions, spawnOnly.add(writeEnd(arena, readEnds[next++])), 1);
                } else {
                    redirect(arena, actions, options.stdout(), 1, spawnOnly);
                }
                if (stderr != null) {
                    Posix.addDup2(actions, spawnOnly.add(writeEnd(arena, readEnds[next])), 2);
                } else if (options.stderr().kind() == Stdio.Kind.STDOUT) {
                    Posix.addDup2(actions, 1, 2);
                } else {
                    redirect(arena, actions, options.stderr(), 2, spawnOnly);
                }
                if (options.cwd() != null) {
                    Posix.addChdir(actions, arena.allocateFrom(options.cwd().toString()));
                }
                Posix.addClosefrom(actions, 3);
                Posix.attrSignals(arena, attributes, Posix.SIGPIPE, Posix.SIGXFSZ);
                // What the child has now, the parent must not keep: a write end held here would keep end of file from coming.
                for (Pipe pipe : new Pipe[] {stdout, stderr, exit}) {
                    if (pipe != null) {
                        pipe.sink().close();
                    }
                }
                MemorySegment pid = arena.allocate(JAVA_INT);
                int error = Posix.posixSpawnp(pid, arena.allocateFrom(command.getFirst()), actions, attributes,
                        strings(arena, command), strings(arena, environment));
                if (error != 0) {
                    throw Spawn.startFailure(command.getFirst(), error, Posix.strerror(error), error == Posix.ENOENT);
                }
                NativeChild child = new NativeChild(loop, pid.get(JAVA_INT, 0),
                        stdin == null ? null : stdin.sink(), stdout == null ? null : stdout.source(),
                        stderr == null ? null : stderr.source(), exit.source());
                try {
                    if (stdin != null) {
                        stdin.source().close(); // the child's end
                    }
                    child.watchExit(arena, exitFd);
                } catch (Posix.NativeError | IOException | RuntimeException e) {
                    child.abandon();
                    throw e;
                }
                return child;
            } finally {
                Posix.actionsDestroy(actions);
                Posix.attrDestroy(attributes);
            }
        } catch (Posix.NativeError e) {
            closeAll(parentEnds);
            throw new IOException("Cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException | Error e) {
            closeAll(parentEnds);
            throw e;
        }
    }

    private static Pipe open(List<Pipe> made, List<Closeable> parentEnds) throws IOException {
        Pipe pipe = Pipe.open();
        made.add(pipe);
        parentEnds.add(pipe.source());
        parentEnds.add(pipe.sink());
        return pipe;
    }

    /** Descriptors of the parent's that only the spawn needs, closed once the child is started (or failed to). */
    private static final class SpawnOnly implements AutoCloseable {
        final List<Integer> fds = new ArrayList<>();

        int add(int fd) {
            fds.add(fd);
            return fd;
        }

        @Override
        public void close() {
            fds.forEach(Posix::close);
        }
    }

    private static List<String> environment(Map<String, String> env) {
        Map<String, String> all = env != null ? env : System.getenv();
        List<String> entries = new ArrayList<>(all.size());
        all.forEach((name, value) -> entries.add(name + "=" + value));
        return entries;
    }

    /** A NUL-terminated array of C strings. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    /** Gives the child's {@code target} the file or device {@code stdio} names, opened here; inheriting needs nothing. */
    private static void redirect(Arena arena, MemorySegment actions, Stdio stdio, int target, SpawnOnly spawnOnly)
            throws IOException, Posix.NativeError {
        int flags = switch (stdio.kind()) {
            case INHERIT -> -1;
            case DEVNULL -> target == 0 ? Posix.O_RDONLY : Posix.O_WRONLY;
            case FILE -> target == 0 ? Posix.O_RDONLY : Posix.O_WRONLY | Posix.O_CREAT | Posix.O_TRUNC;
            case APPEND -> Posix.O_WRONLY | Posix.O_CREAT | Posix.O_APPEND;
            case PIPE, STDOUT -> throw new IllegalStateException("not a redirection: " + stdio);
        };
        if (flags < 0) {
            return;
        }
        String path = stdio.kind() == Stdio.Kind.DEVNULL ? "/dev/null" : stdio.path().toString();
        int fd;
        try {
            fd = Posix.open(arena, path, flags, 0666);
        } catch (Posix.NativeError e) {
            throw Spawn.fileFailure(path + " (" + Posix.strerror(e.errno) + ")", e.errno == Posix.ENOENT);
        }
        Posix.addDup2(actions, spawnOnly.add(fd), target);
    }

    /** A new write end of the pipe whose read end is {@code readEnd}, blocking, for the child. */
    private static int writeEnd(Arena arena, int readEnd) throws Posix.NativeError {
        return Posix.open(arena, "/proc/self/fd/" + readEnd, Posix.O_WRONLY, 0);
    }

    /**
     * The descriptor numbers of the read ends of {@code pipes}, in their order, found by the
     * tokens written into them (see the class comment); each token is read out again.
     */
    private static int[] readEnds(Arena arena, int[] scratch, List<Pipe> pipes) throws IOException {
        List<byte[]> tokens = new ArrayList<>(pipes.size());
        for (Pipe pipe : pipes) {
            byte[] token = ByteBuffer.allocate(TOKEN_SIZE).putLong(SALT).putLong(TOKENS.incrementAndGet()).array();
            pipe.sink().write(ByteBuffer.wrap(token));
            tokens.add(token);
        }
        int[] found = new int[pipes.size()];
        Arrays.fill(found, -1);
        int left = pipes.size();
        MemorySegment copy = arena.allocate(TOKEN_SIZE);
        for (int i = 0; i < MAX_FD && left > 0; i++) {
            int fd = probe(i, scratch[1] + 1);
            long n = fd == scratch[0] ? -1 : Posix.tee(fd, scratch[1], TOKEN_SIZE);
            if (n <= 0) {
                continue;
            }
            long read = Posix.read(scratch[0], copy.asSlice(0, n));
            if (read != TOKEN_SIZE) {
                continue;
            }
            byte[] bytes = copy.toArray(JAVA_BYTE);
            for (int j = 0; j < tokens.size(); j++) {
                if (found[j] < 0 && Arrays.equals(bytes, tokens.get(j))) {
                    found[j] = fd;
                    left--;
                }
            }
        }
        if (left > 0) {
            throw new IOException("could not find the descriptors of the child's pipes among this process's first " + MAX_FD);
        }
        for (int fd : found) {
            if (Posix.read(fd, copy) != TOKEN_SIZE) {
                throw new IOException("could not read the token back out of pipe descriptor " + fd);
            }
        }
        return found;
    }

    /**
     * The {@code i}th descriptor to try: first the few from {@code start} (new descriptors take
     * the lowest free numbers, and those below {@code start} were taken the moment before), then
     * the ones below it (another thread may have freed one meanwhile), then the rest.
     */
    private static int probe(int i, int start) {
        if (i < NEAR) {
            return start + i;
        }
        return i < NEAR + start ? i - NEAR : i;
    }

    private static void closeAll(List<Closeable> ends) {
        for (Closeable end : ends) {
            try {
                end.close();
            } catch (IOException ignored) {
                // the descriptor is released even when close reports an error
            }
        }
    }
}
