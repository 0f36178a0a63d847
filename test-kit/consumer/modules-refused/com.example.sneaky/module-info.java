// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/** A user module that reaches for the library's internals: it must not compile. */
module com.example.sneaky {
    requires org.asyncio4j.test;
}
