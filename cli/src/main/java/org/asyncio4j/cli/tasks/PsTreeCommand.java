// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.tasks;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code asyncio4j pstree PID}: the tree of who awaits whom in a running JVM, with the frames
 * where each task waits, as Python 3.14's {@code python -m asyncio pstree PID} draws it.
 *
 * {@snippet lang=sh :
 * ./asyncio4j pstree 12345
 * }
 */
@Command(name = "pstree", mixinStandardHelpOptions = true,
        description = "Draw the await tree of a running JVM's asyncio4j tasks: who awaits whom, and where.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drawn", "1:no such process, not a reachable JVM, no asyncio4j or no event loop in it, or a cycle",
                "2:a usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j pstree 12345"})
public final class PsTreeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PID", description = "The process id of a JVM that has asyncio4j on its class path.")
    private long pid;

    @Override
    public Integer call() {
        try {
            AwaitTree.lines(Snapshot.of(pid)).forEach(System.out::println);
            return 0;
        } catch (Snapshot.Failure e) {
            System.err.println("asyncio4j pstree: " + e.getMessage());
            return 1;
        } catch (AwaitTree.CycleException e) {
            System.err.println("ERROR: await-graph contains cycles - cannot print a tree!");
            System.err.println();
            for (List<String> cycle : e.cycles) {
                System.err.println("cycle: " + String.join(" → ", cycle));
            }
            return 1;
        }
    }
}
