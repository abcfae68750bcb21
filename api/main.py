"""The FastAPI application factory (``create_app``); nothing happens at import time.

``dirgraph serve`` and tests call ``create_app(settings)``; uvicorn can also use
``dirgraph.api.main:create_app`` with ``--factory`` (settings then come from ``DIRGRAPH_*``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from dirgraph.api import pages
from dirgraph.api.deps import ServiceHolder
from dirgraph.api.errors import install_error_handlers
from dirgraph.api.lookup_fast import LookupFastPath
from dirgraph.api.response_cache import ResponseCacheMiddleware
from dirgraph.api.routers import agencies, documents, health, query, search, sparql, tasks, upload
from dirgraph.api.settings import Settings, get_settings

DESCRIPTION = """\
Knowledge graph of Vietnamese directive documents: Party resolutions and conclusions cascading
into province, department, district and commune implementation plans; their tasks; and the
agencies that lead, coordinate, supervise and report. Every fact carries the sentence that states it.

Read-only except `POST /documents` (bearer token). Errors are RFC 9457 `application/problem+json`.
"""


def create_app(settings: Settings | None = None, *, service: Any | None = None) -> FastAPI:
    """Build the app. ``service`` injects an already open GraphService (tests, benches); it is
    then left open at shutdown, otherwise the app opens its own on first use and closes it."""
    settings = settings or get_settings()
    holder = ServiceHolder(settings, service)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            holder.close()

    # FastAPIOffline serves the Swagger UI / ReDoc assets itself: /docs works on offline machines.
    app = FastAPIOffline(
        title="dirgraph",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.services = holder
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(upload.router)
    app.include_router(documents.router)
    app.include_router(agencies.router)
    app.include_router(tasks.router)
    app.include_router(search.router)
    app.include_router(query.router)
    app.include_router(sparql.router)
    app.include_router(pages.router)
    pages.mount_static(app)
    app.add_middleware(LookupFastPath, holder=holder)
    # Look-up answers are replayed from memory until graph.json changes (see response_cache).
    if settings.response_cache:
        app.add_middleware(ResponseCacheMiddleware, graph_path=holder.graph_path)
    return app
