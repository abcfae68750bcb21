"""``dirgraph serve``: the HTTP API (and browser pages) on uvicorn, one process owning the graph."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from dirgraph.core.errors import DirgraphError


def serve(
    home: Annotated[Path | None, typer.Option("--home", help="workspace folder (default $DIRGRAPH_HOME or ./.dirgraph)")] = None,
    host: Annotated[str, typer.Option("--host", help="address to listen on; keep 127.0.0.1 unless proxied")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port (0 picks a free one)")] = 8000,
    backend: Annotated[str, typer.Option("--backend", help="Cypher backend: ladybug or neo4j")] = "ladybug",
    timeout: Annotated[float | None, typer.Option("--timeout", min=0.1, help="query deadline in seconds")] = None,
    row_cap: Annotated[int | None, typer.Option("--row-cap", min=1, help="most rows one query returns")] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level")] = "info",
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="uvicorn worker processes (each holds its own read handles)")] = 1,
) -> None:
    """Serve the graph over HTTP. Uploads need DIRGRAPH_API_TOKEN in the environment (never a flag)."""
    import uvicorn

    from dirgraph.api.main import create_app
    from dirgraph.api.settings import Settings
    from dirgraph.graph.service import GraphService

    if backend not in ("ladybug", "neo4j"):
        typer.echo(f"error: --backend: expected ladybug or neo4j, got {backend!r}", err=True)
        raise typer.Exit(2)
    overrides: dict[str, Any] = {"host": host, "port": port, "backend": backend}
    if home is not None:
        overrides["home"] = home
    if timeout is not None:
        overrides["query_timeout_s"] = timeout
    if row_cap is not None:
        overrides["row_cap"] = row_cap
    try:
        settings = Settings(**overrides)
    except ValueError as exc:
        typer.echo(f"error: {' '.join(str(exc).split())}", err=True)
        raise typer.Exit(2) from None
    if not settings.home.exists():
        typer.echo(f"warning: {settings.home} does not exist yet; run `dirgraph ingest` to fill it", err=True)
    try:
        service = GraphService.open(settings.home, backend=settings.backend)
    except DirgraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    uploads = "enabled" if settings.uploads_enabled else "disabled (set DIRGRAPH_API_TOKEN)"
    typer.echo(f"dirgraph: serving {settings.home} ({settings.backend}) on http://{host}:{port}/ — uploads {uploads}",
               err=True)
    if workers > 1:
        # Each worker process builds its own app from DIRGRAPH_* (uvicorn needs an import string).
        service.close()
        os.environ.update({"DIRGRAPH_HOME": str(settings.home), "DIRGRAPH_BACKEND": settings.backend,
                           "DIRGRAPH_QUERY_TIMEOUT_S": str(settings.query_timeout_s),
                           "DIRGRAPH_ROW_CAP": str(settings.row_cap)})
        uvicorn.run("dirgraph.api.main:create_app", factory=True, host=host, port=port, log_level=log_level,
                    workers=workers)
        return
    try:
        uvicorn.run(create_app(settings, service=service), host=host, port=port, log_level=log_level)
    finally:
        service.close()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
