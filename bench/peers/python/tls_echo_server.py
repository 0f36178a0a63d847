#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""TLS echo server peer of bench/run's tls case (asyncio or uvloop; streams or protocol API).

Usage:
    /usr/bin/python3 tls_echo_server.py --loop asyncio|uvloop --mode streams|protocol \
        --cert CERT.pem --key KEY.pem [--port P]

The shared echo_server.py's two servers with `ssl=` given: the same handlers, the transport is
the loop's own TLS transport (asyncio's sslproto over the `ssl` module; uvloop's own, also over
OpenSSL). The context is the `ssl` module's server default with the minimum version TLS 1.3,
loaded with the certificate bench/run generated. Listens on 127.0.0.1 (--port 0, the default, is
any free port), prints `READY <port>` once listening; SIGTERM or SIGINT closes the listener and
the connections and exits with status 0.
"""
import argparse
import asyncio
import os
import ssl
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_server  # noqa: E402  (this folder's: the shutdown every server peer shares)


class EchoProtocol(asyncio.Protocol):
    def __init__(self, conns):
        self.conns = conns

    def connection_made(self, transport):
        self.transport = transport
        self.conns.add(transport)

    def data_received(self, data):
        self.transport.write(data)

    def pause_writing(self):  # backpressure: stop reading while we cannot write
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()

    def connection_lost(self, exc):
        self.conns.discard(self.transport)


async def serve(mode, port, context):
    loop = asyncio.get_running_loop()
    conns = set()

    async def handle(reader, writer):
        conns.add(writer.transport)
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        except (ConnectionError, ssl.SSLError, asyncio.CancelledError):
            pass
        finally:
            conns.discard(writer.transport)
            writer.close()

    if mode == "streams":
        server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024, ssl=context)
    else:
        server = await loop.create_server(lambda: EchoProtocol(conns), "127.0.0.1", port,
                                          backlog=1024, ssl=context)
    await http_server.serve_until_signalled(server, conns)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    ap.add_argument("--mode", choices=["streams", "protocol"], default="protocol")
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.load_cert_chain(args.cert, args.key)
    if args.loop == "uvloop":
        import uvloop
        runner = asyncio.Runner(loop_factory=uvloop.new_event_loop)
    else:
        runner = asyncio.Runner()
    with runner:
        runner.run(serve(args.mode, args.port, context))


if __name__ == "__main__":
    main()
