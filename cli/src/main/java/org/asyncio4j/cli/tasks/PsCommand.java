// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.tasks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code asyncio4j ps PID}: every task of every event loop of a running JVM, with who awaits it,
 * as Python 3.14's {@code python -m asyncio ps PID} prints them.
 *
 * {@snippet lang=sh :
 * ./asyncio4j ps 12345
 * }
 */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = "List the asyncio4j tasks of a running JVM: id, name, coroutine stack and awaiter, one row per awaiter.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:no such process, not a reachable JVM, no asyncio4j or no event loop in it",
                "2:a usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  asyncio4j ps 12345", "  asyncio4j pstree 12345"})
public final class PsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PID", description = "The process id of a JVM that has asyncio4j on its class path.")
    private long pid;

    @Override
    public Integer call() {
        try {
            TaskTable.lines(Snapshot.of(pid)).forEach(System.out::println);
            return 0;
        } catch (Snapshot.Failure e) {
            System.err.println("asyncio4j ps: " + e.getMessage());
            return 1;
        }
    }
}
