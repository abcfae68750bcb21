"""The resolved graph: typed nodes and edges that every store, query and view works from.

Extraction records describe one file each; :mod:`dirgraph.graph.resolve` merges them into one
:class:`Graph`. Nodes carry stable, URL-path-safe ids (``doc-91-kl-tw-2024``,
``agency-so-giao-duc-va-dao-tao--hai-phong``, ``task-<doc>-ii-2-1-a``). An edge is identified by
(type, source, target); when several documents state the same edge it is kept once with every
statement in :attr:`Edge.provenances`, so a query can quote all of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, fields
from enum import Enum, StrEnum
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from dirgraph.core.text import fold_key


class NodeType(StrEnum):
    """Node labels (one table per label in typed stores)."""

    DOCUMENT = "Document"
    AGENCY = "Agency"
    LOCALITY = "Locality"
    TASK = "Task"
    TARGET = "Target"
    PERSON = "Person"


class DocKind(StrEnum):
    """Documents by kind; the value is the display label, :meth:`from_record` maps the record's kind."""

    RESOLUTION = "Resolution"
    CONCLUSION = "Conclusion"
    DIRECTIVE = "Directive"
    PLAN = "Plan"
    PROGRAM = "Program"
    DECISION = "Decision"
    REGULATION = "Regulation"
    GUIDANCE = "Guidance"
    REPORT = "Report"
    DISPATCH = "Dispatch"
    CIRCULAR = "Circular"
    DECREE = "Decree"
    LAW = "Law"
    OTHER = "Other"

    @classmethod
    def from_record(cls, kind: str | None) -> DocKind:
        """``"conclusion"`` (record/SCHEMA.md spelling) -> ``DocKind.CONCLUSION``; unknown -> OTHER."""
        try:
            return cls[(kind or "other").upper()]
        except KeyError:
            return cls.OTHER

    @property
    def record_kind(self) -> str:
        """The lower-case SCHEMA.md spelling (``"conclusion"``)."""
        return self.name.lower()


class EdgeType(StrEnum):
    """Relationship types. Endpoints per type are in :data:`EDGE_ENDPOINTS`."""

    IMPLEMENTS = "IMPLEMENTS"
    CONTINUES = "CONTINUES"
    BASED_ON = "BASED_ON"
    CITES = "CITES"
    ISSUED_BY = "ISSUED_BY"
    SIGNED_BY = "SIGNED_BY"
    HAS_TASK = "HAS_TASK"
    SUBTASK_OF = "SUBTASK_OF"
    LEADS = "LEADS"
    COORDINATES = "COORDINATES"
    IMPLEMENTS_TASK = "IMPLEMENTS_TASK"
    SUPERVISES = "SUPERVISES"
    REPORTS_TO = "REPORTS_TO"
    COORDINATES_WITH = "COORDINATES_WITH"
    PART_OF = "PART_OF"
    LOCATED_IN = "LOCATED_IN"
    WITHIN = "WITHIN"
    MERGED_INTO = "MERGED_INTO"
    HAS_TARGET = "HAS_TARGET"


class Level(StrEnum):
    """Administrative level of a document or agency (from the issuer and its locality)."""

    CENTRAL = "central"
    PROVINCE = "province"
    DEPARTMENT = "department"
    DISTRICT = "district"
    COMMUNE = "commune"


class LocalityLevel(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


class Era(StrEnum):
    """Which administrative map a locality belongs to: before or after the 2025 reorganisation."""

    PRE2025 = "pre2025"
    POST2025 = "post2025"
    BOTH = "both"


# Document-to-document relation types, strongest first (SCHEMA.md: one relation per ordered pair).
DOC_RELATIONS: tuple[EdgeType, ...] = (
    EdgeType.IMPLEMENTS, EdgeType.CONTINUES, EdgeType.BASED_ON, EdgeType.CITES,
)
ROLE_EDGES: dict[str, EdgeType] = {
    "leads": EdgeType.LEADS,
    "coordinates": EdgeType.COORDINATES,
    "implements": EdgeType.IMPLEMENTS_TASK,
    "supervises": EdgeType.SUPERVISES,
}

_D, _A, _L, _T, _G, _P = (NodeType.DOCUMENT, NodeType.AGENCY, NodeType.LOCALITY, NodeType.TASK,
                          NodeType.TARGET, NodeType.PERSON)
# Allowed (source label, target label) pairs per edge type. Role edges may point at a Document:
# an assignment on "SELF" gives the agency a role on the document as a whole.
EDGE_ENDPOINTS: dict[EdgeType, tuple[tuple[NodeType, NodeType], ...]] = {
    EdgeType.IMPLEMENTS: ((_D, _D),),
    EdgeType.CONTINUES: ((_D, _D),),
    EdgeType.BASED_ON: ((_D, _D),),
    EdgeType.CITES: ((_D, _D),),
    EdgeType.ISSUED_BY: ((_D, _A),),
    EdgeType.SIGNED_BY: ((_D, _P),),
    EdgeType.HAS_TASK: ((_D, _T),),
    EdgeType.SUBTASK_OF: ((_T, _T),),
    EdgeType.LEADS: ((_A, _T), (_A, _D)),
    EdgeType.COORDINATES: ((_A, _T), (_A, _D)),
    EdgeType.IMPLEMENTS_TASK: ((_A, _T), (_A, _D)),
    EdgeType.SUPERVISES: ((_A, _T), (_A, _D)),
    EdgeType.REPORTS_TO: ((_A, _A),),
    EdgeType.COORDINATES_WITH: ((_A, _A),),
    EdgeType.PART_OF: ((_A, _A),),
    EdgeType.LOCATED_IN: ((_A, _L), (_D, _L)),
    EdgeType.WITHIN: ((_L, _L),),
    EdgeType.MERGED_INTO: ((_L, _L),),
    EdgeType.HAS_TARGET: ((_D, _G), (_T, _G)),
}


def _plain(value: Any) -> Any:
    """A field value as ``model_dump(mode="json")`` gave it: enums as values, items as dicts."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, _GraphItem):
        return value.as_dict()
    return [_plain(v) for v in value] if isinstance(value, list) else value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The field names of a graph dataclass, in declaration order (computed once per class)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


class _GraphItem:
    """Base of the slotted dataclasses the graph holds by the million (nodes, edges, statements).

    Not pydantic models: an instance of one carries a ``__dict__`` and a fields-set besides its
    fields (~400 bytes more each). Pydantic still validates them inside :class:`Graph` (graph.json
    in) and refuses unknown fields there; built in code they are typed by mypy, not checked at
    run time.
    """

    __slots__ = ()
    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(extra="forbid")

    def as_dict(self) -> dict[str, Any]:
        """Field -> value in declaration order, enums as their values (``model_dump(mode="json")``)."""
        return {name: _plain(getattr(self, name)) for name in field_names(type(self))}


@dataclass(slots=True)
class EdgeProvenance(_GraphItem):
    """One statement of an edge: which document said it, in which file, where, in which words."""

    document: str  # id of the stating document
    file: str
    start: int | None = None
    end: int | None = None
    quote: str = ""

    def as_dict(self) -> dict[str, Any]:
        # written out, not the generic walk: the store loads call it once per statement (millions)
        return {"document": self.document, "file": self.file, "start": self.start, "end": self.end,
                "quote": self.quote}


@dataclass(slots=True, kw_only=True)
class DocumentNode(_GraphItem):
    type: Literal[NodeType.DOCUMENT] = NodeType.DOCUMENT
    id: str
    kind: DocKind = DocKind.OTHER
    number: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    year: int | None = None
    title: str | None = None
    issuer_id: str | None = None
    issuer_name: str | None = None
    locality_id: str | None = None
    locality_name: str | None = None
    level: Level | None = None
    placeholder: bool = True  # referenced only; False once its own file is ingested
    source: str | None = None  # file of an ingested document
    sha256: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class AgencyNode(_GraphItem):
    type: Literal[NodeType.AGENCY] = NodeType.AGENCY
    id: str
    name: str
    locality_name: str | None = None
    locality_id: str | None = None
    level: Level | None = None


@dataclass(slots=True, kw_only=True)
class LocalityNode(_GraphItem):
    type: Literal[NodeType.LOCALITY] = NodeType.LOCALITY
    id: str
    name: str
    level: LocalityLevel | None = None
    era: Era = Era.BOTH
    code: str | None = None
    province: str | None = None  # display name of the province it sits in (itself for a province)


@dataclass(slots=True, kw_only=True)
class TaskNode(_GraphItem):
    type: Literal[NodeType.TASK] = NodeType.TASK
    id: str
    document_id: str
    local_id: str  # the id as printed in the document ("II.2.1.a", "PL.2.6")
    text: str
    deadline_kind: str | None = None  # "by" | "recurring"
    deadline_value: str | None = None  # "2025", "2025-Q3", "annually" …
    deadline_date: str | None = None  # ISO date of the end of a "by" deadline, for sorting/filtering
    parent_local_id: str | None = None
    section: str | None = None


@dataclass(slots=True, kw_only=True)
class TargetNode(_GraphItem):
    type: Literal[NodeType.TARGET] = NodeType.TARGET
    id: str
    text: str
    value: str | None = None
    unit: str | None = None
    year: int | None = None
    document_id: str | None = None


@dataclass(slots=True, kw_only=True)
class PersonNode(_GraphItem):
    type: Literal[NodeType.PERSON] = NodeType.PERSON
    id: str
    name: str
    position: str | None = None


Node = Annotated[
    DocumentNode | AgencyNode | LocalityNode | TaskNode | TargetNode | PersonNode,
    Field(discriminator="type"),
]


@dataclass(slots=True)
class Edge(_GraphItem):
    """(type, source, target) and every statement of it (one per edge, ~4 M at 10^5 documents)."""

    type: EdgeType
    source: str
    target: str
    provenances: list[EdgeProvenance] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type.value, self.source, self.target)

    def quotes(self) -> list[str]:
        return [p.quote for p in self.provenances if p.quote]


class Graph(BaseModel):
    """The one container that crosses the resolve → store boundary."""

    model_config = ConfigDict(extra="forbid")

    nodes: dict[str, Node] = Field(default_factory=dict)
    edges: dict[str, Edge] = Field(default_factory=dict)  # key "TYPE|source|target"
    _statements: set[tuple[str, tuple[object, ...]]] = PrivateAttr(default_factory=set)

    def add_node(self, node: Node) -> Node:
        """Add ``node`` unless its id exists; return the stored node (callers merge fields on it)."""
        existing = self.nodes.get(node.id)
        if existing is None:
            self.nodes[node.id] = node
            return node
        return existing

    def add_edge(self, type_: EdgeType, source: str, target: str,
                 provenance: EdgeProvenance | None = None) -> Edge:
        """Add an edge or, when (type, source, target) exists, append the new provenance to it."""
        key = f"{type_}|{source}|{target}"  # a StrEnum formats as its value (no descriptor call)
        edge = self.edges.get(key)
        if edge is None:
            edge = Edge(type_, source, target)
            self.edges[key] = edge
        if provenance is not None:
            # the private dict directly: ``self._statements`` goes through pydantic's slow __getattr__
            statements: set[tuple[str, tuple[object, ...]]] = self.__pydantic_private__["_statements"]  # type: ignore[index]
            statement = (key, (provenance.document, provenance.file, provenance.start, provenance.end,
                               provenance.quote))
            if statement not in statements:  # a set: edges stated by thousands of files stay O(1)
                if not statements and any(e.provenances for e in self.edges.values()):
                    self._index_statements()
                    if statement in statements:
                        return edge
                statements.add(statement)
                edge.provenances.append(provenance)
        return edge

    def _index_statements(self) -> None:
        """Rebuild the statement set (a graph loaded from JSON has its provenances but not the set)."""
        for k, e in self.edges.items():
            for p in e.provenances:
                self._statements.add((k, (p.document, p.file, p.start, p.end, p.quote)))

    def remove_edge(self, type_: EdgeType, source: str, target: str) -> None:
        self.edges.pop(f"{type_.value}|{source}|{target}", None)

    def nodes_of(self, type_: NodeType) -> list[Node]:
        return [n for n in self.nodes.values() if n.type == type_]

    def edges_of(self, type_: EdgeType) -> list[Edge]:
        return [e for e in self.edges.values() if e.type == type_]

    def node_counts(self) -> dict[str, int]:
        return dict(Counter(n.type.value for n in self.nodes.values()))

    def edge_counts(self) -> dict[str, int]:
        return dict(Counter(e.type.value for e in self.edges.values()))


_SLUG_BAD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=200_000)
def slug(text: str | None) -> str:
    """URL-path-safe slug, diacritics folded: ``"91-KL/TW"`` -> ``"91-kl-tw"``, ``"Sở GD&ĐT"`` -> ``"so-gd-dt"``.

    >>> slug("Ủy ban nhân dân thành phố")
    'uy-ban-nhan-dan-thanh-pho'
    """
    return _SLUG_BAD.sub("-", fold_key(text or "")).strip("-")
