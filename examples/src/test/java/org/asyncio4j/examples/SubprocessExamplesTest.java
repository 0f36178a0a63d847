// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seed 004 subprocess example prints exactly these lines. */
class SubprocessExamplesTest {

    @Test
    void subprocessSnippetsRunExecShellCommunicateAndTerminate() {
        assertThat(Output.of(SubprocessSnippets::run)).containsExactly(
                "exec ls: apple.txt",
                "exec ls: pear.txt",
                "ls exited with 0",
                "shell 'ls | wc -l': 2",
                "communicate with sort: apple fig pear",
                "terminated sleep, returncode -15");
    }
}
