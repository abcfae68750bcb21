"""A pure ASGI cache of serialized look-up answers, keyed on (path, query string, graph stamp).

Why: a look-up answer only changes when the graph does, yet building it costs milliseconds of
Python (routing, validation, pydantic models, JSON) under the GIL. A hit replays the stored bytes
without touching FastAPI at all, so throughput is bounded by the HTTP server, not by the models.

Correctness rests on the stamp: ``graph.json`` is replaced atomically on every rebuild (new inode,
new mtime), so a changed graph — written by this process or another one — changes every key. The
stamp is read before and after the answer is built and the answer is kept only if both agree; any
non-GET request also empties the cache, so an upload is visible on the very next read.
Only ``200`` JSON answers to ``GET`` on the read-only look-up routes are stored, and only while
the graph file exists (the in-memory fakes of the tests never get cached).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Stamp = tuple[int, int, int]

# Read-only JSON routes whose answer depends only on the path, the query string and the graph.
CACHED_PREFIXES = ("/documents", "/agencies", "/tasks/", "/deadlines", "/search", "/stats")
# POST endpoints that only read (guarded Cypher, SPARQL protocol): they leave the cache alone.
READ_ONLY_POSTS = ("/query", "/sparql")
MAX_ENTRIES = 20_000
MAX_BYTES = 128 * 1024 * 1024
MAX_ENTRY_BYTES = 2 * 1024 * 1024


def file_stamp(path: Path) -> Stamp | None:
    """Identity of the graph file's current version (None while there is no graph)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class ResponseCache:
    """Bounded LRU of (status, headers, body) by key; thread-safe (the app may be served by threads)."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[Any, ...], tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple[Any, ...]) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: tuple[Any, ...], status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if len(body) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._items[key] = (status, headers, body)
            self._bytes += len(body)
            while self._items and (len(self._items) > self.max_entries or self._bytes > self.max_bytes):
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped[2])

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


def _cacheable(scope: Scope) -> bool:
    path: str = scope["path"]
    return scope["method"] in ("GET", "HEAD") and path.startswith(CACHED_PREFIXES)


def _is_json(headers: list[tuple[bytes, bytes]]) -> bool:
    for name, value in headers:
        if name.lower() == b"content-type":
            return value.startswith(b"application/json")
    return False


class ResponseCacheMiddleware:
    """Wraps the app; ``graph_path`` says which file's stamp versions the answers."""

    def __init__(self, app: ASGIApp, graph_path: Callable[[], Path], cache: ResponseCache | None = None) -> None:
        self.app = app
        self.graph_path = graph_path
        self.cache = cache or ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not _cacheable(scope):
            try:
                await self.app(scope, receive, send)
            finally:
                if scope["method"] not in ("GET", "HEAD", "OPTIONS") and not scope["path"].startswith(READ_ONLY_POSTS):
                    self.cache.clear()  # a write may have changed the graph
            return
        path = self.graph_path()
        stamp = file_stamp(path)
        if stamp is None:
            await self.app(scope, receive, send)
            return
        key = (scope["method"], scope["path"], scope.get("query_string", b""), stamp)
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self._fill(scope, receive, send, key, path)

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key: tuple[Any, ...], path: Path) -> None:
        """Run the app, pass its answer through unchanged, and keep a copy when it may be replayed."""
        start: Message = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal keep, start
            if message["type"] == "http.response.start":
                start = message
                headers = list(message.get("headers", []))
                keep = message.get("status") == 200 and _is_json(headers) and not any(
                    name.lower() == b"set-cookie" for name, _ in headers)
            elif message["type"] == "http.response.body" and keep:
                chunks.append(bytes(message.get("body", b"")))
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start and file_stamp(path) == key[-1]:
            self.cache.put(key, int(start["status"]), list(start.get("headers", [])), b"".join(chunks))
