// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How the command puts text it did not write itself in front of a person: what a peer sent
 * (status lines, headers, redirect targets, the messages of errors that quote them), lines read
 * from a file, values a REPL snippet returned. Such text goes through {@link #safe} on its way to
 * the terminal, so a hostile server cannot move the cursor, clear the screen, set the window
 * title or reorder a line with bidi overrides, and a 5 MB line prints as a short one.
 *
 * {@snippet :
 * Text.safe("\033]0;owned\007OK", 200);    // "\x1b]0;owned\x07OK"
 * Text.count(1, "URL");                    // "1 URL"
 * Text.count(3, "URL");                    // "3 URLs"
 * }
 */
public final class Text {
    /** The usual limit for one piece of peer text on a line of output. */
    public static final int LINE_LIMIT = 200;

    private Text() {
    }

    /**
     * {@code text} with every control character escaped and at most {@code limit} characters
     * kept. C0 and C1 controls and DEL (ESC, BEL, CR, LF, TAB, CSI, ...) become {@code \xNN};
     * invisible formatting characters (bidi overrides and isolates, zero-width characters, line
     * and paragraph separators) and unpaired surrogates become {@code \}{@code uNNNN}. What was
     * cut is counted: {@code ... (5242680 more characters)}.
     */
    public static String safe(CharSequence text, int limit) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit + 16));
        int i = 0;
        while (i < text.length() && out.length() < limit) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                out.append(String.format("\\x%02x", c));
            } else if (Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                    || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        if (i < text.length()) {
            out.append("... (").append(count(Character.codePointCount(text, i, text.length()), "more character")).append(')');
        }
        return out.toString();
    }

    /** {@link #safe(CharSequence, int)} with the {@link #LINE_LIMIT}. */
    public static String safe(CharSequence text) {
        return safe(text, LINE_LIMIT);
    }

    /** {@code n} and the noun, plural unless {@code n} is 1: "1 URL", "0 URLs", "13 URLs". */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /**
     * The charset to write text in, given the one the locale chose: that one, except for the
     * C/POSIX locale's ASCII, which cannot show a dash or an accent; there UTF-8, as CPython
     * does (PEP 538, PEP 540).
     */
    public static Charset terminalCharset(Charset locale) {
        return locale.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : locale;
    }
}
