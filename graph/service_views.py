"""Graph → service model conversions and look-ups over the in-memory graph (used by GraphService).

Kept apart from the facade so :mod:`dirgraph.graph.service` reads as the contract it implements.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property, lru_cache

from dirgraph.core.errors import NotFoundError
from dirgraph.core.text import fold_key, norm_key
from dirgraph.graph.model import (
    DOC_RELATIONS,
    ROLE_EDGES,
    AgencyNode,
    DocumentNode,
    Edge,
    EdgeType,
    Graph,
    LocalityNode,
    Node,
    TaskNode,
)
from dirgraph.graph.service_models import (
    AgencyRole,
    AgencySummary,
    DocumentSummary,
    Quote,
    RelationView,
    TaskSummary,
)

ROLE_OF_EDGE: dict[EdgeType, str] = {edge: role for role, edge in ROLE_EDGES.items()}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Folded abbreviation -> folded expansion, from the ingest table ("ubnd" -> "uy ban nhan dan")."""
    try:
        from dirgraph.ingest.agency_tables import abbreviation_rows
    except ImportError:  # pragma: no cover - the table ships with ingest
        return {}
    return {fold_key(a.short): fold_key(a.expansion) for a in abbreviation_rows()
            if not a.context and len(a.short) >= 3}


@lru_cache(maxsize=4096)
def expand_query(q: str) -> str:
    """A search query folded, with known abbreviations spelled out: "UBND Hải Phòng" → "uy ban nhan dan hai phong"."""
    table = _abbreviations()
    return " ".join(table.get(word, word) for word in fold_key(q).split())


def quotes(edge: Edge) -> list[Quote]:
    return [Quote(**p.model_dump()) for p in edge.provenances]


def doc_summary(node: DocumentNode) -> DocumentSummary:
    return DocumentSummary(
        id=node.id, kind=node.kind.value, number=node.number, date=node.date, title=node.title,
        issuer_id=node.issuer_id, issuer_name=node.issuer_name, locality_id=node.locality_id,
        locality_name=node.locality_name, level=node.level.value if node.level else None,
        placeholder=node.placeholder,
    )


class GraphView:
    """Adjacency and search keys over one resolved graph (built once per graph version)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.out: dict[str, list[Edge]] = defaultdict(list)
        self.into: dict[str, list[Edge]] = defaultdict(list)
        for edge in graph.edges.values():
            self.out[edge.source].append(edge)
            self.into[edge.target].append(edge)

    @cached_property
    def documents(self) -> list[DocumentNode]:
        return [n for n in self.graph.nodes.values() if isinstance(n, DocumentNode)]

    @cached_property
    def agencies(self) -> list[AgencyNode]:
        return [n for n in self.graph.nodes.values() if isinstance(n, AgencyNode)]

    @cached_property
    def tasks(self) -> list[TaskNode]:
        return [n for n in self.graph.nodes.values() if isinstance(n, TaskNode)]

    # -- typed look-ups ----------------------------------------------------------------------
    def node(self, node_id: str, kind: type[Node] | None = None, what: str = "node") -> Node:  # type: ignore[valid-type]
        node = self.graph.nodes.get(node_id)
        if node is None or (kind is not None and not isinstance(node, kind)):
            raise NotFoundError(f"no {what} with id {node_id!r}")
        return node

    def document(self, doc_id: str) -> DocumentNode:
        node = self.node(doc_id, DocumentNode, "document")
        assert isinstance(node, DocumentNode)
        return node

    def agency(self, agency_id: str) -> AgencyNode:
        node = self.node(agency_id, AgencyNode, "agency")
        assert isinstance(node, AgencyNode)
        return node

    def task(self, task_id: str) -> TaskNode:
        node = self.node(task_id, TaskNode, "task")
        assert isinstance(node, TaskNode)
        return node

    def out_of(self, node_id: str, *types: EdgeType) -> list[Edge]:
        return [e for e in self.out.get(node_id, []) if not types or e.type in types]

    def into_of(self, node_id: str, *types: EdgeType) -> list[Edge]:
        return [e for e in self.into.get(node_id, []) if not types or e.type in types]

    # -- summaries ---------------------------------------------------------------------------
    def agency_summary(self, node: AgencyNode) -> AgencySummary:
        tasks = {e.target for e in self.out_of(node.id, *ROLE_OF_EDGE)
                 if isinstance(self.graph.nodes.get(e.target), TaskNode)}
        return AgencySummary(id=node.id, name=node.name, locality_id=node.locality_id,
                             locality_name=node.locality_name,
                             level=node.level.value if node.level else None, task_count=len(tasks))

    def task_summary(self, node: TaskNode) -> TaskSummary:
        parent = next((e.target for e in self.out_of(node.id, EdgeType.SUBTASK_OF)), None)
        agencies = []
        for e in self.into_of(node.id, *ROLE_OF_EDGE):
            a = self.graph.nodes[e.source]
            if isinstance(a, AgencyNode):
                agencies.append(AgencyRole(agency_id=a.id, agency_name=a.name, locality_name=a.locality_name,
                                           role=ROLE_OF_EDGE[e.type]))
        return TaskSummary(id=node.id, local_id=node.local_id, text=node.text, document_id=node.document_id,
                           deadline_kind=node.deadline_kind, deadline_value=node.deadline_value,
                           deadline_date=node.deadline_date, parent_id=parent, section=node.section,
                           agencies=agencies)

    def relations(self, doc_id: str, direction: str) -> list[RelationView]:
        edges = self.out_of(doc_id, *DOC_RELATIONS) if direction == "out" else self.into_of(doc_id, *DOC_RELATIONS)
        out = []
        for e in edges:
            other = self.graph.nodes[e.target if direction == "out" else e.source]
            if isinstance(other, DocumentNode):
                out.append(RelationView(type=e.type.value, direction="out" if direction == "out" else "in",
                                        other=doc_summary(other), quotes=quotes(e)))
        return out

    # -- localities --------------------------------------------------------------------------
    def localities_named(self, name_or_id: str) -> list[LocalityNode]:
        """Locality nodes for an id, or a name with or without diacritics (largest unit first)."""
        node = self.graph.nodes.get(name_or_id)
        if isinstance(node, LocalityNode):
            return [node]
        key, fkey = norm_key(name_or_id), fold_key(name_or_id)
        locs = [n for n in self.graph.nodes.values() if isinstance(n, LocalityNode)]
        found = [n for n in locs if norm_key(n.name) == key] or [n for n in locs if fold_key(n.name) == fkey]
        rank = {"province": 0, "district": 1, "commune": 2}
        return sorted(found, key=lambda n: (rank.get(n.level.value if n.level else "", 3), n.id))

    def below(self, locality_id: str) -> set[str]:
        """The locality and every unit WITHIN it (transitively) or merged into it."""
        seen, frontier = {locality_id}, [locality_id]
        while frontier:
            frontier = [e.source for f in frontier for e in self.into_of(f, EdgeType.WITHIN, EdgeType.MERGED_INTO)
                        if e.source not in seen]
            seen.update(frontier)
        return seen

    # -- search keys -------------------------------------------------------------------------
    @cached_property
    def search_keys(self) -> dict[str, str]:
        """Diacritic-free text per searchable node (documents, agencies, tasks)."""
        keys: dict[str, str] = {}
        for n in self.graph.nodes.values():
            if isinstance(n, DocumentNode):
                text = " ".join(filter(None, [n.number, n.title, n.issuer_name, n.locality_name, *n.aliases]))
            elif isinstance(n, AgencyNode):
                text = " ".join(filter(None, [n.name, n.locality_name]))
            elif isinstance(n, TaskNode):
                text = f"{n.local_id} {n.text}"
            else:
                continue
            keys[n.id] = fold_key(text)
        return keys

    def matches(self, node_id: str, q: str) -> bool:
        """Every word of ``q`` (diacritics and case folded, abbreviations expanded) occurs in the node's text."""
        words = expand_query(q).split()
        hay = self.search_keys.get(node_id, "")
        hay_words = set(hay.replace("/", " ").replace("-", " ").split())
        return all(w in hay_words or (len(w) > 3 and w in hay) for w in words)
