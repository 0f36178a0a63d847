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
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.internal.loop.KitAccess;
import org.asyncio4j.sync.Lock;
import org.junit.jupiter.api.Test;

/**
 * User code on the class path (this class: outside the library's packages, loaded from another
 * directory) cannot get at a loop's core through {@link CoreAccess}, whichever lookup it offers
 * and however it makes the call.
 */
class CoreAccessFromOutsideTest {

    @Test
    void askingWithItsOwnLookupIsRefusedNamingTheCallerAndThePublicWay() {
        assertThatThrownBy(() -> CoreAccess.loops(MethodHandles.lookup()))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageStartingWith("CoreAccess.loops() was called with a lookup of " + CoreAccessFromOutsideTest.class.getName())
                .hasMessageContaining("only asyncio4j's own classes may call it")
                .hasMessageContaining("Use the public packages");
    }

    @Test
    void aLookupOfALibraryClassWithoutFullPrivilegeIsRefused() {
        MethodHandles.Lookup moved = MethodHandles.lookup().in(EventLoop.class);
        assertThat(moved.lookupClass()).isEqualTo(EventLoop.class);
        assertThatThrownBy(() -> CoreAccess.loops(moved))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageContaining(EventLoop.class.getName() + " without full privilege access");
        assertThatThrownBy(() -> CoreAccess.loops(MethodHandles.publicLookup()))
                .isInstanceOf(IllegalCallerException.class);
    }

    @Test
    void reflectionAndMethodHandlesDoNotLaunderTheCall() throws ReflectiveOperationException {
        var loops = CoreAccess.class.getMethod("loops", MethodHandles.Lookup.class);
        assertThatThrownBy(() -> loops.invoke(null, MethodHandles.lookup()))
                .isInstanceOf(InvocationTargetException.class)
                .cause()
                .isInstanceOf(IllegalCallerException.class);
        MethodHandle handle = MethodHandles.lookup().findStatic(CoreAccess.class, "loops",
                MethodType.methodType(CoreAccess.Loops.class, MethodHandles.Lookup.class));
        assertThatThrownBy(() -> {
            Object ignored = handle.invoke(MethodHandles.lookup());
        }).isInstanceOf(IllegalCallerException.class);
    }

    @Test
    void replacingTheAccessorsIsRefusedAndTheLibraryKeepsWorking() throws Exception {
        assertThatThrownBy(() -> CoreAccess.install(MethodHandles.lookup(), loop -> null))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageStartingWith("CoreAccess.install()");
        assertThatThrownBy(() -> KitAccess.install(MethodHandles.lookup(), null))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageStartingWith("KitAccess.install()");
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
