// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The C library calls of the native path ({@link NativeSpawn}), bound through the FFM API. Loaded
 * only once that path is considered (Linux, native access enabled), since binding a call is a
 * restricted operation.
 *
 * <p>Every constant here has the same value on Linux for x86-64 and AArch64. The calls that can
 * fail for a reason worth telling capture {@code errno}; the others only say whether they failed.
 */
@SuppressWarnings("restricted") // called only once native access is known to be enabled
final class Posix {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int WNOHANG = 1;
    static final int SPLICE_F_NONBLOCK = 2;
    static final int ENOENT = 2;
    static final int ECHILD = 10;
    static final int SIGPIPE = 13;
    static final int SIGXFSZ = 25;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** pidfd_open's number, the same on every Linux architecture but Alpha (kernel 5.3+). */
    private static final long SYS_PIDFD_OPEN = 434;
    /** Room for glibc's posix_spawn_file_actions_t (80 bytes on 64-bit Linux) and posix_spawnattr_t (336). */
    static final long SPAWN_STRUCT_SIZE = 1024;
    /** Room for a sigset_t (128 bytes). */
    static final long SIGSET_SIZE = 256;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURED = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURED.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
    private static final List<String> MISSING = new ArrayList<>();

    private static final FunctionDescriptor INT_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private static final FunctionDescriptor INT_PTR_INT = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
    private static final FunctionDescriptor INT_PTR_INT_INT = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);

    private static final MethodHandle SPAWNP = bind("posix_spawnp",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle ACTIONS_INIT = bind("posix_spawn_file_actions_init", INT_PTR);
    private static final MethodHandle ACTIONS_DESTROY = bind("posix_spawn_file_actions_destroy", INT_PTR);
    private static final MethodHandle ADD_DUP2 = bind("posix_spawn_file_actions_adddup2", INT_PTR_INT_INT);
    private static final MethodHandle ADD_CHDIR = bind("posix_spawn_file_actions_addchdir_np", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ADD_CLOSEFROM = bind("posix_spawn_file_actions_addclosefrom_np", INT_PTR_INT);
    private static final MethodHandle ATTR_INIT = bind("posix_spawnattr_init", INT_PTR);
    private static final MethodHandle ATTR_DESTROY = bind("posix_spawnattr_destroy", INT_PTR);
    private static final MethodHandle ATTR_SETFLAGS = bind("posix_spawnattr_setflags",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    private static final MethodHandle ATTR_SETSIGMASK = bind("posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_SETSIGDEFAULT = bind("posix_spawnattr_setsigdefault", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SIGEMPTYSET = bind("sigemptyset", INT_PTR);
    private static final MethodHandle SIGADDSET = bind("sigaddset", INT_PTR_INT);
    private static final MethodHandle OPEN = bind("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2), ERRNO_OPTION);
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle DUP3 = bind("dup3", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPTION);
    private static final MethodHandle PIPE2 = bind("pipe2", INT_PTR_INT, ERRNO_OPTION);
    private static final MethodHandle READ = bind("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle TEE = bind("tee", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle WAITPID = bind("waitpid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPTION);
    private static final MethodHandle KILL = bind("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPTION);
    private static final MethodHandle STRERROR = bind("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    /** glibc 2.36+ wraps pidfd_open; older ones only through syscall(2). */
    private static final MethodHandle PIDFD_OPEN = LINKER.defaultLookup().find("pidfd_open").isPresent()
            ? bind("pidfd_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPTION)
            : null;
    private static final MethodHandle SYSCALL = PIDFD_OPEN != null ? null
            : bind("syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                    Linker.Option.firstVariadicArg(1), ERRNO_OPTION);

    private Posix() {
    }

    /** A downcall: FFM's {@code invokeExact} declares {@code Throwable}, though a C function throws nothing. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws Throwable;
    }

    private static <T> T invoke(Call<T> call) {
        try {
            return call.run();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("a native call failed unexpectedly", t);
        }
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.defaultLookup().find(name)
                .map(address -> LINKER.downcallHandle(address, descriptor, options))
                .orElseGet(() -> {
                    MISSING.add(name);
                    return null;
                });
    }

    /**
     * Why the native path cannot run here, or null if it can: a C library call is missing (glibc
     * before 2.34 has no {@code posix_spawn_file_actions_addclosefrom_np}), or the kernel has no
     * {@code pidfd_open} (before 5.3).
     */
    static String unavailableReason() {
        if (!MISSING.isEmpty()) {
            return "the C library lacks " + String.join(", ", MISSING) + " (glibc 2.34 or later has them)";
        }
        try (Arena arena = Arena.ofConfined()) {
            close(pidfdOpen(arena, Math.toIntExact(ProcessHandle.current().pid())));
            return null;
        } catch (NativeError e) {
            return "the kernel refused pidfd_open (" + e.getMessage() + "; Linux 5.3 or later has it)";
        }
    }

    /** A failed call, with the C library's text for its error number. */
    static final class NativeError extends Exception {
        private static final long serialVersionUID = 1L;
        final int errno;

        NativeError(String call, int errno) {
            super(call + ": " + strerror(errno));
            this.errno = errno;
        }
    }

    private static MemorySegment captureState(Arena arena) {
        return arena.allocate(CAPTURED);
    }

    /** Fails with the {@code errno} captured in {@code state} if {@code result} is negative; else returns it. */
    private static long orErrno(String call, long result, MemorySegment state) throws NativeError {
        if (result < 0) {
            throw new NativeError(call, (int) ERRNO.get(state, 0L));
        }
        return result;
    }

    /** Fails if {@code result}, a call's returned error number, is not zero. */
    private static void checked(String call, int result) throws NativeError {
        if (result != 0) {
            throw new NativeError(call, result);
        }
    }

    /** The C library's text for error number {@code errno}. */
    static String strerror(int errno) {
        MemorySegment text = invoke(() -> (MemorySegment) STRERROR.invokeExact(errno));
        return text.reinterpret(1024).getString(0);
    }

    /** posix_spawnp(3): 0, or the error number of a spawn that failed (the program not found, say). */
    static int posixSpawnp(MemorySegment pid, MemorySegment file, MemorySegment actions, MemorySegment attributes,
                           MemorySegment argv, MemorySegment envp) {
        return invoke(() -> (int) SPAWNP.invokeExact(pid, file, actions, attributes, argv, envp));
    }

    static void actionsInit(MemorySegment actions) throws NativeError {
        checked("posix_spawn_file_actions_init", invoke(() -> (int) ACTIONS_INIT.invokeExact(actions)));
    }

    static void actionsDestroy(MemorySegment actions) {
        invoke(() -> (int) ACTIONS_DESTROY.invokeExact(actions));
    }

    static void addDup2(MemorySegment actions, int fd, int target) throws NativeError {
        checked("posix_spawn_file_actions_adddup2", invoke(() -> (int) ADD_DUP2.invokeExact(actions, fd, target)));
    }

    static void addChdir(MemorySegment actions, MemorySegment path) throws NativeError {
        checked("posix_spawn_file_actions_addchdir_np", invoke(() -> (int) ADD_CHDIR.invokeExact(actions, path)));
    }

    static void addClosefrom(MemorySegment actions, int lowest) throws NativeError {
        checked("posix_spawn_file_actions_addclosefrom_np", invoke(() -> (int) ADD_CLOSEFROM.invokeExact(actions, lowest)));
    }

    static void attrInit(MemorySegment attributes) throws NativeError {
        checked("posix_spawnattr_init", invoke(() -> (int) ATTR_INIT.invokeExact(attributes)));
    }

    static void attrDestroy(MemorySegment attributes) {
        invoke(() -> (int) ATTR_DESTROY.invokeExact(attributes));
    }

    /**
     * Makes the child start with no signal blocked (it would inherit the spawning thread's mask)
     * and with {@code defaults} at their default action (an ignored signal stays ignored across
     * {@code exec}).
     */
    static void attrSignals(Arena arena, MemorySegment attributes, int... defaults) throws NativeError {
        MemorySegment empty = arena.allocate(SIGSET_SIZE, 8);
        MemorySegment reset = arena.allocate(SIGSET_SIZE, 8);
        checked("sigemptyset", invoke(() -> (int) SIGEMPTYSET.invokeExact(empty)));
        checked("sigemptyset", invoke(() -> (int) SIGEMPTYSET.invokeExact(reset)));
        for (int signal : defaults) {
            checked("sigaddset", invoke(() -> (int) SIGADDSET.invokeExact(reset, signal)));
        }
        checked("posix_spawnattr_setsigmask", invoke(() -> (int) ATTR_SETSIGMASK.invokeExact(attributes, empty)));
        checked("posix_spawnattr_setsigdefault", invoke(() -> (int) ATTR_SETSIGDEFAULT.invokeExact(attributes, reset)));
        short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
        checked("posix_spawnattr_setflags", invoke(() -> (int) ATTR_SETFLAGS.invokeExact(attributes, flags)));
    }

    /** open(2), with {@code O_CLOEXEC} added; the error names {@code path}. */
    static int open(Arena arena, String path, int flags, int mode) throws NativeError {
        MemorySegment state = captureState(arena);
        MemorySegment name = arena.allocateFrom(path);
        return (int) orErrno(path, invoke(() -> (int) OPEN.invokeExact(state, name, flags | O_CLOEXEC, mode)), state);
    }

    /** close(2), ignoring errors: the descriptor is released whatever it reports. */
    static void close(int fd) {
        invoke(() -> (int) CLOSE.invokeExact(fd));
    }

    /** Puts the file of {@code fd} under the number {@code target} too, close-on-exec. */
    static void dup3(Arena arena, int fd, int target) throws NativeError {
        MemorySegment state = captureState(arena);
        orErrno("dup3", invoke(() -> (int) DUP3.invokeExact(state, fd, target, O_CLOEXEC)), state);
    }

    /** A new pipe, both ends close-on-exec and non-blocking: {read end, write end}. */
    static int[] pipe(Arena arena) throws NativeError {
        MemorySegment state = captureState(arena);
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        orErrno("pipe2", invoke(() -> (int) PIPE2.invokeExact(state, fds, O_CLOEXEC | O_NONBLOCK)), state);
        return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
    }

    /** read(2) into {@code buffer}: the count read, or -1 on any error. */
    static long read(int fd, MemorySegment buffer) {
        return invoke(() -> (long) READ.invokeExact(fd, buffer, buffer.byteSize()));
    }

    /** tee(2), not waiting: how many bytes of pipe {@code from} were copied into pipe {@code to}, or -1 on any error. */
    static long tee(int from, int to, long count) {
        return invoke(() -> (long) TEE.invokeExact(from, to, count, SPLICE_F_NONBLOCK));
    }

    /**
     * waitpid(2) with {@code WNOHANG}: the raw status word if {@code pid} has ended (it is then
     * reaped, so no zombie remains), or -1 if it has not yet.
     */
    static int reap(Arena arena, int pid) throws NativeError {
        MemorySegment state = captureState(arena);
        MemorySegment status = arena.allocate(JAVA_INT);
        long result = orErrno("waitpid", invoke(() -> (int) WAITPID.invokeExact(state, pid, status, WNOHANG)), state);
        return result == 0 ? -1 : status.get(JAVA_INT, 0);
    }

    /** kill(2). */
    static void kill(Arena arena, int pid, int signal) throws NativeError {
        MemorySegment state = captureState(arena);
        orErrno("kill", invoke(() -> (int) KILL.invokeExact(state, pid, signal)), state);
    }

    /** pidfd_open(2): a descriptor (close-on-exec) that becomes readable when {@code pid} exits. */
    static int pidfdOpen(Arena arena, int pid) throws NativeError {
        MemorySegment state = captureState(arena);
        long fd = PIDFD_OPEN != null
                ? invoke(() -> (int) PIDFD_OPEN.invokeExact(state, pid, 0))
                : invoke(() -> (long) SYSCALL.invokeExact(state, SYS_PIDFD_OPEN, (long) pid, 0L));
        return (int) orErrno("pidfd_open", fd, state);
    }
}
