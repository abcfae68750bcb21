"""FastAPI dependencies: the app's settings and its one GraphService.

The service is opened lazily on the first request that needs it (``create_app`` does no work, and
``/health`` answers even before the graph opens) and closed when the app shuts down. Reads share
the service; an upload takes it exclusively (an ingest rebuilds and reopens the stores, which
must not happen under a running query), so readers never see a half-rebuilt graph.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, Request

from dirgraph.api.settings import Settings
from dirgraph.graph.service import GraphService
from dirgraph.graph.workspace import Workspace


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers (no writer starvation).

    Counter-based, not owner-based: FastAPI may enter and leave a dependency on different threads.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    def try_read(self) -> bool:
        """Take a read share only if that needs no waiting (no writer active or queued)."""
        with self._cond:
            if self._writer or self._writers_waiting:
                return False
            self._readers += 1
            return True

    def acquire_read(self) -> None:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1

    def release_read(self) -> None:
        with self._cond:
            self._readers -= 1
            self._cond.notify_all()

    @contextmanager
    def reading(self) -> Iterator[None]:
        self.acquire_read()
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class ServiceHolder:
    """Owns the app's GraphService: open on first use, close at shutdown, readers vs. one writer."""

    def __init__(self, settings: Settings, service: Any | None = None) -> None:
        self.settings = settings
        self._service = service
        self._owned = service is None  # a service passed in is closed by whoever opened it
        self._open_lock = threading.Lock()
        self.lock = ReadWriteLock()

    @property
    def open_service(self) -> Any | None:
        """The service if it is open already (the ASGI fast path never opens it)."""
        return self._service

    @property
    def is_open(self) -> bool:
        return self._service is not None

    def graph_path(self) -> Path:
        """The file whose version stamps cached answers: the open service's graph, else the home's."""
        ws = getattr(self._service, "ws", None)
        path = getattr(ws, "graph_path", None)
        return path if isinstance(path, Path) else Workspace(Path(self.settings.home)).graph_path

    def get(self) -> GraphService:
        service = self._service
        if service is not None:
            return service  # type: ignore[no-any-return]
        with self._open_lock:
            if self._service is None:
                self._service = GraphService.open(self.settings.home, backend=self.settings.backend)
            return self._service  # type: ignore[no-any-return]

    def close(self) -> None:
        """Close the service this holder opened; an injected one stays with its owner, untouched."""
        if not self._owned:
            return
        with self._open_lock:
            service, self._service = self._service, None
        if service is not None:
            service.close()


def _holder(request: Request) -> ServiceHolder:
    holder: ServiceHolder = request.app.state.services
    return holder


# Async on purpose: resolved on the event loop, so /health never waits for a worker thread.
async def get_app_settings(request: Request) -> Settings:
    """The settings ``create_app`` was built with (not re-read from the environment)."""
    settings: Settings = request.app.state.settings
    return settings


async def get_holder(request: Request) -> ServiceHolder:
    return _holder(request)


async def get_service(request: Request) -> AsyncIterator[GraphService]:
    """The service, held for reading until the response is sent.

    Async on purpose: the read share is normally free, so it is taken on the event loop; only when
    an upload holds or awaits the graph does a worker thread wait for it. Each hop to a worker
    thread cost ~1 ms under load, and a sync generator dependency made two per request.
    """
    holder = _holder(request)
    lock = holder.lock
    if not lock.try_read():
        try:
            await anyio.to_thread.run_sync(lock.acquire_read)
        except BaseException:
            lock.release_read()  # cancelled: run_sync still waited for the thread, which took a share
            raise
    try:
        yield holder.get()
    finally:
        lock.release_read()


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
HolderDep = Annotated[ServiceHolder, Depends(get_holder)]
ServiceDep = Annotated[GraphService, Depends(get_service)]
