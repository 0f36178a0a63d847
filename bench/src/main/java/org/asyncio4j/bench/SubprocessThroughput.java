// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.util.List;
import java.util.Locale;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.subprocess.Stdio;
import org.asyncio4j.subprocess.Subprocess;
import org.asyncio4j.subprocess.SubprocessOptions;
import org.asyncio4j.subprocess.Subprocesses;

/**
 * {@code subprocess_cat}: bytes per second through a {@code cat} child, one task writing its stdin
 * (write, then drain) while another reads its stdout, 64 KiB at a time. The same work as
 * {@code bench/python/subprocess_cat.py} does with asyncio. Prints one JSON line per run, the best
 * of the passes, in the peers' format.
 *
 * {@snippet :
 * // java --add-opens java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -cp <bench classpath> org.asyncio4j.bench.SubprocessThroughput 256 3
 * SubprocessThroughput.main(new String[] {"256", "3"}); // 256 MiB, best of 3 passes
 * }
 */
public final class SubprocessThroughput {
    static final int CHUNK = 64 * 1024;

    private SubprocessThroughput() {
    }

    public static void main(String[] args) {
        long mebibytes = args.length > 0 ? Long.parseLong(args[0]) : 256;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long total = mebibytes << 20;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < passes; i++) {
            best = Math.min(best, secondsThroughCat(total));
        }
        System.out.printf(Locale.ROOT, "{\"system\": \"asyncio4j\", \"case\": \"subprocess_cat\", \"n\": %d, \"value\": %.1f, \"unit\": \"MB/s\"}%n",
                total, total / best / 1e6);
    }

    /** Pipes {@code total} bytes through {@code cat} and returns the seconds it took, from spawn to the child's exit. */
    public static double secondsThroughCat(long total) {
        return Asyncio.run(() -> {
            long start = System.nanoTime();
            Subprocess cat = Subprocesses.createSubprocessExec("cat", List.of(),
                    SubprocessOptions.pipes().stderr(Stdio.INHERIT));
            Task<Void> writer = Asyncio.createTask(() -> {
                byte[] chunk = new byte[CHUNK];
                for (long sent = 0; sent < total; sent += CHUNK) {
                    cat.stdin().write(chunk);
                    cat.stdin().drain();
                }
                cat.stdin().close();
            });
            long received = 0;
            for (byte[] block; (block = cat.stdout().read(CHUNK)).length > 0; ) {
                received += block.length;
            }
            writer.await();
            if (cat.await() != 0 || received != total) {
                throw new IllegalStateException("cat returned " + cat.returncode() + " after " + received + " of " + total + " bytes");
            }
            return (System.nanoTime() - start) / 1e9;
        });
    }
}
