// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package com.example.user;

import org.asyncio4j.Asyncio;
import org.asyncio4j.test.TestLoop;

public class Main {
    public static void main(String[] args) {
        try (TestLoop test = TestLoop.create()) {
            test.loop().runUntilComplete(() -> {
                Asyncio.sleep(3600);
                return null;
            });
            System.out.println("on the module path: virtual time " + test.time());
        }
    }
}
