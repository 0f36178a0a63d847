#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""subprocess_cat: bytes per second through a `cat` child with asyncio, the same work as
org.asyncio4j.bench.SubprocessThroughput: one task writes stdin (write, then drain) while the
main task reads stdout, 64 KiB at a time. Measured as bench/run measures asyncio4j: one warm-up,
then the timed passes; prints one JSON line with the best and the median, and this process's CPU
time per megabyte (cpu_ns_per_mb; the cat child's own is not counted, as on the Java side).

    python3 bench/python/subprocess_cat.py [MiB=256] [passes=5] [asyncio|uvloop]
"""
import asyncio
import json
import sys
import statistics
import time

CHUNK = 64 * 1024


async def seconds_through_cat(total):
    start = time.perf_counter()
    cat = await asyncio.create_subprocess_exec(
        "cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)

    async def feed():
        chunk = bytes(CHUNK)
        sent = 0
        while sent < total:
            cat.stdin.write(chunk)
            await cat.stdin.drain()
            sent += CHUNK
        cat.stdin.close()

    writer = asyncio.create_task(feed())
    received = 0
    while True:
        block = await cat.stdout.read(CHUNK)
        if not block:
            break
        received += len(block)
    await writer
    code = await cat.wait()
    if code != 0 or received != total:
        raise RuntimeError(f"cat returned {code} after {received} of {total} bytes")
    return time.perf_counter() - start


def new_loop(kind):
    if kind == "uvloop":
        import uvloop
        return uvloop.new_event_loop()
    return asyncio.new_event_loop()


def main():
    mebibytes = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    loop = sys.argv[3] if len(sys.argv) > 3 else "asyncio"
    total = mebibytes << 20
    seconds, cpu = [], []
    with asyncio.Runner(loop_factory=lambda: new_loop(loop)) as runner:
        runner.run(seconds_through_cat(total))  # warm-up
        for _ in range(passes):
            cpu0 = time.process_time_ns()
            seconds.append(runner.run(seconds_through_cat(total)))
            cpu.append((time.process_time_ns() - cpu0) / (total / 1e6))
    best = min(seconds)
    median = statistics.median(seconds)
    print(json.dumps({"system": loop,
                      "case": "subprocess_cat", "n": total,
                      "value": round(total / best / 1e6, 1), "unit": "MB/s",
                      "median": round(total / median / 1e6, 1),
                      "spread_pct": round(100 * (max(seconds) - best) / median, 1),
                      "passes": passes, "cpu_ns_per_mb": round(min(cpu), 1)}))


if __name__ == "__main__":
    main()
