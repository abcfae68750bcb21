"""Load a running API with N concurrent asyncio clients for T seconds; report throughput and latency.

Used by the bench (``dirgraph bench``), not by the test suite: load is measured, never asserted.
Targets only loopback addresses, and every run is bounded in time and request count.
"""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

MAX_REQUESTS = 2_000_000
_SAFE = "/?=&%:+,;@!$'()*~"  # already-quoted paths go out unchanged


@dataclass
class LoadResult:
    """What one load run measured (latencies in milliseconds)."""

    clients: int
    seconds: float
    requests: int
    errors: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def ensure_loopback(base_url: str) -> None:
    """Refuse any target that is not this machine (load is only ever sent to loopback)."""
    host = urlsplit(base_url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise ValueError(f"load tests only target loopback addresses, not {host!r}")


def _percentile(sorted_ms: list[float], pct: float) -> float:
    if not sorted_ms:
        return 0.0
    index = min(len(sorted_ms) - 1, max(0, round(pct / 100 * (len(sorted_ms) - 1))))
    return sorted_ms[index]


class _Connection:
    """One keep-alive HTTP/1.1 connection speaking just enough of the protocol to GET and read.

    Why not httpx: its per-request cost (~1 ms of CPU) made the generator, which shares the
    machine with the server, the bottleneck. Bodies are read by Content-Length or chunked coding.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None

    async def get(self, request: bytes) -> int:
        """Send one pre-encoded request, read the whole answer, return its status code."""
        if self._writer is None or self._reader is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._reader, self._writer
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip().lower()
        if "content-length" in headers:
            await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await reader.read()  # body delimited by the end of the connection
            self.close()
        if headers.get("connection") == "close":
            self.close()
        return status


async def run_load_async(
    base_url: str,
    paths: Sequence[str],
    *,
    clients: int = 8,
    seconds: float = 10.0,
    request_timeout_s: float = 10.0,
    max_requests: int = MAX_REQUESTS,
    warmup_timeout_s: float | None = 300.0,
) -> LoadResult:
    """``clients`` tasks, one keep-alive connection each, GET the ``paths`` round-robin (offset per
    client) until ``seconds`` pass.

    Each distinct path is first requested once, untimed (the server loads the graph on its first
    look-up; ``warmup_timeout_s=None`` skips this). A request is an error when it fails at the
    transport level or answers 5xx; 4xx answers (e.g. a deliberate 404 look-up) count by status
    but are not errors.
    """
    ensure_loopback(base_url)
    if not paths:
        raise ValueError("no paths to request")
    clients = max(1, clients)
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    prefix = parts.path.rstrip("/")
    requests = {p: (f"GET {prefix}{quote(p, safe=_SAFE)} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept: */*\r\n"
                    "User-Agent: dirgraph-loadtest\r\n\r\n").encode("ascii") for p in paths}
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    errors = 0
    sent = 0

    if warmup_timeout_s is not None:
        warm = _Connection(host, port)
        for path in requests:
            try:
                async with asyncio.timeout(warmup_timeout_s):
                    await warm.get(requests[path])
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, TimeoutError):
                warm.close()  # counted when it fails again under load
        warm.close()
    started = time.perf_counter()
    stop_at = started + seconds

    async def worker(offset: int) -> None:
        nonlocal errors, sent
        conn = _Connection(host, port)
        clock = time.perf_counter
        try:
            for path in itertools.islice(itertools.cycle(paths), offset % len(paths), None):
                t0 = clock()
                if t0 >= stop_at or sent >= max_requests:
                    return
                sent += 1
                try:
                    async with asyncio.timeout(request_timeout_s):
                        status = await conn.get(requests[path])
                    statuses[str(status)] += 1
                    if status >= 500:
                        errors += 1
                except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError,
                        TimeoutError) as exc:
                    conn.close()
                    statuses[type(exc).__name__] += 1
                    errors += 1
                latencies.append((clock() - t0) * 1000)
        finally:
            conn.close()

    await asyncio.gather(*(worker(i) for i in range(clients)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return LoadResult(
        clients=clients,
        seconds=round(elapsed, 3),
        requests=len(latencies),
        errors=errors,
        rps=round(len(latencies) / elapsed, 1) if elapsed > 0 else 0.0,
        p50_ms=round(statistics.median(ordered), 2) if ordered else 0.0,
        p90_ms=round(_percentile(ordered, 90), 2),
        p99_ms=round(_percentile(ordered, 99), 2),
        max_ms=round(ordered[-1], 2) if ordered else 0.0,
        statuses=dict(statuses),
    )


def run_load(base_url: str, paths: Sequence[str], *, clients: int = 8, seconds: float = 10.0,
             request_timeout_s: float = 10.0, max_requests: int = MAX_REQUESTS,
             warmup_timeout_s: float | None = 300.0) -> LoadResult:
    """Blocking wrapper of :func:`run_load_async` (call it outside a running event loop); runs on
    uvloop when installed, which roughly halves the generator's own CPU per request."""
    try:
        import uvloop
        loop_factory: Callable[[], asyncio.AbstractEventLoop] | None = uvloop.new_event_loop
    except ImportError:  # pragma: no cover - uvloop is a dependency on every supported platform
        loop_factory = None
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        return runner.run(run_load_async(base_url, paths, clients=clients, seconds=seconds,
                                         request_timeout_s=request_timeout_s, max_requests=max_requests,
                                         warmup_timeout_s=warmup_timeout_s))


def lookup_paths(doc_ids: Sequence[str], agency_ids: Sequence[str] = (), task_ids: Sequence[str] = (),
                 queries: Sequence[str] = ()) -> list[str]:
    """A mixed look-up workload: document detail/chain, agency and task detail, search."""
    from urllib.parse import quote

    paths: list[str] = []
    for doc in doc_ids:
        paths += [f"/documents/{quote(doc, safe='')}", f"/documents/{quote(doc, safe='')}/chain"]
    paths += [f"/agencies/{quote(a, safe='')}" for a in agency_ids]
    paths += [f"/tasks/{quote(t, safe='')}" for t in task_ids]
    paths += [f"/search?q={quote(q)}" for q in queries]
    return paths or ["/health"]
