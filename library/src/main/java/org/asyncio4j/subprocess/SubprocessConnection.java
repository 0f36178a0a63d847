// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.subprocess;

import java.util.Objects;

/**
 * A started child's transport and the protocol made for it: what asyncio's
 * {@code loop.subprocess_exec()} returns as the pair {@code (transport, protocol)}.
 *
 * {@snippet :
 * SubprocessConnection<MyProtocol> c = Subprocesses.subprocessShell(MyProtocol::new, "ls -l", SubprocessOptions.pipes());
 * c.transport().getPipeTransport(0).close();
 * }
 *
 * @param transport controls the child and its pipes
 * @param protocol the protocol the factory made
 * @param <P> the protocol type
 */
public record SubprocessConnection<P extends SubprocessProtocol>(SubprocessTransport transport, P protocol) {
    /**
     * Pairs a transport with its protocol.
     *
     * @param transport controls the child and its pipes
     * @param protocol the protocol the factory made
     */
    public SubprocessConnection {

        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocol, "protocol");
    }
}
