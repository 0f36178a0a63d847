#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""The asyncio and uvloop micro cases measured the way bench/run measures asyncio4j.

The work of each case is the shared peer's (aio_bench.py in the shared bench folder, imported
unchanged) or, for the cases it lacks (threadsafe cancel lock switch_depth10 switch_depth50
gather readline blocking_sleep blocking_file blocking_socket blocking_jdbc), this folder's aio_cases.py; this
driver adds what the comparison needs and that script does not do:

  * the same passes as asyncio4j: one warm-up, then --passes timed passes (5; 3 with --quick),
    reporting the best with the median and spread beside it;
  * the process's CPU time per operation (time.process_time_ns) beside the wall time, as cpu_ns;
  * --loaded: one idle listening socket registered with the loop during every pass (a server's
    loop always has one), the case then named <case>_loaded (timers: timers_overhead_s_loaded);
  * timers with the same passes (each in a fresh child, as aio_bench.py does, the first a warm-up);
  * idle_memory as live bytes per task from tracemalloc (the same kind of figure as the JVM's
    used heap after GC), with the resident-set method of aio_bench.py beside it as rss_bytes_per_task.

    python3 aio_passes.py --shared DIR --loop asyncio|uvloop --case NAME --n N [--passes 5] [--loaded]

One JSON line per case on stdout, in the peers' format.
"""
import argparse
import asyncio
import gc
import json
import os
import subprocess
import sys
import time
import tracemalloc


def load_peer(shared):
    """The shared aio_bench.py, its TIMED cases joined by this folder's own (aio_cases.py)."""
    sys.path.insert(0, shared)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import aio_bench
    import aio_cases
    aio_bench.TIMED = {**aio_bench.TIMED, **aio_cases.CASES}
    return aio_bench


async def with_condition(loaded, coro):
    """Runs coro (a case pass) with the condition's set-up around it; returns (wall ns, cpu ns)."""
    server = None
    if loaded:
        server = await asyncio.get_running_loop().create_server(asyncio.Protocol, "127.0.0.1", 0)
    try:
        cpu0 = time.process_time_ns()
        wall = await coro
        return wall, time.process_time_ns() - cpu0
    finally:
        if server is not None:
            server.close()
            await server.wait_closed()


def summary(values):
    ordered = sorted(values)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    spread = 100 * (ordered[-1] - ordered[0]) / median if median > 0 else 0
    return ordered[0], median, spread


def run_lateness(args):
    """aio_cases.LATENESS: each pass's coroutine returns the figure itself (a lateness, not a time)
    and the workers' calls; cpu_ns is the process's CPU time per call, as asyncio4j's, calls_per_s
    the last pass's calls per second."""
    import tempfile
    import aio_cases
    make, unit = aio_cases.LATENESS[args.case]
    with tempfile.NamedTemporaryFile() as data:
        data.write(b"\0" * aio_cases.BLOCKING_FILE_BYTES)
        data.flush()
        case = make(data.name)
        values, cpus = [], []
        with asyncio.Runner(loop_factory=lambda: load_peer(args.shared).new_loop(args.loop)) as runner:
            runner.run(case(args.n))  # warm-up
            for _ in range(args.passes):
                gc.collect()
                cpu0, t0 = time.process_time_ns(), time.perf_counter_ns()
                late, calls = runner.run(case(args.n))
                cpus.append((time.process_time_ns() - cpu0) / max(calls, 1))
                calls_per_s = calls * 1e9 / (time.perf_counter_ns() - t0)
                values.append(late)
    best, median, spread = summary(values)
    emit(args.loop, args.case, args.n, best, unit, median=median, spread_pct=spread, passes=args.passes,
         cpu_ns=min(cpus), calls_per_s=calls_per_s)


def run_timed(peer, args):
    coro, divisor, unit = peer.TIMED[args.case]
    ops = divisor(args.n)
    walls, cpus = [], []
    with asyncio.Runner(loop_factory=lambda: peer.new_loop(args.loop)) as runner:
        runner.run(with_condition(args.loaded, coro(args.n)))  # warm-up
        for _ in range(args.passes):
            gc.collect()
            wall, cpu = runner.run(with_condition(args.loaded, coro(args.n)))
            walls.append(wall / ops)
            cpus.append(cpu / ops)
    best, median, spread = summary(walls)
    name = args.case + ("_loaded" if args.loaded else "")
    emit(args.loop, name, args.n, best, unit, median=median, spread_pct=spread, passes=args.passes,
         cpu_ns=min(cpus))


async def traced_idle_memory(n):
    """aio_bench's idle_memory work, measured as tracemalloc's live bytes per parked task."""
    ev = asyncio.Event()
    started = 0

    async def waiter():
        nonlocal started
        started += 1
        await ev.wait()

    warm = [asyncio.create_task(waiter()) for _ in range(100)]  # lazy initialisation, as the peer does
    await asyncio.sleep(0)
    for t in warm:
        t.cancel()
    await asyncio.gather(*warm, return_exceptions=True)
    started = 0
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(waiter()) for _ in range(n)]
    while started < n:
        await asyncio.sleep(0)
    gc.collect()
    live = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {"bytes_per_task": live / n}


def run_timers(peer, args):
    """aio_bench's timers child, one fresh child per pass (the first a warm-up), in the condition."""
    cmd = [sys.executable, os.path.abspath(__file__), "--shared", args.shared, "--loop", args.loop,
           "--case", "timers", "--n", str(args.n), "--child", "timers"] + (["--loaded"] if args.loaded else [])
    passes = []
    for i in range(1 + args.passes):
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
        if i > 0:
            passes.append(json.loads(out.stdout))
    over = summary([p["overhead_s"] for p in passes])
    suffix = "_loaded" if args.loaded else ""
    emit(args.loop, "timers_overhead_s" + suffix, args.n, over[0], "s", digits=4, median=over[1],
         spread_pct=over[2], passes=args.passes)
    if not args.loaded:  # memory per sleeping task does not depend on what the loop watches
        mem = summary([p["bytes_per_task"] for p in passes])
        emit(args.loop, "timers_bytes_per_task", args.n, mem[0], "bytes/task", median=mem[1], spread_pct=mem[2],
             passes=args.passes)


def run_idle_memory(peer, args):
    """Each pass in a fresh child (the first one a warm-up), for both methods."""
    best = {}
    for method in ("traced", "rss"):
        cmd = [sys.executable, os.path.abspath(__file__), "--shared", args.shared, "--loop", args.loop,
               "--case", "idle_memory", "--n", str(args.n), "--child", method]
        values = []
        for i in range(1 + args.passes):
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
            if i > 0:
                values.append(json.loads(out.stdout)["bytes_per_task"])
        best[method] = summary(values)
    traced, rss = best["traced"], best["rss"]
    emit(args.loop, "idle_memory", args.n, traced[0], "bytes/task", median=traced[1], spread_pct=traced[2],
         passes=args.passes, method="tracemalloc", rss_bytes_per_task=rss[0])


def child(peer, args):
    body = {"traced": traced_idle_memory, "rss": peer.child_idle_memory, "timers": peer.child_timers}[args.child]

    async def in_condition():
        server = None
        if args.loaded:
            server = await asyncio.get_running_loop().create_server(asyncio.Protocol, "127.0.0.1", 0)
        try:
            return await body(args.n)
        finally:
            if server is not None:
                server.close()

    with asyncio.Runner(loop_factory=lambda: peer.new_loop(args.loop)) as runner:
        print(json.dumps(runner.run(in_condition())))


def emit(system, case, n, value, unit, digits=1, **extra):
    line = {"system": system, "case": case, "n": n, "value": round(value, digits), "unit": unit}
    for key, v in extra.items():
        line[key] = round(v, digits) if isinstance(v, float) else v
    print(json.dumps(line), flush=True)


def aio_cases_lateness():
    import aio_cases
    return aio_cases.LATENESS


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", required=True, help="the folder holding the shared aio_bench.py")
    ap.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    ap.add_argument("--case", required=True, help="spawn switch pingpong queue callsoon timers idle_memory, or one of aio_cases.py")
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--loaded", action="store_true", help="an idle listening socket on the loop")
    ap.add_argument("--child", choices=["traced", "rss", "timers"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    peer = load_peer(args.shared)
    if args.child:
        child(peer, args)
    elif args.case == "idle_memory":
        run_idle_memory(peer, args)
    elif args.case == "timers":
        run_timers(peer, args)
    elif args.case in peer.TIMED:
        run_timed(peer, args)
    elif args.case in aio_cases_lateness():
        run_lateness(args)
    else:
        ap.error(f"unknown case {args.case!r}; this driver runs {sorted(peer.TIMED)}, timers and idle_memory")


if __name__ == "__main__":
    main()
