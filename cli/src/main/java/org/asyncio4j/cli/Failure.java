// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Names an I/O failure by its cause, in words a user acts on: "connection refused", "host not
 * found: example.invalid", "TLS: ...", "the server closed the connection without answering".
 * The JDK reports many of these as an exception with no message whose cause, a level or two
 * down, is a bare class name ({@code ConnectException} over {@code ClosedChannelException}).
 * What a message quotes from a peer (a status line, a header) is passed through {@link Text#safe}.
 *
 * {@snippet :
 * Failure.describe(new ConnectException());            // "connection refused"
 * Failure.describe(new UnknownHostException("x.invalid")); // "host not found: x.invalid"
 * }
 */
public final class Failure {
    private Failure() {
    }

    /** One line saying what went wrong; never a class name unless nothing else is known. */
    public static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
            switch (cause) {
                case UnresolvedAddressException _, UnknownHostException _ -> {
                    return "host not found" + (message.isEmpty() ? "" : ": " + Text.safe(message));
                }
                case SSLException _ -> {
                    return "TLS: " + (message.isEmpty() ? "handshake failed" : Text.safe(message));
                }
                case ProtocolException _ -> {
                    return "bad response: " + Text.safe(message);
                }
                case SocketException _ when message.contains("reset") -> {
                    return "connection reset by the peer";
                }
                default -> {
                    if (message.contains("header parser received no bytes")) {
                        return "the server closed the connection without answering";
                    }
                }
            }
        }
        // only now the wrappers that the causes above hide under
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
            switch (cause) {
                case ConnectException _ -> {
                    return message.isEmpty() ? "connection refused" : Text.safe(message);
                }
                case EOFException _, ClosedChannelException _ -> {
                    return "the connection closed before the exchange ended";
                }
                default -> {
                }
            }
        }
        Throwable cause = error;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "I/O error (" + cause.getClass().getSimpleName() + ")" : Text.safe(message);
    }
}
