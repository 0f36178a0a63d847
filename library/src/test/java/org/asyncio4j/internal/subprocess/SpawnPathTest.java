// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.subprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpawnPathTest {

    @Test
    void withoutThePropertyTheNativePathIsTakenWhereItCanRun() {
        assertThat(SpawnPath.choose("", null)).isEqualTo(SpawnPath.NATIVE);
        assertThat(SpawnPath.choose("", "no --enable-native-access=ALL-UNNAMED")).isEqualTo(SpawnPath.JDK);
        assertThat(SpawnPath.choose("", "not Linux")).isEqualTo(SpawnPath.JDK);
    }

    @Test
    void thePropertyForcesAPathAndNativeFailsWhereItCannotRunSayingWhy() {
        assertThat(SpawnPath.choose("jdk", null)).isEqualTo(SpawnPath.JDK);
        assertThat(SpawnPath.choose("native", null)).isEqualTo(SpawnPath.NATIVE);
        assertThatThrownBy(() -> SpawnPath.choose("native", "not Linux"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asyncio4j.subprocess=native").hasMessageContaining("not Linux");
    }

    @Test
    void anInvalidValueIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> SpawnPath.choose("posix", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asyncio4j.subprocess").hasMessageContaining("'native' or 'jdk'").hasMessageContaining("'posix'");
    }

    @Test
    void aRawWaitStatusBecomesAsyncioReturnCode() {
        assertThat(NativeChild.returncode(130 << 8)).isEqualTo(130);
        assertThat(NativeChild.returncode(0)).isZero();
        assertThat(NativeChild.returncode(2)).isEqualTo(-2);
        assertThat(NativeChild.returncode(9 | 0x80)).as("killed, core dumped").isEqualTo(-9);
    }
}
