// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench.cases;

import org.asyncio4j.bench.Size;

/**
 * The {@code java-vthreads} peer of the blocking cases: {@link BlockingCase}'s workers and ticker,
 * with the same calls, N and passes, run as plain virtual threads of the JDK's default scheduler
 * instead of asyncio4j tasks (no asyncio4j loop in the process). Prints one JSON line.
 *
 * {@snippet lang=shell :
 * taskset -c 1 java -cp ... org.asyncio4j.bench.cases.JdkVirtualThreadsBlocking blocking_socket --quick
 * }
 */
public final class JdkVirtualThreadsBlocking {
    /** The system name of this peer's figures. */
    public static final String SYSTEM = "java-vthreads";

    private JdkVirtualThreadsBlocking() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: JdkVirtualThreadsBlocking blocking_sleep|blocking_file|blocking_socket|blocking_jdbc"
                    + " [--quick|--tiny]");
            System.exit(2);
        }
        Size size = args.length == 1 ? Size.FULL : switch (args[1]) {
            case "--quick" -> Size.QUICK;
            case "--tiny" -> Size.TINY;
            default -> throw new IllegalArgumentException("the size is --quick or --tiny, not '" + args[1] + "'");
        };
        BlockingCase kase = new BlockingCase(BlockingCase.call(args[0]));
        System.out.println(kase.measure(SYSTEM, size, BlockingCase.Runner.JDK_VIRTUAL_THREADS).toJson());
    }
}
