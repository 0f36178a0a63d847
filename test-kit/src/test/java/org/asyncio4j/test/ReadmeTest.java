// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Testing your code" example is {@code com.example.RetryTest}, which runs with the kit's tests. */
class ReadmeTest {
    private static final Path ROOT = Path.of(System.getProperty("asyncio4j.root", ".."));

    @Test
    void theReadmeShowsTheExampleThatRunsAsATest() throws IOException {
        String example = Files.readString(ROOT.resolve("test-kit/src/test/java/com/example/RetryTest.java"));
        String shown = example.substring(example.indexOf("import "));
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("```java\n" + shown + "```\n");
    }
}
