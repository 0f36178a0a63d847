// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import java.nio.charset.StandardCharsets;

/**
 * What {@link Subprocess#communicate} read: the child's whole stdout and stderr, each null if
 * that stream was not a pipe. asyncio's {@code (stdout_data, stderr_data)} pair.
 *
 * {@snippet :
 * ProcessOutput output = process.communicate(null);
 * System.out.print(output.stdoutText());
 * }
 *
 * @param stdout every byte the child wrote to stdout, or null if it was not piped
 * @param stderr every byte the child wrote to stderr, or null if it was not piped
 */
public record ProcessOutput(byte[] stdout, byte[] stderr) {

    /** {@return {@link #stdout()} decoded as UTF-8, or null if it was not piped} */
    public String stdoutText() {
        return stdout == null ? null : new String(stdout, StandardCharsets.UTF_8);
    }

    /** {@return {@link #stderr()} decoded as UTF-8, or null if it was not piped} */

    public String stderrText() {
        return stderr == null ? null : new String(stderr, StandardCharsets.UTF_8);
    }
}
