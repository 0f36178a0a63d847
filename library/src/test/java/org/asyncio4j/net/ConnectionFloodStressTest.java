// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 5's flood: 10,000 connections on loopback, 2,000 at a time (two descriptors each). */
@ExtendWith(NoLeakedDescriptors.class)
class ConnectionFloodStressTest {
    @Test
    void tenThousandConnectionsAreAllServed() {
        ConnectionFlood.run(10_000, 2_000);
    }
}
