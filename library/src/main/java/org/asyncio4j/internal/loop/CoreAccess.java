// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import java.lang.invoke.MethodHandles;
import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;

/**
 * The one door from the layers above the core (network I/O, subprocesses, the primitives'
 * waiting line) to a loop's {@link LoopCore}, in the manner of the JDK's {@code SharedSecrets}:
 * the event loop installs the way from a loop to its core once, in its static initialiser, and
 * each class of the library that needs it asks once and keeps it in a static final field:
 *
 * {@snippet :
 * private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());
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
 * On the class path every public class is reachable, so {@link #loops} and {@link #install}
 * (and {@link KitAccess#install}) ask the caller to prove who it is with its own
 * {@link MethodHandles#lookup()}: a lookup with full privilege access can only be made by the
 * class it names. That class must be one of this library's: in package {@code org.asyncio4j} or
 * below it, in this class's module (on the class path: the same class loader) and loaded from
 * the same jar or directory. Any other caller gets an {@link IllegalCallerException}. The check is
 * a few field reads, made once per class that asks, never on a loop's paths; what {@code loops}
 * returns costs a field read and one call per use. A lookup is the JDK's own token of identity
 * (hidden classes, {@code MethodHandles.classData}); unlike a stack walk it cannot be borrowed:
 * user code that hands the library a method reference, or calls through reflection, still has
 * only its own lookup to give.
 *
 * <p><b>What Java does not allow.</b> On the class path deep reflection is open to everyone: with
 * {@code setAccessible}, or a lookup in a library class from {@code MethodHandles.privateLookupIn}
 * (which has full privilege there, as the class path is one unnamed module), user code can read
 * the field in which a library class keeps what {@link #loops} gave it, or pass the check itself.
 * A class in a package {@code org.asyncio4j.*} packed into the same jar as the library (a shaded
 * jar) is indistinguishable from the library's own. The module path is Java's real boundary:
 * there the internal packages are neither exported nor open, so deep reflection fails as well,
 * unless the program opens them with {@code --add-opens}.
 */
public final class CoreAccess {
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
     * @param caller the caller's own {@code MethodHandles.lookup()}
     * @throws IllegalCallerException if {@code caller} is not a full-privilege lookup of a class of this library
     */
    public static void install(MethodHandles.Lookup caller, Loops implementation) {
        requireLibrary(caller, "CoreAccess.install");
        if (loops != null) {
            throw new IllegalStateException("the loop core accessor is already installed");
        }
        loops = Objects.requireNonNull(implementation);
    }

    /**
     * The way from a loop to its core's {@link LoopIo} view; initialises the event loop class first
     * if needed. Keep it in a static final field.
     *
     * @param caller the caller's own {@code MethodHandles.lookup()}
     * @throws IllegalCallerException if {@code caller} is not a full-privilege lookup of a class of this library
     */
    public static Loops loops(MethodHandles.Lookup caller) {
        requireLibrary(caller, "CoreAccess.loops");
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

    /** Refuses {@code caller} of {@code method} unless it is a full-privilege lookup of one of the library's classes (see above). */
    static void requireLibrary(MethodHandles.Lookup caller, String method) {
        Class<?> type = Objects.requireNonNull(caller, "caller").lookupClass();
        if (!caller.hasFullPrivilegeAccess() || !isLibraryClass(type)) {
            throw new IllegalCallerException(method + "() was called with a lookup of " + type.getName()
                    + (caller.hasFullPrivilegeAccess() ? "" : " without full privilege access")
                    + "; only asyncio4j's own classes may call it, each with its own MethodHandles.lookup(): a loop's"
                    + " internals are not API. Use the public packages (org.asyncio4j.EventLoop, org.asyncio4j.net,"
                    + " org.asyncio4j.subprocess, ...) instead");
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
