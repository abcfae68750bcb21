"""``dirgraph sync neo4j``: copy the workspace's resolved graph into a Neo4j 5 server.

Connection from ``--uri/--user/--password`` or, better (no secret in the shell history), from
``NEO4J_URI``, ``NEO4J_USER`` and ``NEO4J_PASSWORD``. The sync writes constraints and indexes,
replaces dirgraph's nodes, then ``UNWIND``-batches nodes and relationships
(:mod:`dirgraph.graph.stores.neo4j_store`). Errors are one line on stderr, exit code 1.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from dirgraph.core.errors import DirgraphError

sync_app = typer.Typer(help="Copy the graph into an external database.", no_args_is_help=True)


@sync_app.command("neo4j")
def sync_neo4j(
    home: Annotated[Path | None, typer.Option("--home", help="workspace (default ./.dirgraph or $DIRGRAPH_HOME)")] = None,
    uri: Annotated[str | None, typer.Option("--uri", help="bolt/neo4j URI (default $NEO4J_URI)")] = None,
    user: Annotated[str | None, typer.Option("--user", help="user (default $NEO4J_USER or neo4j)")] = None,
    password: Annotated[str | None, typer.Option(
        "--password", help="password (default $NEO4J_PASSWORD; prefer the variable)")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=100_000, help="rows per UNWIND")] = 2_000,
) -> None:
    """Sync the resolved graph into Neo4j (constraints, indexes, then batched MERGE)."""
    from dirgraph.graph.service import default_home
    from dirgraph.graph.stores.neo4j_store import Neo4jStore
    from dirgraph.graph.workspace import Workspace

    folder = home or default_home()
    try:
        ws = Workspace(folder)
        if not ws.manifest_path.exists():
            raise DirgraphError(f"{folder}: no dirgraph workspace here (run `dirgraph ingest PATH --home {folder}`)")
        graph = ws.load_graph()
        started = time.perf_counter()
        store = Neo4jStore(uri=uri, user=user, password=password)
        try:
            store.load(graph, batch_size=batch_size)
        finally:
            store.close()
    except DirgraphError as exc:
        typer.echo(f"error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"synced {len(graph.nodes)} nodes and {len(graph.edges)} relationships to Neo4j "
               f"in {time.perf_counter() - started:.1f} s")


def register(app: typer.Typer) -> None:
    app.add_typer(sync_app, name="sync")
