// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors: an option whose value parsed but makes no sense ({@code --concurrency -5}), and
 * how the command reports any usage error, its own or picocli's. The report is one line that
 * names the option and the value as given, then where to read more; the exit status is 2.
 *
 * {@snippet :
 * Usage.require(spec, concurrency >= 1, "--concurrency", "must be at least 1");
 * // asyncio4j crawl: --concurrency -5: must be at least 1
 * // Try 'asyncio4j crawl --help' for more information.
 * }
 */
public final class Usage {
    private static final int MESSAGE_LIMIT = 2000;

    private Usage() {
    }

    /**
     * Fails with a usage error unless {@code ok}: "{@code option value: rule}".
     *
     * @throws ParameterException the usage error, which {@link #report} prints
     */
    public static void require(CommandSpec spec, boolean ok, String option, String rule) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), option + " " + given(spec, option) + ": " + rule);
        }
    }

    /** A usage error that is not about one option's value (a bad URL, an unknown name). */
    public static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The value of {@code option} as the user typed it, when it was typed. */
    private static String given(CommandSpec spec, String option) {
        OptionSpec found = spec.findOption(option);
        List<String> typed = found.originalStringValues();
        return Text.safe(typed.isEmpty() ? Objects.toString(found.getValue()) : typed.getLast());
    }

    /** Prints a usage error as one line and a pointer to {@code --help}; returns 2. */
    static int report(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        // the parts of our own messages that came from outside are escaped already; picocli's quote arguments as typed
        command.getErr().println(name + ": " + Text.safe(error.getMessage(), MESSAGE_LIMIT));
        CommandLine.UnmatchedArgumentException.printSuggestions(error, command.getErr());
        command.getErr().println("Try '" + name + " --help' for more information.");
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
