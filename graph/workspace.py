"""The workspace folder (``./.dirgraph`` or ``--home``): extraction records are the truth, stores are projections.

Layout::

    records/<sha256>.json   one ExtractionRecord per distinct file content
    manifest.json           source path -> sha256 of its content when last ingested
    graph.json              the resolved graph (rebuilt from the records)
    stores/<name>/          each store's files

Ingest is incremental and idempotent: an unchanged file (same path, same sha256) is skipped; a
changed file's record replaces the old one; removing a source drops its record. Because every
store is rebuilt from the records, facts of a changed or removed document (and placeholders only
it referenced) disappear with it. Extraction runs in a process pool over all cores.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter, ValidationError

from dirgraph.core.errors import DirgraphError, IngestError, NotFoundError, StoreError
from dirgraph.graph.gc_pause import gc_paused
from dirgraph.graph.model import Edge, Graph, Node
from dirgraph.graph.resolve import resolve
from dirgraph.graph.service_models import IngestFailure, IngestReport
from dirgraph.ingest.record import ExtractionRecord

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm", ".rtf", ".json"})
_SKIPPED_NAMES = ("readme", "license", "changelog")
# Annotation keys of the gold files that are not part of the record contract.
_GOLD_EXTRA_KEYS = frozenset({"evidence", "notes", "cue"})

Progress = Callable[[str, int, int], None]  # (source, done, total)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _strip_extra(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _strip_extra(v) for k, v in obj.items() if k not in _GOLD_EXTRA_KEYS}
    if isinstance(obj, list):
        return [_strip_extra(v) for v in obj]
    return obj


def record_from_json(path: Path) -> ExtractionRecord:
    """Read a record file (the SCHEMA.md JSON; gold annotation keys are dropped)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ExtractionRecord.model_validate(_strip_extra(data))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise IngestError(str(path), f"not an extraction record: {reason}") from exc


def extract(path: Path) -> ExtractionRecord:
    """One file → its record: ``.json`` files are records already, others go through the pipeline."""
    if path.suffix.lower() == ".json":
        return record_from_json(path)
    try:
        from dirgraph.ingest.pipeline import extract_file
    except ImportError as exc:
        raise IngestError(str(path), "the extraction pipeline is not installed") from exc
    return extract_file(path)


_FACT_GROUPS = ("documents", "relations", "tasks", "assignments", "agency_relations", "targets")
# (source to report, sha256 of the content, the record as JSON bytes, facts per group, error); the
# source is the file's resolved path, or its name as given when it could not even be read.
Job = tuple[str, str | None, bytes | None, dict[str, int], str | None]


def _extract_job(source: str, given: str, sha: str | None) -> Job:
    """One file in a pool worker (or in-process): hash it unless the parent has, extract it, encode
    the record. Never raises, so one bad file fails alone.

    The record comes back as JSON bytes (encoded here, in parallel, and cheap to send between
    processes) and the parent alone writes the files: on this machine's ext4 a 16 KB file costs
    ~0.5 ms of kernel time, and two workers writing into one folder took twice that (measured:
    10 s of system time per 10^4 files against 5 s from one writer).
    """
    try:
        sha = sha or file_sha256(Path(source))
    except OSError as exc:
        return given, None, None, {}, f"{given}: {exc.strerror or exc}"
    try:
        record = extract(Path(source)).model_copy(update={"sha256": sha})
        facts = {group: len(getattr(record, group) or []) for group in _FACT_GROUPS}
        # pydantic's own JSON (same content as to_json_dict, ~3× cheaper than json.dumps of it)
        return source, sha, record.model_dump_json().encode("utf-8"), facts, None
    except DirgraphError as exc:
        return source, None, None, {}, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    except Exception as exc:  # an extractor bug must not abort a thousand-file ingest
        return source, None, None, {}, f"{source}: {type(exc).__name__}: {str(exc)[:200]}"


def _warm_worker() -> None:
    """Pool initializer: load the extraction tables once, up front, then keep them out of the cyclic
    collector's walks (``warm_up`` ends with ``gc.freeze``); full collections otherwise cost a
    worker ~0.3 ms per document. Runs in the worker only, never in the parent (a server's graph)."""
    try:
        from dirgraph.ingest.pipeline import warm_up
    except ImportError:  # records-only install: extract() says so per file
        return
    warm_up()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files under ``paths`` (folders walked, hidden files, READMEs and unknown suffixes skipped)."""
    return [given for _, given in expand_resolved(paths)]


def expand_resolved(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """``(resolved, as given)`` for every file of :func:`expand_paths`, one per resolved path (the first).

    Resolving is the costly part for 10^5 files (``Path.resolve`` checks every component): a
    file's folder is resolved once and shared, and only the file's own name is checked for a link.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if (child.is_file() and not any(p.startswith(".") for p in rel)
                        and child.suffix.lower() in SUPPORTED_SUFFIXES
                        and not child.stem.lower().startswith(_SKIPPED_NAMES)):
                    found.append(child)
        else:
            found.append(path)  # a missing file is reported as failed by ingest
    folders: dict[Path, Path] = {}
    unique: dict[Path, Path] = {}
    for path in found:
        if path.name in ("", ".", "..") or os.path.islink(path):
            resolved = path.resolve()
        else:
            folder = folders.get(path.parent)
            if folder is None:
                folder = folders[path.parent] = path.parent.resolve()
            resolved = folder / path.name
        unique.setdefault(resolved, path)
    return list(unique.items())


class Workspace:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.records_dir = home / "records"
        self.manifest_path = home / "manifest.json"
        self.graph_path = home / "graph.json"
        self.stores_dir = home / "stores"

    def ensure(self) -> None:
        try:
            self.records_dir.mkdir(parents=True, exist_ok=True)
            self.stores_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.home}: cannot create workspace: {exc}") from exc

    # -- manifest ----------------------------------------------------------------------------
    def manifest(self) -> dict[str, str]:
        if not self.manifest_path.exists():
            return {}
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise StoreError(f"{self.manifest_path}: unreadable manifest: {exc}") from exc
        return {str(k): str(v) for k, v in data.items()}

    def _write_manifest(self, manifest: dict[str, str]) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=1), "utf-8")
        tmp.replace(self.manifest_path)

    def _record_path(self, sha: str) -> Path:
        return self.records_dir / f"{sha}.json"

    def records(self) -> list[ExtractionRecord]:
        """The records of every source in the manifest (one per distinct content)."""
        return list(self.iter_records())

    def iter_records(self) -> Iterator[ExtractionRecord]:
        """The same records, read one at a time (resolve lets each go once its facts are in the graph)."""
        for sha in sorted(set(self.manifest().values())):
            path = self._record_path(sha)
            if path.exists():
                try:
                    yield ExtractionRecord.model_validate_json(path.read_bytes())
                except (OSError, ValidationError) as exc:
                    raise StoreError(f"{path}: unreadable record ({type(exc).__name__}); "
                                     "re-ingest its source file") from exc

    def _gc_records(self, manifest: dict[str, str]) -> None:
        live = set(manifest.values())
        for path in self.records_dir.glob("*.json"):
            if path.stem not in live:
                try:
                    path.unlink(missing_ok=True)
                except OSError:  # not ours to remove (a folder someone made there): leave it
                    continue

    # -- ingest ------------------------------------------------------------------------------
    def ingest(self, paths: list[Path], workers: int | None = None,
               progress: Progress | None = None) -> IngestReport:
        """Extract new or changed files and store their records; returns what happened (no store load)."""
        self.ensure()
        manifest = self.manifest()
        report = IngestReport()
        todo: list[tuple[str, str, str | None]] = []  # (source, as given, sha256 when hashed here)
        for resolved, given in expand_resolved(paths):
            source = str(resolved)
            known = manifest.get(source)
            if known is None:  # new to the workspace: hashed by the worker that extracts it
                todo.append((source, str(given), None))
                continue
            try:
                current = file_sha256(resolved)
            except OSError as exc:
                report.failed.append(IngestFailure(source=str(given), reason=f"{given}: {exc.strerror or exc}"))
                continue
            if current == known and self._record_path(current).exists():
                report.unchanged.append(source)
            else:
                todo.append((source, str(given), current))
        facts: dict[str, int] = {}
        for source, sha, data, counts, error in self._run(todo, workers, progress):
            if sha is None or data is None:
                report.failed.append(IngestFailure(source=source, reason=error or "extraction failed"))
                continue
            try:
                self._record_path(sha).write_bytes(data)
            except OSError as exc:
                report.failed.append(IngestFailure(
                    source=source, reason=f"{source}: cannot write its record: {exc.strerror or exc}"))
                continue
            manifest[source] = sha
            report.read.append(source)
            for group in _FACT_GROUPS:
                facts[group] = facts.get(group, 0) + counts.get(group, 0)
        report.facts = facts
        self._write_manifest(manifest)
        self._gc_records(manifest)
        return report

    @staticmethod
    def _run(todo: list[tuple[str, str, str | None]], workers: int | None,
             progress: Progress | None) -> Iterable[Job]:
        total = len(todo)
        n_workers = workers or os.cpu_count() or 1
        if total <= 1 or n_workers <= 1:
            for i, (source, given, sha) in enumerate(todo, start=1):
                result = _extract_job(source, given, sha)
                if progress:
                    progress(result[0], i, total)
                yield result
            return
        with ProcessPoolExecutor(max_workers=min(n_workers, total), initializer=_warm_worker) as pool:
            # Small chunks: one IPC round per 32 files is noise, while a chunk of thousands of
            # records would arrive (and sit in memory) all at once and unbalance the last workers.
            chunk = max(1, min(32, total // (n_workers * 8)))
            for i, result in enumerate(pool.map(_extract_job, *zip(*todo, strict=True), chunksize=chunk), start=1):
                if progress:
                    progress(result[0], i, total)
                yield result

    def remove(self, source: str) -> list[str]:
        """Forget ``source`` (a path as ingested, or a file name); returns the sources removed."""
        manifest = self.manifest()
        wanted = str(Path(source).resolve())
        hits = [s for s in manifest if s == wanted] or [s for s in manifest if s == source] or [
            s for s in manifest if Path(s).name == source]
        if not hits:
            raise NotFoundError(f"{source}: not ingested in {self.home}")
        for s in hits:
            del manifest[s]
        self._write_manifest(manifest)
        self._gc_records(manifest)
        return hits

    # -- graph -------------------------------------------------------------------------------
    def build_graph(self, save: bool = True) -> Graph:
        """Resolve every record into one graph (and save it as ``graph.json``)."""
        self.ensure()
        with gc_paused(freeze_survivors=True):  # long-lived and acyclic: never walked again
            graph = resolve(self.iter_records())
        if save:
            self.save_graph(graph)
        return graph

    def save_graph(self, graph: Graph) -> None:
        """Write ``graph.json`` atomically; readers treat a newer file as "reopen your stores"."""
        staged = self.stage_graph_file()
        staged.load(graph)
        staged.publish()

    def stage_graph_file(self) -> StagedGraphFile:
        """A ``graph.json`` written now (beside the store loads) and published once they succeed."""
        self.ensure()
        return StagedGraphFile(self.graph_path)

    def load_graph(self) -> Graph:
        """The saved graph (built on first use)."""
        if not self.graph_path.exists():
            return self.build_graph()
        try:
            # bytes straight to pydantic's parser: no decoded str copy of a file of hundreds of MB
            with gc_paused(freeze_survivors=True):
                return Graph.model_validate_json(self.graph_path.read_bytes())
        except (OSError, ValidationError) as exc:
            raise StoreError(f"{self.graph_path}: unreadable graph, run `dirgraph rebuild`") from exc


class StagedGraphFile:
    """``graph.json`` in two steps: ``load`` writes a temporary file, ``publish`` renames it into place.

    Why two steps: the file is the readers' signal to reopen the stores, so it must appear only
    after every store is loaded; but writing it (~30-70 s at 10^5 documents) needs nothing from
    the stores, so it runs beside their loads (it has a store's ``name``/``load`` shape for
    :func:`~dirgraph.graph.stores.concurrent_load.load_concurrently`) and only the rename waits.
    Streamed in slices of nodes and edges (the same bytes as ``model_dump_json``), so it never
    holds a second whole-graph copy as one JSON string (~3 GB at 10^5 documents).
    """

    name = "graph.json"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_suffix(".tmp")

    def load(self, graph: Graph) -> None:
        try:
            with self.tmp.open("wb", buffering=1 << 20) as fh:
                write_graph_json(graph, fh)
        except OSError as exc:
            self.discard()
            raise StoreError(f"{self.path}: cannot write the graph: {exc}") from exc

    def publish(self) -> None:
        try:
            self.tmp.replace(self.path)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the graph: {exc}") from exc

    def discard(self) -> None:
        """Drop an unpublished file (a store failed: the old graph.json stays the readers' view)."""
        try:
            self.tmp.unlink(missing_ok=True)
        except OSError:
            pass  # clean-up only: the error that brought us here is the one to report


_NODES_JSON: TypeAdapter[dict[str, Node]] = TypeAdapter(dict[str, Node])
_EDGES_JSON: TypeAdapter[dict[str, Edge]] = TypeAdapter(dict[str, Edge])
_SLICE = 20_000


def write_graph_json(graph: Graph, fh: IO[bytes]) -> None:
    """``graph.model_dump_json()`` written slice by slice (bounded memory, identical bytes)."""
    for opening, items, adapter in ((b'{"nodes":{', graph.nodes, _NODES_JSON),
                                    (b'},"edges":{', graph.edges, _EDGES_JSON)):
        fh.write(opening)
        first = True
        it = iter(items.items())
        while chunk := dict(islice(it, _SLICE)):
            body = adapter.dump_json(chunk)[1:-1]  # type: ignore[arg-type]
            fh.write(body if first else b"," + body)
            first = False
    fh.write(b"}}")
