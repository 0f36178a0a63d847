// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.nio.channels.Channel;

/** Small channel helpers shared by the transports. */
final class Channels {
    private Channels() {
    }

    /** Closes {@code channel}, ignoring errors: used on paths that already report a better one. */
    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the descriptor is released even when close reports an error
        }
    }
}
