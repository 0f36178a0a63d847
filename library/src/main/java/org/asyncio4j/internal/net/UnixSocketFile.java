// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file a Unix-domain server's socket is bound to: a stale one is removed before binding, and
 * the server's own is removed when it closes (asyncio 3.13's {@code cleanup_socket}), but only if
 * it is still the file this server made, not one another server bound at the same path since.
 * Only sockets are removed before binding: a regular file or a directory at the path makes the
 * bind fail, as in asyncio. Errors are logged, never thrown, as asyncio logs them.
 */
final class UnixSocketFile {
    private static final System.Logger LOG = System.getLogger("org.asyncio4j");
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path path;
    private final Object identity;

    private UnixSocketFile(Path path, Object identity) {
        this.path = path;
        this.identity = identity;
    }

    /** Removes the socket file left at {@code path} by a server that is gone (asyncio always does this). */
    static void removeStale(Path path) {
        try {
            if (isSocket(path)) {
                Files.delete(path);
            }
        } catch (NoSuchFileException nothingThere) {
            // the usual case
        } catch (IOException | RuntimeException e) {
            // The directory may let us create a socket and no more: the bind says what is wrong.
            LOG.log(Level.ERROR, "Unable to check or remove stale UNIX socket " + path + ": " + e);
        }
    }

    private static boolean isSocket(Path path) throws IOException {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode") & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException noUnixView) {
            return false; // not a POSIX system: leave the file alone
        }
    }

    /** The file {@code channel} is bound to, to remove when the server closes; null if it has none or it cannot be told. */
    static UnixSocketFile of(ServerSocketChannel channel) {
        try {
            if (!(channel.getLocalAddress() instanceof UnixDomainSocketAddress unix) || unix.getPath().toString().isEmpty()) {
                return null;
            }
            Object identity = identity(unix.getPath());
            return identity == null ? null : new UnixSocketFile(unix.getPath(), identity);
        } catch (IOException e) {
            return null; // then the file stays, as asyncio leaves it when it cannot stat it
        }
    }

    /** The file's device and inode; null if it is gone or the system does not tell. */
    private static Object identity(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** After the socket is closed: removes the file if it is still this server's. */
    void removeIfStillOurs() {
        try {
            if (identity.equals(identity(path))) {
                Files.delete(path);
            }
        } catch (NoSuchFileException gone) {
            // removed by someone else meanwhile
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "Unable to clean up listening UNIX socket " + path + ": " + e);
        }
    }
}
