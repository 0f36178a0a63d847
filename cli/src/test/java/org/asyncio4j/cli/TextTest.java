// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void controlCharactersAndInvisibleFormattingAreEscaped() {
        assertThat(Text.safe("\033]0;owned\007title")).isEqualTo("\\x1b]0;owned\\x07title");
        assertThat(Text.safe("a\rb\nc\td\u007f\u009b2J")).isEqualTo("a\\x0db\\x0ac\\x09d\\x7f\\x9b2J");
        assertThat(Text.safe("file\u202egpj.exe \u2066x\u2069 \u200b \u2028")).isEqualTo("file\\u202egpj.exe \\u2066x\\u2069 \\u200b \\u2028");
        assertThat(Text.safe("lone \ud800 surrogate")).isEqualTo("lone \\ud800 surrogate");
    }

    @Test
    void printableTextOfAnyScriptIsKeptAsItIs() {
        assertThat(Text.safe("https://example.com/caf\u00e9/\u65e5\u672c/\ud83d\ude00 [ok] \\x")).isEqualTo("https://example.com/caf\u00e9/\u65e5\u672c/\ud83d\ude00 [ok] \\x");
    }

    @Test
    void longTextIsCutAndWhatWasCutIsCounted() {
        String line = "y".repeat(5 * 1024 * 1024);
        assertThat(Text.safe(line)).isEqualTo("y".repeat(200) + "... (5242680 more characters)");
        assertThat(Text.safe("abc", 2)).isEqualTo("ab... (1 more character)");
        assertThat(Text.safe("abc", 3)).isEqualTo("abc");
    }

    @Test
    void countsAreSingularForOneOnly() {
        assertThat(Text.count(1, "URL")).isEqualTo("1 URL");
        assertThat(Text.count(0, "URL")).isEqualTo("0 URLs");
        assertThat(Text.count(13, "response")).isEqualTo("13 responses");
    }

    @Test
    void theCLocalesAsciiGivesWayToUtf8AndOtherCharsetsStay() {
        assertThat(Text.terminalCharset(StandardCharsets.US_ASCII)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Text.terminalCharset(Charset.forName("ANSI_X3.4-1968"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Text.terminalCharset(StandardCharsets.ISO_8859_1)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(Text.terminalCharset(StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
    }
}
