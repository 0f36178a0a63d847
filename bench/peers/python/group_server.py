#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""The group cases' Python peer: N server processes on one port with SO_REUSEPORT.

Usage:
    /usr/bin/python3 group_server.py --procs N --case echo|http --loop asyncio|uvloop
                                     --mode streams|protocol [--port P]

How asyncio and uvloop users spread a server over the cores: N processes, each with its own loop
and its own listening socket bound to the same address with SO_REUSEPORT, the kernel balancing
the connections between them. This launcher picks the port (--port 0, the default: a free one;
it holds a bound, never listening SO_REUSEPORT socket on it until every process listens), starts
the N processes, prints `READY <port>` once all of them are ready, and on SIGTERM or SIGINT
passes SIGTERM on to each, waits for them and exits with 0. Measure the CPU of its whole process
tree: the launcher itself only waits.
  http: each process is http_server.py's server (the http case's peer), here with reuse_port.
  echo: each process is the echo case's server, written as the shared echo_server.py is:
        streams: reader.read(65536) -> writer.write() -> await writer.drain() per connection;
        protocol: an asyncio.Protocol writing back in data_received, reading paused while the
        transport's write buffer is above its high-water mark.
"""
import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_server  # noqa: E402  (this folder's: the http peer, and the shutdown both servers share)


class EchoProtocol(asyncio.Protocol):
    def __init__(self, conns):
        self.conns = conns
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        self.conns.add(transport)

    def data_received(self, data):
        self.transport.write(data)

    def pause_writing(self):
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()

    def connection_lost(self, exc):
        self.conns.discard(self.transport)


async def serve_echo(mode, port):
    loop = asyncio.get_running_loop()
    conns = set()

    async def handle(reader, writer):
        conns.add(writer.transport)
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            conns.discard(writer.transport)
            writer.close()

    if mode == "streams":
        server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024, reuse_port=True)
    else:
        server = await loop.create_server(lambda: EchoProtocol(conns), "127.0.0.1", port, backlog=1024,
                                          reuse_port=True)
    await http_server.serve_until_signalled(server, conns)


def child(args):
    """One server process of the group."""
    if args.loop == "uvloop":
        import uvloop
        factory = uvloop.new_event_loop
    else:
        factory = asyncio.new_event_loop
    if args.case == "http":
        body = http_server.serve(args.mode, args.port, reuse_port=True)
    else:
        body = serve_echo(args.mode, args.port)
    with asyncio.Runner(loop_factory=factory) as runner:
        runner.run(body)


def launch(args):
    """Starts the processes on one SO_REUSEPORT port, announces it, and stops them on SIGTERM."""
    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    holder.bind(("127.0.0.1", args.port))
    port = holder.getsockname()[1]
    command = [sys.executable, os.path.abspath(__file__), "--child", "--case", args.case, "--loop", args.loop,
               "--mode", args.mode, "--port", str(port)]
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(args.procs)]
    try:
        for proc in procs:
            line = proc.stdout.readline().split()
            if line[:1] != ["READY"] or int(line[1]) != port:
                raise SystemExit(f"group_server: a server process did not start: {line}")
        holder.close()
        print(f"READY {port}", flush=True)
        while not stopping and all(proc.poll() is None for proc in procs):
            time.sleep(0.5)  # a signal cuts it short
    finally:
        holder.close()
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--procs", type=int, default=1)
    ap.add_argument("--case", choices=["echo", "http"], required=True)
    ap.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    ap.add_argument("--mode", choices=["streams", "protocol"], default="protocol")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.procs < 1:
        ap.error("--procs must be at least 1")
    if args.child:
        child(args)
    else:
        launch(args)


if __name__ == "__main__":
    main()
