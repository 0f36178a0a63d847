// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/** A user module: it requires the kit and reaches only its exported API. */
module com.example.user {
    requires org.asyncio4j.test;
}
