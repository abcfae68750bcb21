"""Graph commands: ingest, rebuild, remove, stats, query cypher|sparql, chain, cascade, agencies,
coverage, deadlines, network, export.

Every command takes ``--home`` (default ``./.dirgraph`` or ``$DIRGRAPH_HOME``); answers print as a
table, CSV or JSON (``--format``). Errors are one line on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from dirgraph.core.errors import DirgraphError

if TYPE_CHECKING:
    from dirgraph.graph.service import GraphService

out_console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

HomeOpt = Annotated[Path | None, typer.Option("--home", help="workspace (default ./.dirgraph or $DIRGRAPH_HOME)")]


class Fmt(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="table, csv or json")]


def fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False, highlight=False)
    return typer.Exit(1)


@contextmanager
def service(home: Path | None, create: bool = False) -> Iterator[GraphService]:
    """Open the workspace (only ingest creates one); every error becomes one line on stderr, exit 1."""
    from dirgraph.graph.service import GraphService, default_home  # heavy: only when a command runs

    folder = home or default_home()
    if not create and not (folder / "manifest.json").exists():
        raise fail(f"{folder}: no dirgraph workspace here (run `dirgraph ingest PATH --home {folder}` first)")
    try:
        with GraphService.open(folder) as svc:
            yield svc
    except typer.Exit:
        raise
    except DirgraphError as exc:
        raise fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    except Exception as exc:  # never a traceback for the user
        raise fail(f"internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: Fmt, title: str | None = None) -> None:
    """Print rows in the chosen format (JSON: a list of objects)."""
    if fmt is Fmt.json:
        typer.echo(json.dumps([dict(zip(columns, r, strict=False)) for r in rows], ensure_ascii=False, indent=2))
    elif fmt is Fmt.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in r] for r in rows])
        typer.echo(buf.getvalue(), nl=False)
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*[_cell(v) for v in r])
        out_console.print(table)


def emit_models(models: Sequence[BaseModel], fmt: Fmt, columns: Sequence[str], title: str | None = None) -> None:
    if fmt is Fmt.json:
        typer.echo(json.dumps([m.model_dump(mode="json") for m in models], ensure_ascii=False, indent=2))
        return
    rows = [[m.model_dump(mode="json").get(c) for c in columns] for m in models]
    emit(columns, rows, fmt, title)


# -- write commands ------------------------------------------------------------------------------
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or folders of documents (or record .json files)")],
    home: HomeOpt = None,
    workers: Annotated[int | None, typer.Option(help="extraction processes (default: all cores)")] = None,
) -> None:
    """Extract new or changed files, store their records, rebuild the graph and its stores."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with service(home, create=True) as svc, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                         console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=None)

        def tick(source: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=f"extracting {Path(source).name}")

        report = svc.ingest_paths(paths, workers=workers, progress=tick)
    err.print(f"files read: {len(report.read)}, unchanged: {len(report.unchanged)}, failed: {len(report.failed)}; "
              f"facts: {sum(report.facts.values())}; graph: {report.nodes} nodes, {report.edges} edges "
              f"({report.seconds:.1f} s)", markup=False, highlight=False)
    for failure in report.failed:
        err.print(f"  failed: {failure.reason}", markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


def rebuild(home: HomeOpt = None) -> None:
    """Re-resolve every stored record and reload every store."""
    with service(home) as svc:
        svc.rebuild()
        stats = svc.stats()
    err.print(f"rebuilt: {sum(stats.nodes.values())} nodes, {sum(stats.edges.values())} edges", highlight=False)


def remove(source: Annotated[str, typer.Argument(help="an ingested file (path or name) or document id")],
           home: HomeOpt = None) -> None:
    """Forget a document's file: its facts and the placeholders only it referenced disappear."""
    with service(home) as svc:
        removed = svc.remove_document(source)
    err.print(f"removed: {', '.join(removed)}", markup=False, highlight=False)


def stats(home: HomeOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Node counts by label, edge counts by type, documents by kind and level."""
    with service(home) as svc:
        s = svc.stats()
    if fmt is Fmt.json:
        typer.echo(s.model_dump_json(indent=2))
        return
    rows = [["node", k, v] for k, v in sorted(s.nodes.items())] + [
        ["edge", k, v] for k, v in sorted(s.edges.items())] + [
        ["document kind", k, v] for k, v in sorted(s.documents_by_kind.items())] + [
        ["document level", k, v] for k, v in sorted(s.documents_by_level.items())] + [
        ["placeholders", "", s.placeholders], ["records", "", s.records]]
    emit(["group", "name", "count"], rows, fmt)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, jsonld, nquads, trig, graphml or csv")],
    out: Annotated[Path, typer.Option("--out", "-o", help="file to write (a folder for csv)")],
    home: HomeOpt = None,
) -> None:
    """Export the whole graph (csv: neo4j-admin import files)."""
    from dirgraph.graph.export import export as run_export

    with service(home) as svc:
        written = run_export(svc.view.graph, fmt, out)
    err.print(f"wrote {', '.join(str(p) for p in written)}", markup=False, highlight=False)


# -- analyst commands ----------------------------------------------------------------------------
def chain(number: Annotated[str, typer.Argument(help="document number (91-KL/TW) or id")],
          home: HomeOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """What a document implements, up to the central directive (query 1)."""
    with service(home) as svc:
        hops = svc.chain_up(svc.resolve_document(number))
    emit_models(hops, fmt, ["depth", "source_number", "source", "relation", "target_number", "target", "quote"],
                title=f"chain up from {number}")


def cascade(number: Annotated[str, typer.Argument(help="document number (91-KL/TW) or id")],
            home: HomeOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Documents that implement a directive, transitively, by level and locality (query 2)."""
    with service(home) as svc:
        rows = svc.cascade(svc.resolve_document(number))
    emit_models(rows, fmt, ["depth", "level", "locality_name", "kind", "number", "date", "id", "parent"],
                title=f"cascade below {number}")


def agencies(task: Annotated[str, typer.Option("--task", help="task id (task-…)")],
             home: HomeOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Agencies responsible for a task, by role (query 3)."""
    with service(home) as svc:
        detail = svc.get_task(task)
    rows = [[r.role, r.agency_name, r.locality_name, r.parent_agency_name, r.quotes[0].quote if r.quotes else ""]
            for r in detail.responsible]
    emit(["role", "agency", "locality", "part_of", "quote"], rows, fmt, title=f"{detail.local_id} {detail.text[:80]}")


def coverage(
    number: Annotated[str, typer.Argument(help="document number (91-KL/TW) or id")],
    level: Annotated[str, typer.Option(help="province, district or commune")] = "province",
    map_: Annotated[str, typer.Option("--map", help="post2025 or pre2025")] = "post2025",
    home: HomeOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    """Localities of a level with / without a document implementing the directive (query 5)."""
    with service(home) as svc:
        cov = svc.coverage(svc.resolve_document(number), level=level, map=map_)
    if fmt is Fmt.json:
        typer.echo(cov.model_dump_json(indent=2))
        return
    rows: list[list[Any]] = [[c.name, "yes", d.number or d.id, d.date, d.lag_days] for c in cov.covered
                             for d in c.documents]
    rows += [[m.name, "no", "", "", ""] for m in cov.missing]
    emit(["locality", "covered", "document", "date", "lag_days"], rows, fmt,
         title=f"{len(cov.covered)}/{cov.total} {level} ({map_}) covered")


def deadlines(date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
              date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
              home: HomeOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Tasks by deadline (query 6)."""
    with service(home) as svc:
        rows = svc.deadlines(date_from, date_to)
    emit_models(rows, fmt, ["deadline_date", "deadline_value", "local_id", "text", "locality_name", "lead_agencies"])


def network(locality: Annotated[str, typer.Argument(help="locality name (with or without diacritics) or id")],
            home: HomeOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Coordination, reporting and part-of edges among a locality's agencies (query 7)."""
    with service(home) as svc:
        rows = svc.coordination_network(locality)
    emit_models(rows, fmt, ["type", "source_name", "target_name", "weight"])


query_app = typer.Typer(help="Run a read-only Cypher or SPARQL query.", no_args_is_help=True)


def _params(values: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise DirgraphError(f"--param wants NAME=VALUE, got {item!r}")
        params[key] = value
    return params


@query_app.command("cypher")
def query_cypher(
    text: Annotated[str, typer.Argument(help="Cypher text; pass values with --param")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE (repeatable)")] = None,
    timeout: Annotated[float, typer.Option(help="seconds")] = 10.0,
    limit: Annotated[int, typer.Option(help="row cap")] = 10_000,
    home: HomeOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    with service(home) as svc:
        result = svc.cypher(text, _params(param or []), timeout_s=timeout, row_cap=limit)
    emit(result.columns, result.rows, fmt)
    if result.truncated:
        err.print(f"(truncated at {limit} rows)")


@query_app.command("sparql")
def query_sparql(
    text: Annotated[str, typer.Argument(help="SPARQL SELECT / ASK / CONSTRUCT")],
    timeout: Annotated[float, typer.Option(help="seconds")] = 10.0,
    home: HomeOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    with service(home) as svc:
        result = svc.sparql(text, timeout_s=timeout)
    if result.kind == "graph":
        typer.echo(result.serialized)
    elif result.kind == "boolean":
        emit(["boolean"], [[result.boolean]], fmt)
    else:
        emit(result.columns, result.rows, fmt)


COMMANDS: dict[str, Callable[..., None]] = {
    "ingest": ingest, "rebuild": rebuild, "remove": remove, "stats": stats, "export": export, "chain": chain,
    "cascade": cascade, "agencies": agencies, "coverage": coverage, "deadlines": deadlines, "network": network,
}


def register(app: typer.Typer) -> None:
    for name, fn in COMMANDS.items():
        app.command(name)(fn)
    app.add_typer(query_app, name="query")
