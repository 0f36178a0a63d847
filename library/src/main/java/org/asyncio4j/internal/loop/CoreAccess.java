// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;
import java.util.Set;

/**
 * The one door from the layers above the core (network I/O, subprocesses, the primitives'
 * waiting line) to a loop's {@link LoopCore}, in the manner of the JDK's {@code SharedSecrets}:
 * the event loop installs the way from a loop to its core once, in its static initialiser, and
 * each class of the library that needs it asks once and keeps it in a static final field:
 *
 * {@snippet :
 * private static final CoreAccess.Loops LOOPS = CoreAccess.loops();
 *
 * SelectionKey key = LOOPS.io(loop).register(channel, 0, null);
 * }
 *
 * <p>What it gives is the core's {@link LoopIo} side only: registering channels, the inbox, close
 * hooks and the thread checks. The ready queue, the timers and the loop's own life stay with the
 * event loop and the carrier, which hold the core itself.
 *
 * <p><b>Who may ask.</b> On the module path this package is exported to the test kit only, so no
 * user code can link against this class (and the kit does not use it: it has {@link KitAccess}).
 * On the class path every public class is reachable, so {@link #loops()} and {@link #install}
 * check their caller at run time, once per class that asks: a stack walk of about a microsecond,
 * never on a loop's paths (what {@code loops()} returns costs a field read per use). The caller
 * must be a class of this library: in package {@code org.asyncio4j} or below it, in this class's
 * module (on the class path: the same class loader) and loaded from the same jar or directory.
 * Any other caller gets an {@link IllegalCallerException}, as the JDK refuses callers of its own
 * accessors from outside it ({@code sun.misc.Unsafe.getUnsafe} used to check its caller's
 * loader). The caller is the frame right below, hidden frames included: a call through
 * reflection, a method handle or a method reference is refused, so that user code cannot make
 * the library its deputy by handing it {@code CoreAccess::loops} as a task's body.
 *
 * <p><b>What Java does not allow.</b> On the class path deep reflection is open to everyone: with
 * {@code setAccessible}, or a private lookup in a library class
 * ({@code MethodHandles.privateLookupIn}), user code can read the field in which a library class
 * keeps what {@link #loops()} gave it, or define a class of its own beside it that passes the
 * check. A class in a package {@code org.asyncio4j.*} packed into the same jar as the library (a
 * shaded jar) is indistinguishable from the library's own. The module path is Java's real
 * boundary: there the internal packages are neither exported nor open, so deep reflection fails
 * as well, unless the program opens them with {@code --add-opens}.
 */
public final class CoreAccess {
    /**
     * Sees every frame, hidden ones included: a method reference's proxy, reflection and method
     * handles. {@code getCallerClass()} skips those, so a method reference {@code CoreAccess::loops}
     * that user code hands to the library (as a task's body) would have the library as its caller.
     */
    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));
    private static final String LIBRARY_PACKAGE = "org.asyncio4j";

    private static volatile Loops loops;

    private CoreAccess() {
    }

    /** The event loop's side: the {@link LoopIo} view of a loop's core. */
    @FunctionalInterface
    public interface Loops {
        /** The core of {@code eventLoop}, an {@code org.asyncio4j.EventLoop}, seen as {@link LoopIo}. */
        LoopIo io(Object eventLoop);
    }

    /**
     * Called once, by the event loop class.
     *
     * @throws IllegalCallerException if the caller is not a class of this library
     */
    public static void install(Loops implementation) {
        requireLibraryCaller("CoreAccess.install");
        if (loops != null) {
            throw new IllegalStateException("the loop core accessor is already installed");
        }
        loops = Objects.requireNonNull(implementation);
    }

    /**
     * The way from a loop to its core's {@link LoopIo} view; initialises the event loop class first
     * if needed. Keep it in a static final field: this walks the stack, the result does not.
     *
     * @throws IllegalCallerException if the caller is not a class of this library
     */
    public static Loops loops() {
        requireLibraryCaller("CoreAccess.loops");
        if (loops == null) {
            initialiseEventLoop();
        }
        return Objects.requireNonNull(loops, "the event loop class did not install its core accessor");
    }

    /** Runs the event loop's static initialiser, which installs the accessors, if it has not run yet. */
    static void initialiseEventLoop() {
        try {
            Class.forName(LIBRARY_PACKAGE + ".EventLoop", true, CoreAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("org.asyncio4j.EventLoop is missing from the library", e);
        }
    }

    /**
     * Refuses the caller of {@code method} (the method calling this) unless it is one of the
     * library's classes calling directly (see above).
     */
    static void requireLibraryCaller(String method) {
        Class<?> caller = WALKER.walk(frames -> frames.skip(2).findFirst()).orElseThrow().getDeclaringClass();
        if (!isLibraryClass(caller)) {
            throw new IllegalCallerException(caller.getName() + " called " + method + "(), which only asyncio4j's"
                    + " own classes may call, directly: a loop's internals are not API. Use the public packages"
                    + " (org.asyncio4j.EventLoop, org.asyncio4j.net, org.asyncio4j.subprocess, ...) instead");
        }
    }

    /** In the library's packages, its module (or class loader) and its jar or directory. */
    private static boolean isLibraryClass(Class<?> type) {
        String pkg = type.getPackageName();
        return (pkg.equals(LIBRARY_PACKAGE) || pkg.startsWith(LIBRARY_PACKAGE + "."))
                && type.getModule() == CoreAccess.class.getModule()
                && Objects.equals(location(type), location(CoreAccess.class));
    }

    /** Where {@code type} was loaded from, as text (URL's equals may resolve host names), or null if unknown. */
    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? null : url.toExternalForm();
    }
}
