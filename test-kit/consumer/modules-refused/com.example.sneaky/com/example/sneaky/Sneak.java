// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package com.example.sneaky;

public class Sneak {
    Object clock = org.asyncio4j.internal.loop.LoopClock.SYSTEM;
}
