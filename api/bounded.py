"""Run a blocking store call off the event loop with a hard answer deadline.

The stores stop runaway queries themselves (ladybug's query timeout, Oxigraph worker processes
killed at the deadline). This is the last line: if a call still has not returned shortly after
its deadline, the client gets a 504 problem anyway and the thread is abandoned, so one runaway
query can neither hold a client forever nor block ``/health`` (which runs on the event loop).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import math
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from dirgraph.core.errors import QueryTimeoutError

T = TypeVar("T")

# Query threads get their own pool so abandoned runaways cannot starve ordinary look-ups.
_LIMITER: anyio.CapacityLimiter | None = None


def _limiter() -> anyio.CapacityLimiter:
    global _LIMITER
    if _LIMITER is None:
        _LIMITER = anyio.CapacityLimiter(8)
    return _LIMITER


def grace_s(timeout_s: float) -> float:
    """How long past its own deadline a store call may take before the API gives up on it."""
    return min(5.0, 0.5 * timeout_s) + 0.5


async def run_bounded(fn: Callable[[], T], timeout_s: float, what: str) -> T:
    """``fn()`` in a worker thread; :class:`QueryTimeoutError` if it outlives ``timeout_s`` + grace."""
    with anyio.move_on_after(timeout_s + grace_s(timeout_s)):
        return await anyio.to_thread.run_sync(fn, abandon_on_cancel=True, limiter=_limiter())
    raise QueryTimeoutError(f"{what} ran past its {timeout_s:g} s deadline and was stopped")


def jsonable(value: Any) -> Any:
    """Driver values (dates, decimals, bytes, nodes as dicts, paths) as plain JSON values."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return str(value)
