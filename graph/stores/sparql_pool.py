"""Run SPARQL on a pyoxigraph store with a hard deadline: a small pool of worker processes.

pyoxigraph has no timeout and no cancel, and ``signal.alarm`` does not interrupt a running query
(shared STACK.md). What works is running the query in another process and killing that process
at the deadline. Each worker keeps a read-only handle on the store folder it was last asked
about and reopens when the folder changes (a reload writes a new folder, see
:mod:`dirgraph.graph.stores.oxigraph_store`). Workers are plain subprocesses
(``python -m dirgraph.graph.stores.sparql_pool``) speaking length-prefixed pickles over their
stdin/stdout: a threaded parent (uvicorn) is never forked, a caller's unguarded ``__main__`` is
never re-imported (multiprocessing's spawn/forkserver do both), and a worker whose parent dies
reads EOF and exits.

Results leave the worker already serialized, bounded by ``max_bytes`` (a query without LIMIT
over a large store must not fill the parent's memory).
"""

from __future__ import annotations

import atexit
import json
import pickle
import select
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from typing import Any

from dirgraph.core.errors import QueryRejectedError, QueryTimeoutError, StoreError

MAX_BYTES = 64 * 1024 * 1024

# Media types by query form; the first of each list is the default.
SOLUTION_TYPES: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/ld+json": "JSON_LD",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/trig": "TRIG",
}
_CANONICAL = {"JSON": "application/sparql-results+json", "XML": "application/sparql-results+xml",
              "CSV": "text/csv", "TSV": "text/tab-separated-values"}


def negotiate(accept: str | None, kind: str) -> str:
    """Pick the media type to answer with: first supported entry of ``accept`` (q-values ignored).

    >>> negotiate("text/csv, */*", "SELECT")
    'text/csv'
    >>> negotiate(None, "CONSTRUCT")
    'text/turtle'
    """
    table = GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES
    if kind == "ASK":
        table = {k: v for k, v in SOLUTION_TYPES.items() if v in ("JSON", "XML")}
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return _CANONICAL.get(table[media], media)
    return "text/turtle" if table is GRAPH_TYPES else "application/sparql-results+json"


class _Bounded:
    """A binary sink that raises once more than ``limit`` bytes were written."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError(f"result larger than {self.limit} bytes: add a LIMIT")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def value(self) -> bytes:
        return b"".join(self.parts)


def _term_text(term: dict[str, Any] | None) -> str | None:
    return None if term is None else str(term.get("value"))


def execute(store: Any, query: str, kind: str, media_type: str, row_cap: int,
            max_bytes: int = MAX_BYTES) -> dict[str, Any]:
    """Run ``query`` on an open pyoxigraph store and serialize it (also used in-process by tests)."""
    import pyoxigraph as ox

    result = store.query(query, use_default_graph_as_union=True)
    out: dict[str, Any] = {"media_type": media_type, "columns": [], "rows": [], "boolean": None}
    if isinstance(result, ox.QueryBoolean):
        fmt = getattr(ox.QueryResultsFormat, SOLUTION_TYPES[media_type])
        out.update(kind="boolean", boolean=bool(result), serialized=result.serialize(format=fmt))
        return out
    if isinstance(result, ox.QueryTriples):
        sink = _Bounded(max_bytes)
        result.serialize(sink, format=getattr(ox.RdfFormat, GRAPH_TYPES[media_type]))  # type: ignore[arg-type]
        out.update(kind="graph", serialized=sink.value())
        return out
    sink = _Bounded(max_bytes)
    result.serialize(sink, format=ox.QueryResultsFormat.JSON)
    raw = sink.value()
    parsed = json.loads(raw)
    columns = list(parsed["head"].get("vars", []))
    bindings = parsed["results"]["bindings"]
    out["columns"] = columns
    out["rows"] = [[_term_text(b.get(c)) for c in columns] for b in bindings[:row_cap]]
    out["truncated"] = len(bindings) > row_cap
    fmt_name = SOLUTION_TYPES[media_type]
    if fmt_name != "JSON":
        again = ox.parse_query_results(raw, ox.QueryResultsFormat.JSON)
        raw = again.serialize(format=getattr(ox.QueryResultsFormat, fmt_name)) or b""
    out.update(kind="solutions", serialized=raw)
    return out


STARTUP_S = 30.0  # longest wait for a worker process to start and open the store


def _read_frame(stream: Any) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise EOFError("pipe closed")
    size = int.from_bytes(header, "big")
    body = stream.read(size)
    if len(body) < size:
        raise EOFError("pipe closed")
    return pickle.loads(body)


def _write_frame(stream: Any, payload: Any) -> None:
    body = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(body).to_bytes(8, "big") + body)
    stream.flush()


def worker_main() -> None:
    """Worker loop on stdin/stdout: one request at a time; the handle is reused while the folder is
    unchanged. Exits when the parent closes the pipe (or dies)."""
    import pyoxigraph as ox

    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the result pipe
    handle: Any = None
    opened: str | None = "\0"
    while True:
        try:
            folder, query, kind, media_type, row_cap, max_bytes = _read_frame(source)
        except EOFError:
            return
        try:
            if folder != opened:
                handle = None
                handle = ox.Store.read_only(folder) if folder else ox.Store()
                opened = folder
            reply: tuple[str, Any] = ("ok", execute(handle, query, kind, media_type, row_cap, max_bytes))
        except OverflowError as exc:
            reply = ("rejected", str(exc))
        except SyntaxError as exc:
            reply = ("rejected", "SPARQL syntax error: " + str(exc).splitlines()[0])
        except Exception as exc:
            reply = ("error", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        _write_frame(sink, reply)


@dataclass
class _Worker:
    """A worker process (``python -m dirgraph.graph.stores.sparql_pool``): no fork of the caller,
    no re-import of its ``__main__``, nothing shared but two pipes."""

    process: subprocess.Popen[bytes]

    def send(self, request: Any) -> None:
        assert self.process.stdin is not None
        _write_frame(self.process.stdin, request)

    def wait_readable(self, timeout_s: float) -> bool:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], timeout_s)
        return bool(ready)

    def receive(self) -> Any:
        return _read_frame(self.process.stdout)

    def kill(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self.process.kill()
        self.process.wait(timeout=5)


@dataclass
class QueryPool:
    """Up to ``size`` worker processes; a query borrows one and the worker dies if it overruns."""

    size: int = 2
    _idle: list[_Worker] = field(default_factory=list)
    _busy: int = 0
    _lock: threading.Condition = field(default_factory=threading.Condition)

    def _spawn(self) -> _Worker:
        process = subprocess.Popen(
            [sys.executable, "-m", "dirgraph.graph.stores.sparql_pool"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        return _Worker(process)

    def _borrow(self, timeout_s: float) -> _Worker:
        with self._lock:
            if not self._lock.wait_for(lambda: self._idle or self._busy < self.size, timeout=timeout_s):
                raise QueryTimeoutError(f"SPARQL endpoint busy: no free worker within {timeout_s:g} s")
            self._busy += 1
            if self._idle:
                return self._idle.pop()
        try:
            return self._spawn()
        except Exception as exc:
            self._release(None)
            raise StoreError(f"cannot start a SPARQL worker: {exc}") from exc

    def _release(self, worker: _Worker | None) -> None:
        with self._lock:
            self._busy -= 1
            if worker is not None:
                self._idle.append(worker)
            self._lock.notify()

    def run(self, folder: str | None, query: str, kind: str, media_type: str, timeout_s: float,
            row_cap: int = 10_000, max_bytes: int = MAX_BYTES) -> dict[str, Any]:
        """Run in a worker; kill it and raise :class:`QueryTimeoutError` past ``timeout_s``."""
        worker = self._borrow(timeout_s)
        try:
            worker.send((folder, query, kind, media_type, row_cap, max_bytes))
            if not worker.wait_readable(timeout_s):
                raise QueryTimeoutError(f"SPARQL query stopped after {timeout_s:g} s")
            # the answer is on its way: a large one may need longer than the readiness check
            status, payload = worker.receive()
        except QueryTimeoutError:
            worker.kill()
            self._release(None)
            raise
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            worker.kill()
            self._release(None)
            raise StoreError(f"SPARQL worker died: {exc}") from exc
        self._release(worker)
        if status == "ok":
            return dict(payload)
        if status == "rejected":
            raise QueryRejectedError(str(payload))
        raise StoreError(f"SPARQL query failed: {payload}")

    def close(self) -> None:
        with self._lock:
            workers, self._idle = self._idle, []
        for worker in workers:
            worker.kill()


_POOL: QueryPool | None = None
_POOL_LOCK = threading.Lock()


def shared_pool() -> QueryPool:
    """The process-wide pool (created on first use, never at import)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = QueryPool()
            atexit.register(_POOL.close)  # idle workers go with their parent, pipes closed
        return _POOL


if __name__ == "__main__":  # pragma: no cover - the worker process entry point
    worker_main()
