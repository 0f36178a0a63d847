// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.asyncio4j.KeyboardInterrupt;
import org.asyncio4j.cli.crawl.CrawlCommand;
import org.asyncio4j.cli.repl.ReplCommand;
import org.asyncio4j.cli.tasks.PsCommand;
import org.asyncio4j.cli.tasks.PsTreeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code asyncio4j} command: the demo tour, a crawler, an echo server and client, and a REPL
 * whose snippets run as tasks of a running event loop.
 *
 * {@snippet lang=sh :
 * ./asyncio4j demo ten-downloads-gather
 * ./asyncio4j crawl --self-test
 * ./asyncio4j repl
 * ./asyncio4j pstree 12345
 * }
 *
 * <p>The runnable jar carries {@code Add-Opens: java.base/java.lang} in its manifest, so
 * {@code java -jar asyncio4j-cli.jar ...} needs no JVM flags.
 *
 * <p>Output is written in the locale's encoding, except in the C/POSIX locale, whose ASCII
 * would print every dash of the tour as {@code ?}: there it is UTF-8, as CPython does
 * (PEP 538, PEP 540). A usage error is one line naming the option and value (see {@link Usage}).
 */
@Command(name = "asyncio4j", mixinStandardHelpOptions = true, version = "asyncio4j 0.1.0",
        description = "Python's asyncio, natively in Java 25: a tour, tools and a REPL.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a failure the command reports in one line (connection refused, port taken, ...)",
                "2:a usage error: an unknown option or subcommand, or a bad value", "130:interrupted by Ctrl+C"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j demo --list", "  asyncio4j crawl --self-test", "  asyncio4j repl", "  asyncio4j help crawl"},
        subcommands = {DemoCommand.class, CrawlCommand.class, EchoServerCommand.class, EchoClientCommand.class,
                ReplCommand.class, PsCommand.class, PsTreeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        Charset charset = Text.terminalCharset(System.out.charset());
        if (!charset.equals(System.out.charset())) {
            System.setOut(new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), true, charset));
            System.setErr(new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err)), true, charset));
        }
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(new PrintWriter(System.out, true, charset))
                .setErr(new PrintWriter(System.err, true, charset))
                .setParameterExceptionHandler(Usage::report)
                .setExecutionExceptionHandler(Main::reportFailure);
        System.exit(commandLine.execute(args));
    }

    /**
     * Ctrl+C ends a command with status 130, as a shell expects, and an I/O failure (port taken,
     * connection refused, unreadable file) is the user's to fix: each gets one line instead of a
     * stack trace. Anything else is a bug and keeps its trace.
     */
    private static int reportFailure(Exception error, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        String prefix = "asyncio4j " + command.getCommandName() + ": ";
        if (error instanceof KeyboardInterrupt) {
            command.getErr().println(System.lineSeparator() + prefix + "interrupted");
            return 130;
        }
        if (!(error instanceof IOException)) {
            throw error;
        }
        command.getErr().println(prefix + Failure.describe(error));
        return 1;
    }

    /** Without a subcommand: show what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
