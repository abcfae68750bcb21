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
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

MAX_REQUESTS = 2_000_000


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
    """``clients`` tasks each GET the ``paths`` round-robin (offset per client) until ``seconds`` pass.

    Each distinct path is first requested once, untimed (the server loads the graph on its first
    look-up; ``warmup_timeout_s=None`` skips this). A request is an error when it fails at the
    transport level or answers 5xx; 4xx answers (e.g. a deliberate 404 look-up) count by status
    but are not errors.
    """
    ensure_loopback(base_url)
    if not paths:
        raise ValueError("no paths to request")
    clients = max(1, clients)
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    errors = 0
    sent = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base_url, timeout=request_timeout_s, limits=limits) as client:
        if warmup_timeout_s is not None:
            for path in dict.fromkeys(paths):
                try:
                    await client.get(path, timeout=warmup_timeout_s)
                except httpx.HTTPError:
                    pass  # counted when it fails again under load
        started = time.perf_counter()
        stop_at = started + seconds

        async def worker(offset: int) -> None:
            nonlocal errors, sent
            for path in itertools.islice(itertools.cycle(paths), offset % len(paths), None):
                if time.perf_counter() >= stop_at or sent >= max_requests:
                    return
                sent += 1
                t0 = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                    statuses[str(response.status_code)] += 1
                    if response.status_code >= 500:
                        errors += 1
                except httpx.HTTPError as exc:
                    statuses[type(exc).__name__] += 1
                    errors += 1
                latencies.append((time.perf_counter() - t0) * 1000)

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
    """Blocking wrapper of :func:`run_load_async` (call it outside a running event loop)."""
    return asyncio.run(run_load_async(base_url, paths, clients=clients, seconds=seconds,
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
