// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.example.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.KitAccess;
import org.asyncio4j.sync.Lock;
import org.junit.jupiter.api.Test;

/**
 * User code on the class path (this class: outside the library's packages, loaded from another
 * directory) cannot get at a loop's core through {@link CoreAccess}, whichever way it calls it.
 */
class CoreAccessFromOutsideTest {

    @Test
    void askingForTheCoreIsRefusedNamingTheCallerAndThePublicWay() {
        assertThatThrownBy(() -> CoreAccess.loops())
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageContaining(CoreAccessFromOutsideTest.class.getName())
                .hasMessageContaining("only asyncio4j's own classes may call, directly")
                .hasMessageContaining("Use the public packages");
    }

    @Test
    void reflectionDoesNotLaunderTheCall() throws NoSuchMethodException {
        var loops = CoreAccess.class.getMethod("loops");
        assertThatThrownBy(() -> loops.invoke(null))
                .isInstanceOf(InvocationTargetException.class)
                .cause()
                .isInstanceOf(IllegalCallerException.class);
    }

    @Test
    void aMethodHandleDoesNotLaunderTheCall() throws ReflectiveOperationException {
        MethodHandle loops = MethodHandles.lookup().findStatic(CoreAccess.class, "loops", MethodType.methodType(CoreAccess.Loops.class));
        assertThatThrownBy(() -> {
            Object ignored = loops.invoke();
        }).isInstanceOf(IllegalCallerException.class);
    }

    @Test
    void aMethodReferenceRunByTheLibraryDoesNotMakeTheLibraryTheCaller() {
        // The task's body is CoreAccess.loops itself, called by the library's own task machinery.
        assertThatThrownBy(() -> Asyncio.run(CoreAccess::loops))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageContaining(CoreAccessFromOutsideTest.class.getName());
    }

    @Test
    void replacingTheAccessorIsRefusedAndTheLibraryKeepsWorking() throws Exception {
        assertThatThrownBy(() -> CoreAccess.install(loop -> null))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageContaining("CoreAccess.install()");
        assertThatThrownBy(() -> KitAccess.install(null)).isInstanceOf(IllegalCallerException.class);
        // The library's own classes still reach the core: a lock's waiting line asserts the loop through it.
        String got = Asyncio.run(() -> {
            Lock lock = new Lock();
            Task<String> waiter;
            try (var _ = lock.acquire()) {
                waiter = Asyncio.createTask(() -> {
                    try (var _ = lock.acquire()) {
                        return "locked";
                    }
                });
                Asyncio.sleep(0);
            }
            return waiter.await();
        });
        assertThat(got).isEqualTo("locked");
    }
}
