package org.asyncio4j.internal.loop;

import java.nio.channels.SelectionKey;

/** What the loop calls, on its own thread, when a channel registered with its selector is ready. */
public interface IoHandler {
    void ioReady(SelectionKey key);
}
