// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every subcommand shares: usage errors, --help, and output in any locale. */
@Timeout(120)
class CommandLineTest {

    @Test
    void aUsageErrorNamesTheOptionAndTheValueThatWasWrong() throws Exception {
        assertUsageError(List.of("crawl", "--concurrency", "-5", "http://example.com/"), "asyncio4j crawl: --concurrency -5: must be at least 1");
        assertUsageError(List.of("crawl", "--timeout", "0", "http://example.com/"), "asyncio4j crawl: --timeout 0: must be a number of seconds above 0");
        assertUsageError(List.of("echo-server", "--port", "70000"), "asyncio4j echo-server: --port 70000: must be between 0 and 65535 (0 picks a free port)");
        assertUsageError(List.of("echo-client", "--port", "8888", "--connections", "0"), "asyncio4j echo-client: --connections 0: must be at least 1");
        assertUsageError(List.of("crawl", "--concurrency", "many"), "asyncio4j crawl: Invalid value for option '--concurrency': 'many' is not an int");
    }

    private static void assertUsageError(List<String> args, String expected) throws Exception {
        try (CliProcess command = CliProcess.jar(args.toArray(String[]::new))) {
            assertThat(command.waitFor(30)).as(command.text()).isEqualTo(2);
            assertThat(command.output()).as(command.text())
                    .containsExactly(expected, "Try 'asyncio4j " + args.getFirst() + " --help' for more information.");
        }
    }

    @Test
    void everyHelpEndsWithItsExitCodesAndExamples() throws Exception {
        Map<String, List<String>> codes = Map.of("crawl", List.of("0", "1", "2", "130"), "echo-client", List.of("0", "1", "2", "130"),
                "demo", List.of("0", "1", "2", "130"), "echo-server", List.of("0", "1", "2"), "repl", List.of("0", "1", "2"));
        for (var entry : codes.entrySet()) {
            try (CliProcess help = CliProcess.jar(entry.getKey(), "--help")) {
                assertThat(help.waitFor(30)).isZero();
                List<String> lines = help.output();
                int exitCodes = lines.indexOf("Exit codes:");
                int examples = lines.indexOf("Examples:");
                assertThat(exitCodes).as(help.text()).isPositive();
                assertThat(examples).as(help.text()).isGreaterThan(exitCodes);
                assertThat(lines.subList(exitCodes + 1, examples).stream().filter(line -> line.matches("  \\d+ .*")) // not wrapped lines
                        .map(line -> line.strip().split(" ")[0])).as(entry.getKey()).containsExactlyElementsOf(entry.getValue());
                assertThat(lines.subList(examples + 1, lines.size())).as(help.text()).isNotEmpty()
                        .allMatch(line -> line.contains("asyncio4j " + entry.getKey()));
            }
        }
    }

    @Test
    void outputStaysReadableInTheCLocale() throws Exception {
        try (CliProcess demo = CliProcess.jar(Map.of("LANG", "C", "LC_ALL", "C"), "demo", "call-soon")) {
            assertThat(demo.waitFor(60)).as(demo.text()).isZero();
            assertThat(demo.output()).contains("=== call-soon \u2014 call_soon, then stop the loop (seed 002) ===");
        }
    }
}
