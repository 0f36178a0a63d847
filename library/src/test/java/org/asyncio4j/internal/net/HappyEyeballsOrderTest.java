// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HappyEyeballsOrderTest {

    private static InetSocketAddress at(String literal, int port) {
        return new InetSocketAddress(InetAddress.ofLiteral(literal), port);
    }

    @Test
    void addressesAlternateFamiliesStartingWithTheFirstOnesFamily() {
        List<SocketAddress> interleaved = HappyEyeballs.interleave(List.of(
                at("::1", 1), at("::2", 2), at("127.0.0.1", 3), at("127.0.0.2", 4), at("127.0.0.3", 5)));
        assertThat(interleaved).containsExactly(
                at("::1", 1), at("127.0.0.1", 3), at("::2", 2), at("127.0.0.2", 4), at("127.0.0.3", 5));
    }
}
