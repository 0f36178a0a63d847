#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""HTTP/1.1 plaintext server peer of the http benchmark (asyncio or uvloop; streams or protocol).

Usage:
    /usr/bin/python3 http_server.py --loop asyncio|uvloop --mode streams|protocol [--port P]

Answers every request with the TechEmpower plaintext response (Hello, World! with Server,
Content-Type, Content-Length and a Date refreshed once a second), keeping connections alive.
Listens on 127.0.0.1 (--port 0, the default, picks a free port), prints `READY <port>` once
listening, and on SIGTERM or SIGINT closes the listener and the connections and exits with 0.
  protocol: an asyncio.Protocol parsing with httptools' HttpRequestParser, the server of uvloop's
            own published HTTP benchmark (examples/bench in the uvloop repository), written anew;
            one change: the responses to all requests a read completed go out in one write, as
            Netty's flush at the end of a read and asyncio4j's protocol server do.
  streams:  asyncio.start_server; per connection await reader.readuntil(b"\\r\\n\\r\\n"),
            writer.write(response), await writer.drain() (heads only: wrk sends GETs).
"""
import argparse
import asyncio
import signal
from email.utils import formatdate

RESPONSE = b""


def refresh_date(loop):
    global RESPONSE
    RESPONSE = (b"HTTP/1.1 200 OK\r\nServer: asyncio\r\nContent-Type: text/plain\r\n"
                b"Content-Length: 13\r\nDate: " + formatdate(usegmt=True).encode("latin-1")
                + b"\r\n\r\nHello, World!")
    loop.call_later(1.0, refresh_date, loop)


class HttpProtocol(asyncio.Protocol):
    """One connection; httptools is imported only in this mode (the streams server needs none)."""
    def __init__(self, conns):
        global httptools
        import httptools
        self.conns = conns
        self.parser = httptools.HttpRequestParser(self)
        self.url = None
        self.headers = []
        self.out = []
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        self.conns.add(transport)

    def connection_lost(self, exc):
        self.conns.discard(self.transport)

    # httptools callbacks
    def on_url(self, url):
        self.url = url

    def on_header(self, name, value):
        self.headers.append((name, value))

    def on_message_complete(self):
        self.out.append(RESPONSE)
        self.headers = []
        if not self.parser.should_keep_alive():
            self.out.append(None)

    def data_received(self, data):
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            self.transport.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            self.transport.close()
            return
        if self.out:
            close = self.out[-1] is None
            self.transport.write(b"".join(r for r in self.out if r is not None))
            self.out.clear()
            if close:
                self.transport.close()

    def pause_writing(self):
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()


async def serve(mode, port, reuse_port=False):
    """Serves until SIGTERM or SIGINT; with reuse_port, beside other processes on the same port."""
    loop = asyncio.get_running_loop()
    conns = set()
    refresh_date(loop)

    async def handle(reader, writer):
        conns.add(writer.transport)
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(RESPONSE)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            conns.discard(writer.transport)
            writer.close()

    if mode == "streams":
        server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024, reuse_port=reuse_port)
    else:
        server = await loop.create_server(lambda: HttpProtocol(conns), "127.0.0.1", port, backlog=1024,
                                          reuse_port=reuse_port)
    await serve_until_signalled(server, conns)


async def serve_until_signalled(server, conns):
    """Prints `READY <port>`; on SIGTERM or SIGINT closes the server and aborts the connections in `conns`."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"READY {server.sockets[0].getsockname()[1]}", flush=True)
    await stop.wait()
    server.close()
    for t in list(conns):
        t.abort()
    await server.wait_closed()
    await asyncio.sleep(0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    ap.add_argument("--mode", choices=["streams", "protocol"], default="streams")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    if args.loop == "uvloop":
        import uvloop
        factory = uvloop.new_event_loop
    else:
        factory = asyncio.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        runner.run(serve(args.mode, args.port))


if __name__ == "__main__":
    main()
