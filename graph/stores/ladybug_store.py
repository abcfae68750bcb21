"""Ladybug (embedded Cypher, the maintained Kùzu fork): typed tables, bulk COPY, read-only queries.

Why this shape (see STACK.md): row-by-row CREATE manages a few dozen documents per second, so
``load`` writes one CSV per node table / relationship pair (:mod:`ladybug_csv`: tab-separated,
unquoted, the form COPY reads fastest) on a writer thread and runs ``COPY`` on each as soon as it
is written (node tables with one thread: a multi-threaded COPY with a string key hung at scale).
Queries run on a separate
read-only handle with a timeout; a read-only handle sees the snapshot of when it opened, so
``load`` drops it and the next query reopens it. Each load writes a new database file
(``graph-<n>.lbug``) and then switches the ``CURRENT`` pointer, so a reader in another process (the
API) never opens a half-written database; the previous generation is kept for readers holding it.

Node tables mirror the node models of :mod:`dirgraph.graph.model`; every relationship table has
``quote`` (first quote), ``provenance`` (JSON list of every statement) and ``weight`` (their count).
"""

from __future__ import annotations

import dataclasses
import json
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from dirgraph.core.errors import QueryRejectedError, QueryTimeoutError, StoreError
from dirgraph.graph.cypher_guard import check_read_only
from dirgraph.graph.model import (
    EDGE_ENDPOINTS,
    AgencyNode,
    DocumentNode,
    EdgeType,
    Graph,
    LocalityNode,
    NodeType,
    PersonNode,
    TargetNode,
    TaskNode,
)
from dirgraph.graph.queries import COLUMNS, QueryName, cypher
from dirgraph.graph.service_models import QueryResult
from dirgraph.graph.stores import ladybug_csv, ladybug_walks
from dirgraph.graph.stores.protocol import Capability, StoreCounts

NODE_MODELS: dict[NodeType, type] = {
    NodeType.DOCUMENT: DocumentNode, NodeType.AGENCY: AgencyNode, NodeType.LOCALITY: LocalityNode,
    NodeType.TASK: TaskNode, NodeType.TARGET: TargetNode, NodeType.PERSON: PersonNode,
}
REL_COLUMNS = ("quote", "provenance", "weight")
_CURRENT = "CURRENT"


def _column_type(annotation: Any) -> str:
    text = str(annotation)
    if "bool" in text:
        return "BOOLEAN"
    if "int" in text and "str" not in text:
        return "INT64"
    return "STRING"


def node_columns(label: NodeType) -> list[tuple[str, str]]:
    """(name, Ladybug type) of a node table, ``id`` first."""
    return [(f.name, _column_type(f.type)) for f in dataclasses.fields(NODE_MODELS[label]) if f.name != "type"]


def schema_statements() -> list[str]:
    out = []
    for label in NodeType:
        cols = ", ".join(f"{name} {typ}{' PRIMARY KEY' if name == 'id' else ''}"
                         for name, typ in node_columns(label))
        out.append(f"CREATE NODE TABLE {label.value}({cols})")
    for etype in EdgeType:
        pairs = ", ".join(f"FROM {a.value} TO {b.value}" for a, b in EDGE_ENDPOINTS[etype])
        out.append(f"CREATE REL TABLE {etype.value}({pairs}, quote STRING, provenance STRING, weight INT64)")
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


_FILES_AHEAD = 2  # CSV files the writer thread may have ready before COPY takes them (disk use)
_DONE = object()


class _Ahead:
    """Iterate ``items`` on a worker thread, at most ``depth`` items ahead of the consumer.

    Leaving the ``with`` block early (an error in COPY) stops the worker after its current item;
    an error in the worker is raised in the consumer.
    """

    def __init__(self, items: Iterator[ladybug_csv.CsvTable], depth: int) -> None:
        self._items = items
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ladybug-csv", daemon=True)

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            for item in self._items:
                if not self._put(item):
                    return
            self._put(_DONE)
        except BaseException as exc:  # handed to the consumer, which raises it
            self._put(exc)

    def __enter__(self) -> _Ahead:
        self._thread.start()
        return self

    @property
    def working(self) -> bool:
        """Whether the worker still has items to produce."""
        return self._thread.is_alive()

    def __iter__(self) -> Iterator[ladybug_csv.CsvTable]:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()


_WALK_TIMEOUT_MS = 60_000
# Look-ups answered by a walk of primary-key seeks instead of the .cypher text (see ladybug_walks).
_WALKS = {QueryName.CHAIN_UP: ladybug_walks.chain_up, QueryName.TASK_AGENCIES: ladybug_walks.task_agencies}


class LadybugStore:
    """The default Cypher backend."""

    name: ClassVar[str] = "ladybug"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.CYPHER, Capability.NAMED, Capability.PERSISTENT})

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._db: Any = None
        self._conns: list[Any] = []
        self._generation = 0
        self._local = threading.local()
        self._lock = threading.RLock()

    @property
    def db_file(self) -> Path:
        """The live database file (``CURRENT`` names it); a missing file before the first load."""
        try:
            name = (self.path / _CURRENT).read_text("utf-8").strip()
        except OSError:
            return self.path / "graph-0.lbug"
        return self.path / name

    # -- write -------------------------------------------------------------------------------
    def load(self, graph: Graph) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: store opened read-only")
        import ladybug as lb

        self.close()
        self.path.mkdir(parents=True, exist_ok=True)
        old = self.db_file
        generation = int(old.stem.split("-")[-1]) + 1 if old.exists() else 1
        new = self.path / f"graph-{generation}.lbug"
        for stale in self.path.glob(f"graph-{generation}.lbug*"):
            stale.unlink()
        try:
            # One checkpoint at the end instead of one per COPY (3x faster on small graphs).
            db = lb.Database(str(new), auto_checkpoint=False)
            conn = lb.Connection(db)
            for stmt in schema_statements():
                conn.execute(stmt)
            with tempfile.TemporaryDirectory(prefix="dirgraph-ladybug-") as tmp:
                self._copy_all(conn, graph, Path(tmp))
            conn.execute("CHECKPOINT")
            conn.close()
            db.close()
        except (RuntimeError, OSError) as exc:  # OSError: writing the CSV files (disk full …)
            raise StoreError(f"{self.path}: ladybug load failed: {exc}") from exc
        pointer = self.path / (_CURRENT + ".tmp")
        pointer.write_text(new.name, "utf-8")
        os.replace(pointer, self.path / _CURRENT)
        keep = {new.name, old.name}
        for child in self.path.glob("graph-*.lbug*"):
            if child.name.split(".lbug")[0] + ".lbug" not in keep:
                shutil.rmtree(child) if child.is_dir() else child.unlink(missing_ok=True)

    @staticmethod
    def _copy_all(conn: Any, graph: Graph, tmp: Path) -> None:
        """COPY each CSV of :func:`ladybug_csv.write_tables` while a thread writes the next ones.

        ``COPY`` runs without the GIL, so the Python work of writing the files (half the load
        when done in turn) overlaps Ladybug's reading them. Node tables are copied with one thread
        (STACK.md: a multi-threaded COPY of string keys can hang). Relationships too while the
        writer still works: on two cores, one COPY thread beside the writer beat two (measured at
        10^4 documents); once every file is written they get all threads.
        """
        columns = {label: [name for name, _ in node_columns(label)] for label in NodeType}
        with _Ahead(ladybug_csv.write_tables(graph, tmp, columns), depth=_FILES_AHEAD) as tables:
            threads = -1
            for table in tables:
                if table.rows:
                    wanted = 1 if table.node or tables.working else 0
                    if threads != wanted:
                        conn.set_max_threads_for_exec(wanted)
                        threads = wanted
                    conn.execute(table.statement)
                table.path.unlink(missing_ok=True)
        conn.set_max_threads_for_exec(0)

    # -- read --------------------------------------------------------------------------------
    def _connection(self) -> Any:
        """A connection of the calling thread on the shared read-only database handle.

        One connection per thread: the API answers requests from a thread pool, and a query
        timeout is a setting of the connection.
        """
        import ladybug as lb

        with self._lock:
            if self._db is None:
                if not self.db_file.exists():
                    if self.read_only:
                        raise StoreError(f"{self.path}: no ladybug database yet (run `dirgraph ingest`)")
                    self.load(Graph())
                try:
                    self._db = lb.Database(str(self.db_file), read_only=True)
                except RuntimeError as exc:
                    raise StoreError(f"{self.path}: cannot open ladybug database: {exc}") from exc
                self._generation += 1
            db, generation = self._db, self._generation
        local = self._local
        if getattr(local, "generation", None) != generation:
            local.conn = lb.Connection(db)
            # Walks (ladybug_walks) run many tiny queries: on one thread each costs half as much
            # (0.5 instead of 1.0 ms at 10^5 documents) as when scheduled over every core.
            local.walk_conn = lb.Connection(db, num_threads=1)
            local.walk_conn.set_query_timeout(_WALK_TIMEOUT_MS)
            local.generation = generation
            with self._lock:
                self._conns += [local.conn, local.walk_conn]
        return local.conn

    def _walk_connection(self) -> Any:
        """The calling thread's single-threaded connection (opened beside :meth:`_connection`'s)."""
        self._connection()
        return self._local.walk_conn

    def _run(self, text: str, params: Mapping[str, Any], timeout_s: float,
             row_cap: int) -> tuple[list[str], list[list[Any]], bool]:
        conn = self._connection()
        conn.set_query_timeout(max(1, int(timeout_s * 1000)))
        try:
            result = conn.execute(text, dict(params))
        except RuntimeError as exc:
            message = str(exc).splitlines()[0] if str(exc) else "query failed"
            if "Interrupted" in message:
                raise QueryTimeoutError(f"query stopped after {timeout_s:g} s") from exc
            raise QueryRejectedError(message) from exc
        results = result if isinstance(result, list) else [result]
        last = results[-1]
        columns = list(last.get_column_names())
        rows: list[list[Any]] = []
        truncated = False
        try:
            while last.has_next():
                if len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append([_jsonable(v) for v in last.get_next()])
        except RuntimeError as exc:
            if "Interrupted" in str(exc):
                raise QueryTimeoutError(f"query stopped after {timeout_s:g} s") from exc
            raise QueryRejectedError(str(exc).splitlines()[0]) from exc
        return columns, rows, truncated

    def query(self, text: str, parameters: Mapping[str, Any] | None = None, timeout_s: float = 10.0,
              row_cap: int = 10_000) -> QueryResult:
        check_read_only(text)
        columns, rows, truncated = self._run(text, parameters or {}, timeout_s, row_cap)
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def named(self, name: QueryName, params: Mapping[str, Any]) -> QueryResult:
        name = QueryName(name)
        walk = _WALKS.get(name)
        if walk is not None:
            return QueryResult(columns=list(COLUMNS[name]), rows=walk(self._rows, str(params.get("id", ""))))
        columns, rows, _ = self._run(cypher(name), params, 60.0, 10**9)
        if name is QueryName.COORDINATION:
            index = columns.index("quotes")
            for row in rows:
                row[index] = [p.get("quote", "") for p in json.loads(row[index] or "[]") if p.get("quote")]
        return QueryResult(columns=list(COLUMNS[name]), rows=rows)

    def _rows(self, text: str, params: Mapping[str, Any]) -> list[list[Any]]:
        """Rows of one small query of a walk (:mod:`ladybug_walks`), on the single-threaded connection."""
        conn = self._walk_connection()
        try:
            result = conn.execute(text, dict(params))
            rows: list[list[Any]] = []
            while result.has_next():
                rows.append([_jsonable(v) for v in result.get_next()])
        except RuntimeError as exc:
            message = str(exc).splitlines()[0] if str(exc) else "query failed"
            if "Interrupted" in message:
                raise QueryTimeoutError(f"query stopped after {_WALK_TIMEOUT_MS / 1000:g} s") from exc
            raise QueryRejectedError(message) from exc
        return rows

    def counts(self) -> StoreCounts:
        nodes, edges = {}, {}
        for label in NodeType:
            _, rows, _ = self._run(f"MATCH (n:{label.value}) RETURN count(n)", {}, 60.0, 1)
            if rows[0][0]:
                nodes[label.value] = int(rows[0][0])
        for etype in EdgeType:
            _, rows, _ = self._run(f"MATCH ()-[r:{etype.value}]->() RETURN count(r)", {}, 60.0, 1)
            if rows[0][0]:
                edges[etype.value] = int(rows[0][0])
        return StoreCounts(nodes=nodes, edges=edges)

    def close(self) -> None:
        with self._lock:
            for conn in self._conns:
                conn.close()
            if self._db is not None:
                self._db.close()
            self._conns, self._db = [], None
            self._generation += 1
