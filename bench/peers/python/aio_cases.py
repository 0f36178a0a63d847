# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""The micro cases the shared aio_bench.py does not have, written the same way (each coroutine
returns one pass's elapsed nanoseconds; CASES maps a case to it, its divisor and its unit).
aio_passes.py runs them with the same passes as the shared ones; asyncio4j's twins are in the
bench module's org.asyncio4j.bench.cases (ThreadsafeCase, CancelCase, LockCase,
SwitchDepthCase, GatherCase, ReadlineCase, BlockingCase).
"""
import asyncio
import os
import threading
import time

LOCK_TASKS = 10


async def case_threadsafe(n):
    """Another thread hands the loop n callbacks with call_soon_threadsafe; the last sets a future."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    count = 0

    def callback():
        nonlocal count
        count += 1
        if count == n:
            done.set_result(None)

    def send():
        for _ in range(n):
            loop.call_soon_threadsafe(callback)

    t0 = time.perf_counter_ns()
    sender = threading.Thread(target=send)
    sender.start()
    await done
    elapsed = time.perf_counter_ns() - t0
    sender.join()
    return elapsed


async def case_cancel(n):
    """n tasks each run up to a wait on a future that never completes; all are cancelled and gathered."""
    never = asyncio.get_running_loop().create_future()

    async def child():
        await never

    t0 = time.perf_counter_ns()
    tasks = [asyncio.create_task(child()) for _ in range(n)]
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return time.perf_counter_ns() - t0


async def case_lock(n):
    """LOCK_TASKS tasks each take one asyncio.Lock n / LOCK_TASKS times, yielding while holding it."""
    lock = asyncio.Lock()

    async def worker():
        for _ in range(n // LOCK_TASKS):
            async with lock:
                await asyncio.sleep(0)

    t0 = time.perf_counter_ns()
    await asyncio.gather(*[asyncio.create_task(worker()) for _ in range(LOCK_TASKS)])
    return time.perf_counter_ns() - t0


def switch_at_depth(depth):
    async def deep(d, n):
        if d > 0:
            return await deep(d - 1, n) + 1
        for _ in range(n):
            await asyncio.sleep(0)
        return 0

    async def case(n):
        t0 = time.perf_counter_ns()
        await asyncio.gather(asyncio.create_task(deep(depth, n)), asyncio.create_task(deep(depth, n)))
        return time.perf_counter_ns() - t0
    return case


async def case_gather(n):
    """n tasks that each return a number at once, gathered into one list."""
    async def child(i):
        return i

    t0 = time.perf_counter_ns()
    values = await asyncio.gather(*[asyncio.create_task(child(i)) for i in range(n)])
    elapsed = time.perf_counter_ns() - t0
    assert len(values) == n
    return elapsed


CASES = {
    "threadsafe": (case_threadsafe, lambda n: n, "ns/callback"),
    "cancel": (case_cancel, lambda n: n, "ns/task"),
    "lock": (case_lock, lambda n: n, "ns/acquisition"),
    "switch_depth10": (switch_at_depth(10), lambda n: 2 * n, "ns/switch"),
    "switch_depth50": (switch_at_depth(50), lambda n: 2 * n, "ns/switch"),
    "gather": (case_gather, lambda n: n, "ns/task"),
}


READLINE_BATCH = 1024


async def case_readline(n):
    """A streams server writes n 64-byte lines, READLINE_BATCH per write and drain; a client on
    the same loop reads them with readline."""
    line = b"x" * 63 + b"\n"
    batch = line * READLINE_BATCH

    async def write(reader, writer):
        sent = 0
        while sent < n:
            lines = min(READLINE_BATCH, n - sent)
            writer.write(batch if lines == READLINE_BATCH else line * lines)
            await writer.drain()
            sent += lines
        writer.close()

    t0 = time.perf_counter_ns()
    server = await asyncio.start_server(write, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    for i in range(n):
        got = await reader.readline()
        assert len(got) == len(line), (i, got)
    writer.close()
    server.close()
    await server.wait_closed()
    return time.perf_counter_ns() - t0


CASES["readline"] = (case_readline, lambda n: n, "ns/line")


BLOCKING_WORKERS = 100
BLOCKING_FILE_BYTES = 1 << 20


async def ticker_lateness(n):
    """The 99th percentile, in microseconds, of how late n sleeps of 1 ms end."""
    late = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        await asyncio.sleep(0.001)
        late.append(max(0, time.perf_counter_ns() - t0 - 1_000_000) / 1000)
    late.sort()
    return late[-(-99 * n // 100) - 1]


async def ticking_while(n, work):
    """Runs BLOCKING_WORKERS copies of work(stopped), a worker coroutine that makes calls until
    stopped() and returns how many it made, while ticker_lateness(n) ticks; returns the ticker's
    99th percentile lateness and the calls made."""
    stop = False
    workers = [asyncio.create_task(work(lambda: stop)) for _ in range(BLOCKING_WORKERS)]
    late = await ticker_lateness(n)
    stop = True
    return late, sum(await asyncio.gather(*workers))


def blocking_case(path):
    """How late a 1 ms ticker runs while BLOCKING_WORKERS tasks make blocking calls through
    asyncio.to_thread in a loop: time.sleep(0.01), or (path given) a read of a 1 MiB file, then
    time.sleep(0.01); returns the 99th percentile lateness over n ticks, in microseconds, and
    the number of calls the workers made."""
    def read_then_sleep():
        if path is not None:
            with open(path, "rb") as f:
                f.read()
        time.sleep(0.01)

    async def worker(stopped):
        calls = 0
        while not stopped():
            await asyncio.to_thread(read_then_sleep)
            calls += 1
        return calls

    async def case(n):
        return await ticking_while(n, worker)
    return case


def slow_server():
    """A listening socket whose thread per connection answers each byte after 10 ms."""
    import socket
    server = socket.create_server(("127.0.0.1", 0), backlog=BLOCKING_WORKERS)

    def serve(conn):
        with conn:
            while conn.recv(1):
                time.sleep(0.01)
                conn.sendall(b"\1")

    def accept():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return server


def blocking_socket_case(path):
    """blocking_case's twin for a blocking socket round trip of one byte (answered after 10 ms)
    through asyncio.to_thread, one connection per worker."""
    import socket

    async def case(n):
        server = slow_server()
        port = server.getsockname()[1]

        async def worker(stopped):
            calls = 0
            with socket.create_connection(("127.0.0.1", port)) as conn:
                def round_trip():
                    conn.sendall(b"\1")
                    conn.recv(1)
                while not stopped():
                    await asyncio.to_thread(round_trip)
                    calls += 1
            return calls

        result = await ticking_while(n, worker)
        server.close()
        return result
    return case


def blocking_jdbc_case(path):
    """blocking_case's twin for a database call: SELECT pg_sleep(0.01) through psycopg2 (Debian's
    python3-psycopg2, the blocking libpq driver) and asyncio.to_thread, one connection per worker,
    to the PostgreSQL server bench/run starts (BENCH_PG_DSN, a libpq connection string)."""
    import psycopg2
    dsn = os.environ["BENCH_PG_DSN"]

    async def worker(stopped):
        calls = 0
        conn = await asyncio.to_thread(psycopg2.connect, dsn)
        try:
            cursor = conn.cursor()

            def query():
                cursor.execute("SELECT pg_sleep(0.01)")
                cursor.fetchone()
            while not stopped():
                await asyncio.to_thread(query)
                calls += 1
        finally:
            conn.close()
        return calls

    async def case(n):
        return await ticking_while(n, worker)
    return case


# case -> (its path set-up, returning a coroutine(n) that returns the figure itself and the calls made; unit)
LATENESS = {
    "blocking_sleep": (lambda path: blocking_case(None), "us p99 lateness"),
    "blocking_file": (blocking_case, "us p99 lateness"),
    "blocking_socket": (blocking_socket_case, "us p99 lateness"),
    "blocking_jdbc": (blocking_jdbc_case, "us p99 lateness"),
}
