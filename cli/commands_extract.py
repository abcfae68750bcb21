"""``dirgraph extract``: print one file's extraction record, or write one JSON per file of a folder.

A folder run goes on past a bad file (reported on stderr and in the summary) and exits 1 when any
file failed, so scripts notice; a single bad file exits 1 with a one-line error naming it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dirgraph.core.errors import DirgraphError

_SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".doc", ".rtf"}


def _facts(record: object) -> int:
    return sum(len(getattr(record, group)) for group in
               ("documents", "relations", "tasks", "assignments", "agency_relations", "targets"))


def _one(path: Path, ocr: bool) -> str:
    from dirgraph.ingest.pipeline import extract_file

    record = extract_file(path, ocr=ocr)
    return json.dumps(record.to_json_dict(), ensure_ascii=False, indent=2)


def _folder(folder: Path, out: Path, ocr: bool) -> int:
    from rich.console import Console
    from rich.progress import Progress

    from dirgraph.ingest.pipeline import extract_file

    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES)
    out.mkdir(parents=True, exist_ok=True)
    console = Console(stderr=True)
    failed: list[tuple[Path, str]] = []
    facts = 0
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            try:
                record = extract_file(path, ocr=ocr)
                target = out / (path.stem + ".json")
                target.write_text(json.dumps(record.to_json_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
                facts += _facts(record)
            except DirgraphError as exc:
                failed.append((path, str(exc)))
            except Exception as exc:  # a bug on one file must not stop the folder
                failed.append((path, f"{path}: internal error: {type(exc).__name__}: {exc}"))
            progress.advance(task)
    console.print(f"files read: {len(files) - len(failed)}, failed: {len(failed)}, facts found: {facts}")
    for _path, reason in failed:
        console.print(f"  failed: {reason}", markup=False)
    return 1 if failed else 0


def extract(
    path: Annotated[Path, typer.Argument(help="a document file, or a folder of documents")],
    out: Annotated[Path | None, typer.Option("--out", help="folder for one <name>.json per file (folder input)")] = None,
    ocr: Annotated[bool, typer.Option("--ocr", help="OCR scanned PDF pages (tesseract)")] = False,
) -> None:
    """Extract documents, references, relations, tasks and agencies as SCHEMA.md JSON."""
    if not path.exists():
        typer.echo(f"error: {path}: no such file or folder", err=True)
        raise typer.Exit(1)
    if path.is_dir():
        if out is None:
            typer.echo(f"error: {path}: a folder needs --out OUTDIR", err=True)
            raise typer.Exit(2)
        raise typer.Exit(_folder(path, out, ocr))
    try:
        text = _one(path, ocr)
    except DirgraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except Exception as exc:  # never a traceback for the user
        typer.echo(f"error: {path}: internal error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(1) from None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / (path.stem + ".json")).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
