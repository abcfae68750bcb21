"""Small measuring tools: percentiles, peak resident memory during a block, folder sizes.

Peak memory is sampled from /proc (resident set size) by a background thread, because the stores
allocate natively (ladybug, Oxigraph) where tracemalloc sees nothing; ``ru_maxrss`` only gives
the process-wide peak since start, which the first big stage would dominate. Child processes
likewise: ``RUSAGE_CHILDREN`` keeps the largest child since start, so pool workers are polled
(:func:`children_peak`) while their stage runs.
"""

from __future__ import annotations

import os
import resource
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def rss_bytes() -> int:
    """Current resident set size of this process (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def max_rss_bytes() -> int:
    """Process-wide peak resident size since start (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _child_pids() -> set[int]:
    """This process's live children: /proc/self/task/*/children, else a scan of /proc/*/stat."""
    pids: set[int] = set()
    try:
        for task in Path("/proc/self/task").iterdir():
            pids.update(int(p) for p in (task / "children").read_text("ascii").split())
        return pids
    except (OSError, ValueError):
        pass
    me = os.getpid()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text("ascii", errors="replace").rsplit(")", 1)[1].split()
            if int(fields[1]) == me:
                pids.add(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return pids


def _peak_rss_of(pid: int) -> int:
    """``VmHWM`` (the process's own peak resident size) in bytes; 0 once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text("ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _private_bytes_of(pid: int) -> int:
    """Resident memory only this process maps (``Private_Clean + Private_Dirty``); 0 once gone."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text("ascii", errors="replace").splitlines():
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                total += int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return 0
    return total


@contextmanager
def _polling(poll: Callable[[], None], interval_s: float, name: str) -> Iterator[None]:
    """Call ``poll`` from a daemon thread every ``interval_s`` while the block runs (first call at once)."""
    stop = threading.Event()

    def run() -> None:
        while True:
            poll()
            if stop.wait(interval_s):
                return

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@dataclass
class ChildrenPeak:
    """Filled while a ``children_peak`` block runs, over the children seen.

    ``bytes``: the largest ``VmHWM``, right for a process started by ``exec`` (a server). A forked
    child (a pool worker) maps its parent's pages from the start and counts them in ``VmHWM``:
    ``private_bytes``, the largest sampled private resident memory, is what it adds of its own.
    """

    bytes: int = 0
    private_bytes: int = 0
    children: int = 0


@contextmanager
def children_peak(interval_s: float = 0.05) -> Iterator[ChildrenPeak]:
    """Peak memory of the children that live during the block (pool workers, a server).

    A thread polls each live child's ``VmHWM``, its own high-water mark (a short spike between two
    polls still counts), and its private resident memory (sampled: a spike between polls is
    missed). What a child reaches after the last poll before it exits is missed by both.
    """
    result = ChildrenPeak()
    seen: set[int] = set()

    def poll() -> None:
        for pid in _child_pids():
            seen.add(pid)
            result.bytes = max(result.bytes, _peak_rss_of(pid))
            result.private_bytes = max(result.private_bytes, _private_bytes_of(pid))
        result.children = len(seen)

    with _polling(poll, interval_s, "children-rss-sampler"):
        yield result


@dataclass
class Peak:
    """Filled when the ``peak_memory`` block ends: baseline and peak RSS, and their difference."""

    baseline: int = 0
    peak: int = 0

    @property
    def delta(self) -> int:
        return max(0, self.peak - self.baseline)


@contextmanager
def peak_memory(interval_s: float = 0.02) -> Iterator[Peak]:
    """Sample RSS while the block runs; the yielded :class:`Peak` holds baseline and peak."""
    result = Peak(baseline=rss_bytes(), peak=rss_bytes())

    def poll() -> None:
        result.peak = max(result.peak, rss_bytes())

    try:
        with _polling(poll, interval_s, "rss-sampler"):
            yield result
    finally:
        poll()


def folder_bytes(path: Path) -> int:
    """Bytes of every file under ``path`` (0 if it does not exist)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile of ``values`` (0.0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[rank]


@dataclass
class Latency:
    p50_ms: float
    p95_ms: float
    runs: int
    rows: int


def time_calls(call: Callable[[], Any], repeat: int, warmup: int = 1, budget_s: float = 30.0) -> Latency:
    """Run ``call`` ``warmup`` + ``repeat`` times (fewer if ``budget_s`` runs out); latency in ms.

    A call whose warm-up alone takes longer than the budget is timed by that one run (a second
    run of a 4-minute reporting query would only add 4 minutes to the benchmark).
    """
    result: Any = None
    samples: list[float] = []
    for _ in range(warmup):
        started = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - started
        if elapsed > budget_s:
            samples.append(elapsed * 1000)
    deadline = time.perf_counter() + budget_s
    for _ in range(repeat if not samples else 0):
        started = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - started) * 1000)
        if time.perf_counter() > deadline:
            break
    rows = len(getattr(result, "rows", result) or []) if result is not None else 0
    return Latency(round(statistics.median(samples), 3), round(percentile(samples, 95), 3), len(samples), rows)


class QueryTimeout(Exception):
    """A timed call did not finish before its deadline (the child running it was killed)."""


def forked_latency(call: Callable[[], Any], repeat: int, budget_s: float, deadline_s: float) -> Latency:
    """:func:`time_calls` in a forked child, killed after ``deadline_s`` (for engines that cannot be interrupted)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send(("ok", time_calls(call, repeat, budget_s=budget_s)))
        except Exception as exc:
            sender.send(("error", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"))

    process = ctx.Process(target=child, daemon=True)
    process.start()
    try:
        if not receiver.poll(deadline_s):
            raise QueryTimeout(f"no answer within {deadline_s:g} s (killed)")
        status, value = receiver.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join()
    if status != "ok":
        raise RuntimeError(value)
    return value  # type: ignore[no-any-return]
