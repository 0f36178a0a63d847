// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * asyncio4j: Python's asyncio in Java 25. Tasks are virtual threads whose scheduler is an event
 * loop; start with {@link org.asyncio4j.Asyncio}.
 */
@SuppressWarnings("module") // the qualified export below names the test kit, which is built after the library
module org.asyncio4j {
    requires jdk.unsupported; // the JDK's signal API (internal.signals.JvmSignal), to turn Ctrl+C into task cancellation as asyncio does
    requires jdk.jfr; // flight-recorder events (org.asyncio4j.internal.loop.LoopEvents), free while no recording wants them
    requires java.management; // the bean `asyncio4j ps` creates in a running program (nothing registers it up front)

    exports org.asyncio4j;
    exports org.asyncio4j.net;
    exports org.asyncio4j.queues;
    exports org.asyncio4j.sync;
    exports org.asyncio4j.subprocess;
    exports org.asyncio4j.internal.diag to java.management; // created by class name from `asyncio4j ps`

    // For the test kit only (artifact asyncio4j-test): loops on a virtual clock, see KitAccess.
    exports org.asyncio4j.internal.loop to org.asyncio4j.test;
}
