// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/**
 * The caller check of {@link CoreAccess} on the class path: being in the library's package is not
 * enough (this test class is, but it is loaded from the test classes, not from the library's jar
 * or directory), while the library's own classes get the core when they first load.
 */
class CoreAccessTest {

    @Test
    void aClassInTheLibrarysPackageLoadedFromElsewhereIsRefused() {
        assertThat(CoreAccessTest.class.getPackageName()).isEqualTo(CoreAccess.class.getPackageName());
        MethodHandles.Lookup own = MethodHandles.lookup();
        assertThat(own.hasFullPrivilegeAccess()).isTrue();
        assertThatThrownBy(() -> CoreAccess.loops(own))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageStartingWith("CoreAccess.loops() was called with a lookup of " + CoreAccessTest.class.getName() + ";");
    }

    @Test
    void theLibrarysClassesGetTheCoreWhenTheyLoad() throws ClassNotFoundException {
        for (String name : new String[] {"org.asyncio4j.internal.net.Connector", "org.asyncio4j.internal.net.SocketServer",
                "org.asyncio4j.internal.subprocess.ProcessTransport", "org.asyncio4j.internal.sync.WaiterQueue"}) {
            Class<?> type = Class.forName(name, true, CoreAccess.class.getClassLoader()); // their static initialisers ask
            assertThat(type.getName()).isEqualTo(name);
        }
    }
}
