// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** Hundreds of children at once, each echoing its own data through cat (-Pstress). */
class SubprocessStressTest {

    @Test
    void threeHundredCatsEchoTheirOwnDataAtOnce() throws Exception {
        int children = 300;
        List<Boolean> same = Asyncio.run(() -> {
            List<Task<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                byte[] data = new byte[64 * 1024 + i];
                new Random(i).nextBytes(data);
                tasks.add(Asyncio.createTask(() -> {
                    Subprocess cat = Subprocesses.createSubprocessExec("cat", List.of(), SubprocessOptions.pipes());
                    return java.util.Arrays.equals(cat.communicate(data).stdout(), data) && cat.returncode() == 0;
                }));
            }
            return Asyncio.gather(tasks).await();
        });
        assertThat(same).hasSize(children).containsOnly(true);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("asyncio4j-pipe-")) {
                t.join(5_000);
                assertThat(t.isAlive()).as(t.getName()).isFalse();
            }
        }
    }
}
