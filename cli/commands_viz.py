"""``dirgraph viz NUMBER --out file.html``: the document page's graph views as a standalone file to share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from dirgraph.core.errors import DirgraphError
from dirgraph.core.text import norm_key

if TYPE_CHECKING:
    from dirgraph.graph.service import GraphService

err = Console(stderr=True)


def find_document_id(service: GraphService, number: str) -> str:
    """The id of the document whose number is ``number`` (printed forms compared normalized)."""
    wanted = norm_key(number).replace(" ", "")
    for doc in service.list_documents(q=number, limit=200).items:
        if doc.number and norm_key(doc.number).replace(" ", "") == wanted:
            return doc.id
    raise DirgraphError(f"no document numbered {number!r} in the graph")


def viz(
    number: Annotated[str, typer.Argument(help="Document number, e.g. 91-KL/TW")],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write")] = Path("dirgraph-view.html"),
    view: Annotated[str, typer.Option(help="chain (chain up and cascade down) or coverage")] = "chain",
    level: Annotated[str, typer.Option(help="coverage level: province, district, commune")] = "province",
    map_: Annotated[str, typer.Option("--map", help="post2025 or pre2025")] = "post2025",
    home: Annotated[Path | None, typer.Option(help="workspace (default ./.dirgraph or $DIRGRAPH_HOME)")] = None,
    lang: Annotated[str, typer.Option(help="vi or en")] = "vi",
) -> None:
    """Write a standalone HTML view (vis-network inlined: opens offline, no request leaves the file)."""
    from dirgraph.graph.service import GraphService, default_home  # heavy: imported when the command runs
    from dirgraph.viz.render import write_standalone
    from dirgraph.viz.views import chain_cascade_graph, coverage_view

    try:
        with GraphService.open(home or default_home()) as service:
            doc_id = find_document_id(service, number)
            doc = service.get_document(doc_id)
            if view == "coverage":
                graph = coverage_view(doc, service.coverage(doc_id, level=level, map=map_))
            else:
                graph = chain_cascade_graph(service, doc)
        write_standalone(graph, out, title=doc.number or doc.id, lang=lang)
    except (DirgraphError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    err.print(f"wrote {out} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")


def register(app: typer.Typer) -> None:
    app.command("viz")(viz)
