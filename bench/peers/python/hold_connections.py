#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
"""The idle_conns case's client: opens N TCP connections to an echo server, sends 64 bytes on each
and reads them back (so the server has set every connection up: accepted it, and for a streams
server started its handler), prints `HELD <N>`, then holds them all idle until stdin closes or
SIGTERM, and closes them.

    python3 hold_connections.py --port P --conns N
"""
import argparse
import signal
import socket
import sys

MESSAGE = b"x" * 64


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--conns", type=int, required=True)
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    held = []
    try:
        for _ in range(args.conns):
            s = socket.create_connection(("127.0.0.1", args.port))
            s.sendall(MESSAGE)
            got = b""
            while len(got) < len(MESSAGE):
                chunk = s.recv(len(MESSAGE) - len(got))
                if not chunk:
                    raise SystemExit(f"the server closed connection {len(held) + 1}")
                got += chunk
            held.append(s)
        print(f"HELD {len(held)}", flush=True)
        sys.stdin.read()
    finally:
        for s in held:
            s.close()


if __name__ == "__main__":
    main()
