#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""subprocess_cat: bytes per second through a `cat` child with asyncio, the same work as
org.asyncio4j.bench.SubprocessThroughput: one task writes stdin (write, then drain) while the
main task reads stdout, 64 KiB at a time. Prints one JSON line, the best of the passes.

    python3 bench/python/subprocess_cat.py [MiB=256] [passes=3]
"""
import asyncio
import json
import sys
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


def main():
    mebibytes = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    total = mebibytes << 20
    best = min(asyncio.run(seconds_through_cat(total)) for _ in range(passes))
    print(json.dumps({"system": "asyncio",
                      "case": "subprocess_cat", "n": total,
                      "value": round(total / best / 1e6, 1), "unit": "MB/s"}))


if __name__ == "__main__":
    main()
