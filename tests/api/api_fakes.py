"""A small in-test GraphService stand-in (imported by conftest and tests as ``api_fakes``), so the HTTP layer is tested without building a graph.

The fake returns the real service models (closed, ``extra="forbid"``) filled with real-looking
Vietnamese records, raises the real exceptions, and answers SPARQL from an in-memory pyoxigraph
store, so routing, validation, problem responses and content negotiation are exercised for real.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from dirgraph.core.errors import NotFoundError, QueryRejectedError, QueryTimeoutError, StoreError
from dirgraph.core.text import fold_key
from dirgraph.graph.service_models import (
    AgencyDetail,
    AgencyRole,
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
    IngestFailure,
    IngestReport,
    LocalityRef,
    Page,
    QueryResult,
    Quote,
    RelationView,
    ResponsibilityRow,
    ResponsibleAgency,
    SearchResults,
    SparqlResult,
    TaskDetail,
    TaskSummary,
)

TOKEN = "t0k-en-for-tests"

CENTRAL = DocumentSummary(
    id="doc-57-nq-tw-2024", kind="resolution", number="57-NQ/TW", date="2024-12-22",
    title="Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    issuer_id="agency-bo-chinh-tri", issuer_name="Bộ Chính trị", level="central",
)
PLAN = DocumentSummary(
    id="doc-45-kh-ubnd-2025", kind="plan", number="45/KH-UBND", date="2025-02-10",
    title="Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn thành phố Hải Phòng",
    issuer_id="agency-uy-ban-nhan-dan--hai-phong", issuer_name="Ủy ban nhân dân",
    locality_id="loc-hai-phong", locality_name="Hải Phòng", level="province",
)
SO_GD = AgencySummary(
    id="agency-so-giao-duc-va-dao-tao--hai-phong", name="Sở Giáo dục và Đào tạo",
    locality_id="loc-hai-phong", locality_name="Hải Phòng", level="province", task_count=1,
)
UBND = AgencySummary(
    id="agency-uy-ban-nhan-dan--hai-phong", name="Ủy ban nhân dân",
    locality_id="loc-hai-phong", locality_name="Hải Phòng", level="province", task_count=0,
)
TASK = TaskSummary(
    id="task-doc-45-kh-ubnd-2025-ii-1-a", local_id="II.1.a", document_id=PLAN.id,
    text="Triển khai nền tảng học tập số cho các trường trung học phổ thông.",
    deadline_kind="by", deadline_value="Quý IV/2025", deadline_date="2025-12-31",
    agencies=[AgencyRole(agency_id=SO_GD.id, agency_name=SO_GD.name, locality_name="Hải Phòng", role="leads")],
)
QUOTE = Quote(document=PLAN.id, file="45-kh-ubnd.docx", start=10, end=80,
              quote="Sở Giáo dục và Đào tạo chủ trì triển khai nền tảng học tập số …")

EX = "https://dirgraph.org/"
SPARQL_DATA = f"""
<{EX}doc/doc-45-kh-ubnd-2025> <http://data.europa.eu/eli/ontology#title> "{PLAN.title}" .
<{EX}doc/doc-45-kh-ubnd-2025> <http://data.europa.eu/eli/ontology#ensures_implementation_of> <{EX}doc/doc-57-nq-tw-2024> .
<{EX}doc/doc-57-nq-tw-2024> <http://data.europa.eu/eli/ontology#title> "{CENTRAL.title}" .
"""


class FakeService:
    """Answers like GraphService for two documents, two agencies and one task."""

    def __init__(self) -> None:
        self.store = ox.Store()
        self.store.load(SPARQL_DATA.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        self.ingested: list[Path] = []
        self.cypher_calls: list[tuple[str, dict[str, Any] | None, float, int]] = []
        self.closed = False

    def close(self) -> None:
        self.closed = True

    # --- documents
    def _doc(self, doc_id: str) -> DocumentSummary:
        if doc_id == "doc-driver-bug":
            raise RuntimeError("Segmentation details\nTraceback (most recent call last): internal")
        if doc_id == "doc-store-locked":
            raise StoreError("/srv/.dirgraph/stores/ladybug: database is locked by another process")
        for doc in (CENTRAL, PLAN):
            if doc.id == doc_id:
                return doc
        raise NotFoundError(f"no document with id {doc_id!r}")

    def list_documents(self, kind: str | None = None, locality: str | None = None, level: str | None = None,
                       date_from: str | None = None, date_to: str | None = None, q: str | None = None,
                       offset: int = 0, limit: int = 50) -> Page[DocumentSummary]:
        docs = [
            d for d in (CENTRAL, PLAN)
            if (kind is None or d.kind == kind) and (level is None or d.level == level)
            and (locality is None or fold_key(locality) in fold_key(d.locality_name))
            and (date_from is None or (d.date or "") >= date_from) and (date_to is None or (d.date or "") <= date_to)
            and (q is None or fold_key(q) in fold_key(f"{d.number} {d.title}"))
        ]
        return Page[DocumentSummary](items=docs[offset: offset + limit], total=len(docs), offset=offset, limit=limit)

    def get_document(self, doc_id: str) -> DocumentDetail:
        doc = self._doc(doc_id)
        rel_out = [RelationView(type="implements", direction="out", other=CENTRAL, quotes=[QUOTE])] if doc is PLAN else []
        rel_in = [RelationView(type="implements", direction="in", other=PLAN, quotes=[QUOTE])] if doc is CENTRAL else []
        return DocumentDetail(**doc.model_dump(), relations_out=rel_out, relations_in=rel_in,
                              task_count=1 if doc is PLAN else 0)

    def chain_up(self, doc_id: str) -> list[ChainHop]:
        doc = self._doc(doc_id)
        if doc is CENTRAL:
            return []
        return [ChainHop(source=PLAN.id, source_number=PLAN.number, relation="implements", target=CENTRAL.id,
                         target_number=CENTRAL.number, target_title=CENTRAL.title, target_kind="resolution",
                         target_level="central", quote=QUOTE.quote, depth=1)]

    def cascade(self, doc_id: str) -> list[CascadeRow]:
        doc = self._doc(doc_id)
        if doc is PLAN:
            return []
        return [CascadeRow(id=PLAN.id, number=PLAN.number, title=PLAN.title, kind="plan", date=PLAN.date, depth=1,
                           level="province", locality_id="loc-hai-phong", locality_name="Hải Phòng",
                           issuer_name="Ủy ban nhân dân", parent=CENTRAL.id, relation="implements")]

    def document_tasks(self, doc_id: str) -> list[TaskSummary]:
        return [TASK] if self._doc(doc_id) is PLAN else []

    def responsibility_matrix(self, doc_id: str) -> list[ResponsibilityRow]:
        if self._doc(doc_id) is not PLAN:
            return []
        return [ResponsibilityRow(task_id=TASK.id, task_local_id=TASK.local_id, task_text=TASK.text,
                                  agency_id=SO_GD.id, agency_name=SO_GD.name, locality_name="Hải Phòng",
                                  role="leads", deadline_value="Quý IV/2025", quote=QUOTE.quote)]

    def coverage(self, doc_id: str, level: str = "province", map: str = "post2025") -> Coverage:
        doc = self._doc(doc_id)
        return Coverage(
            document_id=doc.id, document_date=doc.date, level=level, map=map,
            covered=[CoveredLocality(locality_id="loc-hai-phong", name="Hải Phòng", documents=[
                CoverageDocument(id=PLAN.id, number=PLAN.number, title=PLAN.title, date=PLAN.date, lag_days=50)])],
            missing=[LocalityRef(locality_id="loc-nghe-an", name="Nghệ An")], total=2,
        )

    # --- agencies, tasks, search
    def search_agencies(self, q: str, limit: int = 20) -> list[AgencySummary]:
        words = fold_key(q).split()
        return [a for a in (SO_GD, UBND) if all(w in fold_key(f"{a.name} {a.locality_name}") for w in words)][:limit]

    def get_agency(self, agency_id: str) -> AgencyDetail:
        for agency in (SO_GD, UBND):
            if agency.id == agency_id:
                tasks = [AgencyTaskRow(task_id=TASK.id, local_id=TASK.local_id, text=TASK.text, document_id=PLAN.id,
                                       document_title=PLAN.title, role="leads", deadline_kind="by",
                                       deadline_value="Quý IV/2025", deadline_date="2025-12-31")] if agency is SO_GD else []
                return AgencyDetail(**agency.model_dump(), tasks=tasks,
                                    reports_to=[UBND] if agency is SO_GD else [])
        raise NotFoundError(f"no agency with id {agency_id!r}")

    def get_task(self, task_id: str) -> TaskDetail:
        if task_id != TASK.id:
            raise NotFoundError(f"no task with id {task_id!r}")
        return TaskDetail(**TASK.model_dump(), document=PLAN, responsible=[
            ResponsibleAgency(agency_id=SO_GD.id, agency_name=SO_GD.name, role="leads", parent_agency_id=UBND.id,
                              parent_agency_name=UBND.name, locality_name="Hải Phòng", quotes=[QUOTE])],
            quotes=[QUOTE])

    def deadlines(self, date_from: str | None = None, date_to: str | None = None) -> list[DeadlineRow]:
        if (date_from and date_from > "2025-12-31") or (date_to and date_to < "2025-12-31"):
            return []
        return [DeadlineRow(task_id=TASK.id, local_id=TASK.local_id, text=TASK.text, document_id=PLAN.id,
                            deadline_kind="by", deadline_value="Quý IV/2025", deadline_date="2025-12-31",
                            locality_name="Hải Phòng", lead_agencies=[SO_GD.name])]

    def deadline_page(self, date_from: str | None = None, date_to: str | None = None,
                      offset: int = 0, limit: int = 1000) -> Page[DeadlineRow]:
        rows = self.deadlines(date_from, date_to)
        return Page(items=rows[offset:offset + limit], total=len(rows), offset=offset, limit=limit)

    def search(self, q: str, limit: int = 20) -> SearchResults:
        key = fold_key(q)
        return SearchResults(
            documents=[d for d in (CENTRAL, PLAN) if key in fold_key(f"{d.number} {d.title}")][:limit],
            agencies=self.search_agencies(q, limit),
            tasks=[TASK] if key in fold_key(TASK.text) else [],
        )

    def stats(self) -> GraphStats:
        return GraphStats(nodes={"Document": 2, "Agency": 2, "Task": 1}, edges={"IMPLEMENTS": 1},
                          documents_by_kind={"resolution": 1, "plan": 1}, records=1)

    # --- writes and raw queries
    def ingest_paths(self, paths: list[Path], workers: int | None = None) -> IngestReport:
        self.ingested.extend(paths)
        read, failed = [], []
        for path in paths:
            text = path.read_bytes()
            if b"\x00" in text:
                failed.append(IngestFailure(source=str(path), reason="binary file, not a document"))
            else:
                read.append(str(path))
        return IngestReport(read=read, failed=failed, facts={"tasks": len(read)}, nodes=3, edges=2)

    def cypher(self, query: str, parameters: dict[str, Any] | None = None, timeout_s: float = 10.0,
               row_cap: int = 10_000) -> QueryResult:
        self.cypher_calls.append((query, parameters, timeout_s, row_cap))
        if "[*]" in query:  # a store that honours its deadline
            time.sleep(timeout_s)
            raise QueryTimeoutError(f"Cypher query stopped after {timeout_s:g} s")
        if "HANG" in query:  # a store that does not: the API's own deadline must answer
            time.sleep(timeout_s * 4)
        if "syntax" in query:
            raise QueryRejectedError("Cypher syntax error: Parser exception: extraneous input")
        rows: list[list[Any]] = [[d.id, d.number] for d in (CENTRAL, PLAN)]
        return QueryResult(columns=["d.id", "d.number"], rows=rows[:row_cap], truncated=len(rows) > row_cap)

    def sparql(self, query: str, timeout_s: float = 10.0, accept: str | None = None) -> SparqlResult:
        result = self.store.query(query)
        if isinstance(result, ox.QueryBoolean):
            return SparqlResult(kind="boolean", media_type="application/sparql-results+json", boolean=bool(result),
                                serialized=result.serialize(format=ox.QueryResultsFormat.JSON).decode())
        if isinstance(result, ox.QuerySolutions):
            return SparqlResult(kind="solutions", media_type="application/sparql-results+json",
                                serialized=result.serialize(format=ox.QueryResultsFormat.JSON).decode())
        return SparqlResult(kind="graph", media_type="application/n-triples",
                            serialized=result.serialize(format=ox.RdfFormat.N_TRIPLES).decode())


DEMO = Path(__file__).resolve().parents[2] / "demo"
DEMO_SUFFIXES = {".md", ".txt", ".docx", ".pdf", ".html"}


def demo_files() -> list[Path]:
    """The bundled demo corpus (a Politburo conclusion cascading into Hải Phòng and Nghệ An plans)."""
    return sorted(p for p in DEMO.iterdir() if p.suffix in DEMO_SUFFIXES and p.name != "README.md")
