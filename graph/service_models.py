"""Return values of :class:`dirgraph.graph.service.GraphService`: the shapes the API, viz and CLI see.

Closed models (``extra="forbid"``) so a field added on one side and not the other fails loudly.
Column names of the seven analyst queries match ``graph/queries/__init__.py`` and the SPARQL
versions, so a row from either backend validates into the same model.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_Out):
    """Where a fact was stated: the stating document, file, span and sentence."""

    document: str
    file: str
    start: int | None = None
    end: int | None = None
    quote: str = ""


class IngestFailure(_Out):
    source: str
    reason: str


class IngestReport(_Out):
    """What an ingest did: files newly read, unchanged, failed (one-line reason each), facts now stored."""

    read: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    failed: list[IngestFailure] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    facts: dict[str, int] = Field(default_factory=dict)  # facts in the newly read records, by group
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0


class GraphStats(_Out):
    nodes: dict[str, int] = Field(default_factory=dict)
    edges: dict[str, int] = Field(default_factory=dict)
    documents_by_kind: dict[str, int] = Field(default_factory=dict)
    documents_by_level: dict[str, int] = Field(default_factory=dict)
    placeholders: int = 0
    records: int = 0


class Page(_Out, Generic[T]):
    items: list[T]
    total: int
    offset: int = 0
    limit: int = 50


class DocumentSummary(_Out):
    id: str
    kind: str
    number: str | None = None
    date: str | None = None
    title: str | None = None
    issuer_id: str | None = None
    issuer_name: str | None = None
    locality_id: str | None = None
    locality_name: str | None = None
    level: str | None = None
    placeholder: bool = False


class RelationView(_Out):
    """One document relation seen from a document: ``direction`` out (it → other) or in (other → it)."""

    type: str
    direction: Literal["out", "in"]
    other: DocumentSummary
    quotes: list[Quote] = Field(default_factory=list)


class DocumentDetail(DocumentSummary):
    signer_name: str | None = None
    signer_position: str | None = None
    source: str | None = None
    sha256: str | None = None
    aliases: list[str] = Field(default_factory=list)
    relations_out: list[RelationView] = Field(default_factory=list)
    relations_in: list[RelationView] = Field(default_factory=list)
    task_count: int = 0
    target_count: int = 0


class ChainHop(_Out):
    """Query 1 (chain up): one hop of the path from a document up to the directives it implements."""

    source: str
    source_number: str | None = None
    relation: str
    target: str
    target_number: str | None = None
    target_title: str | None = None
    target_kind: str | None = None
    target_level: str | None = None
    quote: str = ""
    depth: int


class CascadeRow(_Out):
    """Query 2 (cascade down): a document that transitively implements the root."""

    id: str
    number: str | None = None
    title: str | None = None
    kind: str
    date: str | None = None
    depth: int
    level: str | None = None
    locality_id: str | None = None
    locality_name: str | None = None
    issuer_name: str | None = None
    parent: str  # the document it implements one hop up
    relation: str
    placeholder: bool = False


class AgencyRole(_Out):
    agency_id: str
    agency_name: str
    locality_name: str | None = None
    role: str


class TaskSummary(_Out):
    id: str
    local_id: str
    text: str
    document_id: str
    deadline_kind: str | None = None
    deadline_value: str | None = None
    deadline_date: str | None = None
    parent_id: str | None = None
    section: str | None = None
    agencies: list[AgencyRole] = Field(default_factory=list)


class ResponsibilityRow(_Out):
    """One cell of the tasks × agencies matrix (task may be ``SELF``: the document as a whole)."""

    task_id: str
    task_local_id: str
    task_text: str
    agency_id: str
    agency_name: str
    locality_name: str | None = None
    role: str
    deadline_value: str | None = None
    quote: str = ""


class CoverageDocument(_Out):
    id: str
    number: str | None = None
    title: str | None = None
    date: str | None = None
    lag_days: int | None = None


class CoveredLocality(_Out):
    locality_id: str
    name: str
    documents: list[CoverageDocument] = Field(default_factory=list)


class LocalityRef(_Out):
    locality_id: str
    name: str


class Coverage(_Out):
    """Query 5: which localities of a level have a document implementing the directive (transitively)."""

    document_id: str
    document_date: str | None = None
    level: str
    map: str
    covered: list[CoveredLocality] = Field(default_factory=list)
    missing: list[LocalityRef] = Field(default_factory=list)
    total: int = 0


class AgencySummary(_Out):
    id: str
    name: str
    locality_id: str | None = None
    locality_name: str | None = None
    level: str | None = None
    task_count: int = 0


class AgencyTaskRow(_Out):
    """Query 4 row: a task of an agency with its role and deadline."""

    task_id: str
    local_id: str
    text: str
    document_id: str
    document_title: str | None = None
    role: str
    deadline_kind: str | None = None
    deadline_value: str | None = None
    deadline_date: str | None = None


class AgencyDetail(AgencySummary):
    tasks: list[AgencyTaskRow] = Field(default_factory=list)
    reports_to: list[AgencySummary] = Field(default_factory=list)
    coordinates_with: list[AgencySummary] = Field(default_factory=list)
    part_of: list[AgencySummary] = Field(default_factory=list)
    parts: list[AgencySummary] = Field(default_factory=list)
    documents_issued: list[DocumentSummary] = Field(default_factory=list)


class ResponsibleAgency(_Out):
    """Query 3 row: an agency responsible for a task, by role, with its parent agency and locality."""

    agency_id: str
    agency_name: str
    role: str
    parent_agency_id: str | None = None
    parent_agency_name: str | None = None
    locality_name: str | None = None
    quotes: list[Quote] = Field(default_factory=list)


class TargetView(_Out):
    id: str
    text: str
    value: str | None = None
    unit: str | None = None
    year: int | None = None


class TaskDetail(TaskSummary):
    document: DocumentSummary
    subtasks: list[TaskSummary] = Field(default_factory=list)
    responsible: list[ResponsibleAgency] = Field(default_factory=list)
    targets: list[TargetView] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


class DeadlineRow(_Out):
    """Query 6: a task with a dated deadline inside the window."""

    task_id: str
    local_id: str
    text: str
    document_id: str
    document_title: str | None = None
    deadline_kind: str | None = None
    deadline_value: str | None = None
    deadline_date: str | None = None
    locality_name: str | None = None
    lead_agencies: list[str] = Field(default_factory=list)


class AgencyEdge(_Out):
    """Query 7: an agency-to-agency edge within a locality (coordination, reporting, part-of)."""

    source_id: str
    source_name: str
    target_id: str
    target_name: str
    type: str
    weight: int = 1
    quotes: list[str] = Field(default_factory=list)


class SearchResults(_Out):
    documents: list[DocumentSummary] = Field(default_factory=list)
    agencies: list[AgencySummary] = Field(default_factory=list)
    tasks: list[TaskSummary] = Field(default_factory=list)


class QueryResult(_Out):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False


class SparqlResult(_Out):
    """A SPARQL answer: ``serialized`` is pyoxigraph's serialization in ``media_type`` (for the protocol endpoint)."""

    kind: Literal["solutions", "boolean", "graph"]
    media_type: str
    serialized: str
    columns: list[str] = Field(default_factory=list)
    rows: list[list[str | None]] = Field(default_factory=list)
    boolean: bool | None = None
