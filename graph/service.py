"""GraphService: the one facade over the workspace and its stores (the API, viz and CLI use it).

Writes go through the workspace (records are the truth) and then rebuild every store; reads use
a compact in-memory view of the resolved graph for look-ups (including the one-hop chain-up and
task/agency role rows of the detail pages, see :mod:`dirgraph.graph.service_lookups`) and the
configured backend (Ladybug by default) for the traversals (cascade, coverage, deadlines,
coordination), so the same answers come from Cypher, SPARQL or Python. A read notices a
newer graph written by another process (``graph.json`` changed) and reopens its handles.
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from collections.abc import Callable
from datetime import date as Date
from pathlib import Path
from typing import Any

import networkx as nx

from dirgraph.core.errors import DirgraphError, NotFoundError, QueryRejectedError, StoreError
from dirgraph.graph import service_lookups
from dirgraph.graph.model import AgencyNode, DocumentNode, EdgeType, Graph, TaskNode
from dirgraph.graph.places import localities_of_level
from dirgraph.graph.queries import QueryName
from dirgraph.graph.resolve import canonical_number, number_key
from dirgraph.graph.service_load import load_view
from dirgraph.graph.service_models import (
    AgencyDetail,
    AgencyEdge,
    AgencySummary,
    AgencyTaskRow,
    CascadeRow,
    ChainHop,
    Coverage,
    CoverageDocument,
    CoveredLocality,
    DeadlineRow,
    DocumentDetail,
    DocumentSummary,
    GraphStats,
    IngestReport,
    LocalityRef,
    Page,
    QueryResult,
    ResponsibilityRow,
    ResponsibleAgency,
    SearchResults,
    SparqlResult,
    TargetView,
    TaskDetail,
    TaskSummary,
)
from dirgraph.graph.service_views import ROLE_OF_EDGE, GraphView, doc_summary, expand_query, quotes
from dirgraph.graph.stores import GraphStore, open_store, store_class, store_names
from dirgraph.graph.stores.concurrent_load import load_concurrently
from dirgraph.graph.stores.networkx_store import NetworkxStore
from dirgraph.graph.stores.protocol import Capability
from dirgraph.graph.subgraph import neighbourhood
from dirgraph.graph.workspace import Progress, Workspace

DEFAULT_HOME = Path(".dirgraph")
# Stores rebuilt on every ingest (when registered and importable), besides the configured backend.
PROJECTED_STORES = ("ladybug", "oxigraph")
LEVELS = ("province", "district", "commune")
MAPS = ("pre2025", "post2025")
_LEVEL_ORDER = {"central": 0, "province": 1, "department": 2, "district": 3, "commune": 4}


def default_home() -> Path:
    """``$DIRGRAPH_HOME`` or ``./.dirgraph`` (read when called, never at import)."""
    env = os.environ.get("DIRGRAPH_HOME")
    return Path(env) if env else DEFAULT_HOME


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return (Date.fromisoformat(b) - Date.fromisoformat(a)).days if a and b else None  # type: ignore[arg-type]
    except ValueError:
        return None


class GraphService:
    """The contract in one class; every return value is a closed pydantic model."""

    def __init__(self, home: Path, backend: str = "ladybug") -> None:
        if backend not in store_names():
            raise StoreError(f"unknown backend {backend!r} (known: {', '.join(store_names())})")
        self.home = Path(home)
        self.backend = backend
        self.ws = Workspace(self.home)
        self._view: GraphView | None = None
        self._stamp: float | None = None
        self._stores: dict[str, GraphStore] = {}
        self._nx: nx.MultiDiGraph | None = None
        # The API answers from a thread pool: refreshing the view and opening stores must happen
        # once, not in every thread at the same time (concurrent reopen crashed ladybug under load).
        self._state_lock = threading.RLock()

    @classmethod
    def open(cls, home: Path | None = None, backend: str = "ladybug") -> GraphService:
        return cls(home or default_home(), backend)

    def close(self) -> None:
        with self._state_lock:
            for store in self._stores.values():
                store.close()
            self._stores.clear()

    def __enter__(self) -> GraphService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- state -------------------------------------------------------------------------------
    def _graph_stamp(self) -> float | None:
        try:
            return self.ws.graph_path.stat().st_mtime_ns / 1e9
        except FileNotFoundError:
            return None

    @property
    def view(self) -> GraphView:
        stamp = self._graph_stamp()
        view = self._view
        if view is not None and stamp == self._stamp:
            return view
        with self._state_lock:
            stamp = self._graph_stamp()
            if self._view is None or stamp != self._stamp:
                self.close()
                self._nx = None
                if stamp is not None:  # entry by entry: never the whole pydantic Graph in this process
                    view = load_view(self.ws.graph_path)
                else:
                    view = GraphView(self.ws.load_graph() if self.ws.manifest_path.exists() else Graph())
                self._view, self._stamp = view, self._graph_stamp()
            return self._view

    def view_is_current(self) -> bool:
        """True when :attr:`view` answers without (re)loading the graph: the API then runs a
        look-up on its event loop instead of paying a worker-thread hop for sub-millisecond work."""
        return self._view is not None and self._graph_stamp() == self._stamp

    def _store_path(self, name: str) -> Path:
        module = importlib.import_module(store_class(name).__module__)
        custom: Callable[[Path], Path] | None = getattr(module, "store_dir", None)
        return custom(self.home) if custom else self.home / "stores" / name

    def _store(self, name: str | None = None) -> GraphStore:
        name = name or self.backend
        view = self.view  # refreshes handles when the graph changed
        store = self._stores.get(name)
        if store is not None:
            return store
        with self._state_lock:
            if name not in self._stores:
                store = open_store(name, self._store_path(name))
                if Capability.PERSISTENT not in store.capabilities or not self._store_path(name).exists():
                    store.load(view.graph)
                self._stores[name] = store
            return self._stores[name]

    def _named(self, name: QueryName, **params: Any) -> list[dict[str, Any]]:
        store = self._store()
        if Capability.NAMED not in store.capabilities:
            store = self._store("networkx")
        result = store.named(name, params)
        return [dict(zip(result.columns, row, strict=True)) for row in result.rows]

    # -- writes ------------------------------------------------------------------------------
    def ingest_paths(self, paths: list[Path], workers: int | None = None,
                     progress: Progress | None = None) -> IngestReport:
        started = time.perf_counter()
        report = self.ws.ingest(paths, workers=workers, progress=progress)
        if report.read or not self.ws.graph_path.exists():
            self.rebuild()
        view = self.view
        report.nodes, report.edges = len(view.nodes), len(view.edges)
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def remove_document(self, source: str) -> list[str]:
        """Forget a source file (path, file name, or the id of an ingested document); rebuilds."""
        node = self.view.nodes.get(source)
        if isinstance(node, DocumentNode) and node.source:
            source = node.source
        removed = self.ws.remove(source)
        self.rebuild()
        return removed

    def rebuild(self) -> None:
        """Re-resolve every record and reload every projected store (concurrently: see concurrent_load)."""
        self.close()
        graph = self.ws.build_graph(save=False)  # saved last: readers reopen once every store is ready
        names = [n for n in dict.fromkeys((self.backend, *PROJECTED_STORES)) if n in store_names()]
        stores = []
        for name in names:
            try:
                stores.append(open_store(name, self._store_path(name)))
            except StoreError:
                if name == self.backend:
                    raise
        staged = self.ws.stage_graph_file()  # written beside the loads, published after them
        try:
            load_concurrently(graph, [*stores, staged])  # the backend first: its failure is the one raised
        except BaseException:
            staged.discard()
            raise
        finally:
            for store in stores:
                store.close()
        staged.publish()
        # Keep the graph just built as the view: re-reading graph.json would parse it all again
        # (~30 s and a second whole-graph copy at 10^5 documents).
        with self._state_lock:
            self.close()
            self._nx = None
            self._view, self._stamp = GraphView(graph), self._graph_stamp()

    # -- reads -------------------------------------------------------------------------------
    def stats(self) -> GraphStats:
        g = self.view
        docs = g.documents
        by_kind: dict[str, int] = {}
        by_level: dict[str, int] = {}
        for d in docs:
            by_kind[d.kind.value] = by_kind.get(d.kind.value, 0) + 1
            level = d.level.value if d.level else "unknown"
            by_level[level] = by_level.get(level, 0) + 1
        return GraphStats(nodes=g.node_counts(), edges=g.edge_counts(), documents_by_kind=by_kind,
                          documents_by_level=by_level, placeholders=sum(d.placeholder for d in docs),
                          records=len(set(self.ws.manifest().values())))

    def list_documents(self, kind: str | None = None, locality: str | None = None, level: str | None = None,
                       date_from: str | None = None, date_to: str | None = None, q: str | None = None,
                       offset: int = 0, limit: int = 50) -> Page[DocumentSummary]:
        view = self.view
        places: set[str] | None = None
        if locality:
            places = set()
            for loc in view.localities_named(locality):
                places |= view.below(loc.id)
        found = []
        for n in (view.hits(q, DocumentNode) if q else view.documents):
            if kind and kind.lower() not in (n.kind.value.lower(), n.kind.record_kind):
                continue
            if level and (n.level is None or n.level.value != level):
                continue
            if places is not None and n.locality_id not in places:
                continue
            if date_from and (not n.date or n.date < date_from):
                continue
            if date_to and (not n.date or n.date > date_to):
                continue
            found.append(n)
        found.sort(key=lambda n: n.id)
        found.sort(key=lambda n: n.date or "", reverse=True)  # newest first, undated last
        found.sort(key=lambda n: n.placeholder)  # ingested documents before placeholders
        items = [doc_summary(n) for n in found[offset: offset + limit]]
        return Page[DocumentSummary](items=items, total=len(found), offset=offset, limit=limit)

    def resolve_document(self, ref: str) -> str:
        """Id of the document ``ref`` names: an id, or a printed number (ingested documents first)."""
        view = self.view
        if isinstance(view.nodes.get(ref), DocumentNode):
            return ref
        wanted = number_key(canonical_number(ref) or ref)
        hits = [n for n in view.documents if n.number and number_key(n.number) == wanted]
        if not hits:
            raise NotFoundError(f"no document numbered or identified {ref!r} in the graph")
        return min(hits, key=lambda n: (n.placeholder, -(n.year or 0), n.id)).id

    def get_document(self, doc_id: str) -> DocumentDetail:
        view = self.view
        node = view.document(doc_id)
        signer = next((view.nodes[e.target] for e in view.out_of(doc_id, EdgeType.SIGNED_BY)), None)
        return DocumentDetail(
            **doc_summary(node).model_dump(),
            signer_name=getattr(signer, "name", None), signer_position=getattr(signer, "position", None),
            source=node.source, sha256=node.sha256, aliases=node.aliases,
            relations_out=view.relations(doc_id, "out"), relations_in=view.relations(doc_id, "in"),
            task_count=len(view.out_of(doc_id, EdgeType.HAS_TASK)),
            target_count=len(view.out_of(doc_id, EdgeType.HAS_TARGET)),
        )

    def chain_up(self, doc_id: str) -> list[ChainHop]:
        view = self.view
        view.document(doc_id)
        rows = service_lookups.chain_up(view, doc_id)  # one-hop look-ups come from memory, not the store
        hops = [ChainHop(**{**r, "quote": r["quote"] or ""}) for r in rows]
        return sorted(hops, key=lambda h: (h.depth, h.source, h.target))

    def cascade(self, doc_id: str) -> list[CascadeRow]:
        self.view.document(doc_id)
        rows = [CascadeRow(**r) for r in self._named(QueryName.CASCADE, id=doc_id)]
        return sorted(rows, key=lambda r: (r.depth, _LEVEL_ORDER.get(r.level or "", 9), r.locality_name or "",
                                           r.id))

    def document_tasks(self, doc_id: str) -> list[TaskSummary]:
        view = self.view
        view.document(doc_id)
        tasks = [view.nodes[e.target] for e in view.out_of(doc_id, EdgeType.HAS_TASK)]
        return [view.task_summary(t) for t in tasks if isinstance(t, TaskNode)]

    def responsibility_matrix(self, doc_id: str) -> list[ResponsibilityRow]:
        view = self.view
        doc = view.document(doc_id)
        rows = []
        owners = [(doc_id, "SELF", doc.title or doc.id, None)] + [
            (t.id, t.local_id, t.text, t.deadline_value)
            for e in view.out_of(doc_id, EdgeType.HAS_TASK)
            if isinstance(t := view.nodes[e.target], TaskNode)]
        for owner, local, text, deadline in owners:
            for e in view.into_of(owner, *ROLE_OF_EDGE):
                agency = view.nodes[e.source]
                if isinstance(agency, AgencyNode):
                    rows.append(ResponsibilityRow(
                        task_id=owner, task_local_id=local, task_text=text, agency_id=agency.id,
                        agency_name=agency.name, locality_name=agency.locality_name, role=ROLE_OF_EDGE[e.type],
                        deadline_value=deadline, quote=next((p.quote for p in e.provenances if p.quote), "")))
        return rows

    def coverage(self, doc_id: str, level: str = "province", map: str = "post2025") -> Coverage:
        root = self.view.document(doc_id)
        if level not in LEVELS:
            raise QueryRejectedError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
        if map not in MAPS:
            raise QueryRejectedError(f"map must be pre2025 or post2025, not {map!r}")
        if level == "district" and map == "post2025":
            raise QueryRejectedError("there are no districts on the post-2025 map: use --map pre2025")
        covered: dict[str, CoveredLocality] = {}
        for r in self._named(QueryName.COVERAGE, id=doc_id, level=level, era=map):
            loc = covered.setdefault(r["locality_id"], CoveredLocality(locality_id=r["locality_id"],
                                                                       name=r["locality_name"]))
            loc.documents.append(CoverageDocument(id=r["document_id"], number=r["document_number"],
                                                  title=r["document_title"], date=r["document_date"],
                                                  lag_days=_days(root.date, r["document_date"])))
        scope: set[str] | None = None
        if level != "province":
            nodes = self.view.nodes
            scope = {getattr(nodes.get(c), "province", None) or "" for c in covered}
            if root.locality_id:
                scope.add(getattr(nodes.get(root.locality_id), "province", None) or "")
            scope.discard("")
        missing = [LocalityRef(locality_id=i, name=n) for i, n in localities_of_level(level, map, scope)
                   if i not in covered]
        return Coverage(document_id=doc_id, document_date=root.date, level=level, map=map,
                        covered=sorted(covered.values(), key=lambda c: c.name), missing=missing,
                        total=len(covered) + len(missing))

    def search_agencies(self, q: str, limit: int = 20) -> list[AgencySummary]:
        view = self.view
        hits = view.hits(q, AgencyNode)
        words = len(expand_query(q).split())
        hits.sort(key=lambda n: (abs(len(view.search_keys[n.id].split()) - words), n.name, n.id))
        return [view.agency_summary(n) for n in hits[:limit]]

    def get_agency(self, agency_id: str) -> AgencyDetail:
        view = self.view
        node = view.agency(agency_id)

        def agencies(ids: list[str]) -> list[AgencySummary]:
            return [view.agency_summary(a) for i in dict.fromkeys(ids)
                    if isinstance(a := view.nodes[i], AgencyNode)]

        cw = [e.target for e in view.out_of(agency_id, EdgeType.COORDINATES_WITH)] + [
            e.source for e in view.into_of(agency_id, EdgeType.COORDINATES_WITH)]
        issued = [view.nodes[e.source] for e in view.into_of(agency_id, EdgeType.ISSUED_BY)]
        return AgencyDetail(
            **view.agency_summary(node).model_dump(),
            tasks=[AgencyTaskRow(**r) for r in service_lookups.agency_tasks(view, agency_id)],
            reports_to=agencies([e.target for e in view.out_of(agency_id, EdgeType.REPORTS_TO)]),
            coordinates_with=agencies(cw),
            part_of=agencies([e.target for e in view.out_of(agency_id, EdgeType.PART_OF)]),
            parts=agencies([e.source for e in view.into_of(agency_id, EdgeType.PART_OF)]),
            documents_issued=[doc_summary(d) for d in issued if isinstance(d, DocumentNode)],
        )

    def get_task(self, task_id: str) -> TaskDetail:
        view = self.view
        node = view.task(task_id)
        role_edges = {(e.source, ROLE_OF_EDGE[e.type]): e for e in view.into_of(task_id, *ROLE_OF_EDGE)}
        responsible = []
        for r in service_lookups.task_agencies(view, task_id):
            edge = role_edges.get((r["agency_id"], r["role"]))
            responsible.append(ResponsibleAgency(
                agency_id=r["agency_id"], agency_name=r["agency_name"], role=r["role"],
                parent_agency_id=r["parent_agency_id"], parent_agency_name=r["parent_agency_name"],
                locality_name=r["locality_name"], quotes=quotes(edge) if edge else []))
        subtasks = [view.nodes[e.source] for e in view.into_of(task_id, EdgeType.SUBTASK_OF)]
        targets = [view.nodes[e.target] for e in view.out_of(task_id, EdgeType.HAS_TARGET)]
        return TaskDetail(
            **view.task_summary(node).model_dump(),
            document=doc_summary(view.document(node.document_id)),
            subtasks=[view.task_summary(t) for t in subtasks if isinstance(t, TaskNode)],
            responsible=responsible,
            targets=[TargetView(id=t.id, text=t.text, value=t.value, unit=t.unit, year=t.year)  # type: ignore[union-attr]
                     for t in targets],
            quotes=[q for e in view.into_of(task_id, EdgeType.HAS_TASK) for q in quotes(e)],
        )

    def deadlines(self, date_from: str | None = None, date_to: str | None = None) -> list[DeadlineRow]:
        """Every task due in the window (the CLI's export); the API pages it with :meth:`deadline_page`."""
        rows = self._deadline_rows(date_from, date_to)
        return [_deadline_row(r) for r in rows]

    def deadline_page(self, date_from: str | None = None, date_to: str | None = None,
                      offset: int = 0, limit: int = 1000) -> Page[DeadlineRow]:
        """One page of :meth:`deadlines`, in the same order, with the window's total.

        A wide window holds ~10^5 tasks at 10^5 documents: only the page becomes response rows.
        """
        rows = self._deadline_rows(date_from, date_to)
        return Page(items=[_deadline_row(r) for r in rows[offset:offset + limit]], total=len(rows),
                    offset=offset, limit=limit)

    def _deadline_rows(self, date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
        return self._named(QueryName.DEADLINES, date_from=date_from or "0000-01-01",
                           date_to=date_to or "9999-12-31")

    def coordination_network(self, locality: str) -> list[AgencyEdge]:
        found = self.view.localities_named(locality)
        if not found:
            raise NotFoundError(f"no locality {locality!r} in the graph")
        rows = self._named(QueryName.COORDINATION, id=found[0].id)
        return [AgencyEdge(**{**r, "weight": int(r["weight"] or 1), "quotes": list(r["quotes"] or [])})
                for r in rows]

    def search(self, q: str, limit: int = 20) -> SearchResults:
        view = self.view
        tasks = view.hits(q, TaskNode)
        return SearchResults(documents=self.list_documents(q=q, limit=limit).items,
                             agencies=self.search_agencies(q, limit),
                             tasks=[view.task_summary(t) for t in tasks[:limit]])

    def cypher(self, query: str, parameters: dict[str, Any] | None = None, timeout_s: float = 10.0,
               row_cap: int = 10_000) -> QueryResult:
        store = self._store()
        if Capability.CYPHER not in store.capabilities:
            store = self._store("ladybug")
        return store.query(query, parameters, timeout_s=timeout_s, row_cap=row_cap)

    def sparql(self, query: str, timeout_s: float = 10.0, accept: str | None = None) -> SparqlResult:
        if "oxigraph" not in store_names():
            raise StoreError("no SPARQL store is registered")
        self.view  # noqa: B018 - builds the stores on first use
        store = self._store("oxigraph")
        run: Callable[..., SparqlResult] | None = getattr(store, "sparql", None)
        if run is None:
            raise StoreError("the SPARQL store cannot answer protocol queries")
        return run(query, timeout_s=timeout_s, accept=accept)

    def subgraph(self, center_id: str, depth: int = 2, node_types: list[str] | None = None,
                 edge_types: list[str] | None = None, locality: str | None = None) -> nx.MultiDiGraph:
        """Neighbourhood of ``center_id`` (edges followed both ways) for the viz layer."""
        view = self.view
        view.node(center_id)
        if self._nx is None:
            store = NetworkxStore()
            store.load(view.graph)
            self._nx = store.graph
        allowed: set[str] | None = None
        if locality:
            allowed = set()
            for loc in view.localities_named(locality):
                allowed |= view.below(loc.id)
        return neighbourhood(self._nx, center_id, depth, node_types, edge_types, allowed)


__all__ = ["DEFAULT_HOME", "DirgraphError", "GraphService", "default_home"]


def _deadline_row(row: dict[str, Any]) -> DeadlineRow:
    return DeadlineRow(**{**row, "lead_agencies": sorted(row["lead_agencies"] or [])})
