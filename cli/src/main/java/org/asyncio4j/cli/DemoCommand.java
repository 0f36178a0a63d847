// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.asyncio4j.examples.Demo;
import org.asyncio4j.examples.Demo.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/**
 * {@code asyncio4j demo [name...]}: the guided tour of the ported seed programs, each under a
 * one-line heading, with its output and the wall time it took (ten 2 s downloads take about
 * 2 s).
 *
 * {@snippet lang=sh :
 * ./asyncio4j demo --list
 * ./asyncio4j demo call-later-and-soon factorial-gather
 * }
 *
 * <p>The programs live in the examples module, next to the tests of their printed lines; this
 * command only chooses and times them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The guided tour: every ported seed program with its output and wall time.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the programs ran (in cancel-on-interrupt, Ctrl+C is part of the show)",
                "1:a program failed on I/O (a port taken, say)", "2:a usage error: an unknown program or option",
                "130:interrupted by Ctrl+C"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j demo                       # the whole tour", "  asyncio4j demo --list",
                "  asyncio4j demo call-later-and-soon factorial-gather"})
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Programs to run, in the order given (default: the whole tour).")
    private List<String> names = List.of();

    @Option(names = "--list", description = "List the programs and what each shows, then stop.")
    private boolean list;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Map<String, Program> programs = Demo.programs(out);
        if (list) {
            programs.forEach((name, program) -> out.printf("%-22s %s%n", name, program.title()));
            return 0;
        }
        List<String> unknown = names.stream().filter(name -> !programs.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw Usage.error(spec, "unknown demo " + Text.safe(String.join(", ", unknown)) + "; choose among: "
                    + String.join(", ", programs.keySet()) + " (or run `asyncio4j demo --list`)");
        }
        for (String name : names.isEmpty() ? List.copyOf(programs.keySet()) : names) {
            Demo.show(out, name, programs.get(name));
        }
        return 0;
    }
}
