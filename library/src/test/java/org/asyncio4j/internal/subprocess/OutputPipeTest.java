// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OutputPipeTest {

    /** Writes {@code text} through the path the child would be given and reads it back from the pipe's read end. */
    private static String roundTrip(OutputPipe pipe, String text) throws Exception {
        try (OutputStream child = new FileOutputStream(pipe.redirect().file())) {
            child.write(text.getBytes(US_ASCII));
        }
        pipe.closeWriteEnd();
        try (InputStream in = pipe.input()) {
            return new String(in.readAllBytes(), US_ASCII);
        } finally {
            pipe.close();
        }
    }

    @Test
    void threadsMakingPipesAtTheSameTimeEachNameTheirOwn() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux's /proc");
        int threads = 8;
        int rounds = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        List<OutputPipe> pair = OutputPipe.open(2);
                        if (pair == null) {
                            wrong.add("inconclusive"); // the caller would fall back to the JDK's pipes
                            continue;
                        }
                        for (int i = 0; i < 2; i++) {
                            String mark = thread + "/" + r + "/" + i;
                            String read = roundTrip(pair.get(i), mark);
                            if (!read.equals(mark)) {
                                wrong.add(mark + " read " + read);
                            }
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> result : results) {
                wrong.addAll(result.get());
            }
            // Each pipe named must be its own; giving up now and then, when other threads keep
            // switching pipes of their own at the same moments, is allowed.
            assertThat(wrong).allMatch("inconclusive"::equals);
            assertThat(wrong).as("pairs given up on, of %d", threads * rounds).hasSizeLessThan(threads * rounds / 10);
        }
    }
}
