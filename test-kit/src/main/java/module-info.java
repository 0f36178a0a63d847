// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * asyncio4j's test kit: an event loop on virtual time and a JUnit 5 extension; see
 * {@link org.asyncio4j.test}.
 */
module org.asyncio4j.test {
    requires transitive org.asyncio4j;
    requires transitive org.junit.jupiter.api;

    exports org.asyncio4j.test;
    // JUnit instantiates the extension reflectively
    opens org.asyncio4j.test to org.junit.platform.commons;
}
