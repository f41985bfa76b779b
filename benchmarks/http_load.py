"""A light HTTP/1.1 load generator: closed-loop clients on keep-alive connections.

httpx spends about a millisecond of Python per request; on a 2-core machine that the
clients share with the server, that was a good part of what the benchmark measured.
Each client here is one asyncio stream: it writes a GET with the bearer token, reads
the status line and headers, then the whole body (by `Content-Length`, or chunk by
chunk), and only then counts the request as answered. Latency is from just before the
request is written to the last byte of the answer, so it is the full request→response
time over loopback. A connection the server closes is opened again (and counted in the
time of the request that needed it).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urlsplit

PathOf = Callable[[random.Random], str]


class Connection:
    """One keep-alive connection to `host:port`."""

    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port = host, port
        self.head = f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body bytes) of `GET path`; reconnects once if the server had closed."""
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                return await self._exchange(path)
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _exchange(self, path: str) -> tuple[int, int]:
        assert self.reader is not None and self.writer is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\n".encode() + self.head)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            size = await self._chunked()
        else:
            size = int(headers.get("content-length", "0"))
            await self.reader.readexactly(size)
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, size

    async def _chunked(self) -> int:
        assert self.reader is not None
        total = 0
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await self.reader.readexactly(size + 2)  # the chunk and its CRLF
            total += size
            if size == 0:
                return total

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def drive(
    url: str, token: str, paths: dict[str, PathOf], clients: int, seconds: float
) -> dict[str, tuple[list[float], int]]:
    """`clients` concurrent loops, each asking the endpoints in turn until time is up;
    per endpoint the latencies (ms) and how many answers were not 200 (or failed)."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    names = list(paths)
    stop = time.monotonic() + seconds

    async def client(n: int) -> None:
        rng, turn = random.Random(n), n
        connection = Connection(host, port, token)
        try:
            while time.monotonic() < stop:
                name = names[turn % len(names)]
                turn += 1
                path = paths[name](rng)
                began = time.perf_counter()
                try:
                    status, _ = await asyncio.wait_for(connection.get(path), timeout=30.0)
                    ok = status == 200
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    await connection.close()
                timings[name].append((time.perf_counter() - began) * 1000)
                if not ok:
                    errors[name] += 1
        finally:
            await connection.close()

    await asyncio.gather(*(client(n) for n in range(clients)))
    return {name: (timings[name], errors[name]) for name in names}
