"""Graph → service model conversions and look-ups over the in-memory graph (used by GraphService).

Kept apart from the facade so :mod:`dirgraph.graph.service` reads as the contract it implements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cached_property, lru_cache
from typing import NamedTuple, TypeVar, cast

from dirgraph.core.errors import NotFoundError
from dirgraph.core.text import fold_key, norm_key
from dirgraph.graph.model import (
    DOC_RELATIONS,
    ROLE_EDGES,
    AgencyNode,
    DocumentNode,
    Edge,
    EdgeProvenance,
    EdgeType,
    Graph,
    LocalityNode,
    Node,
    TaskNode,
    field_names,
)
from dirgraph.graph.service_models import (
    AgencyRole,
    AgencySummary,
    DocumentSummary,
    Quote,
    RelationView,
    TaskSummary,
)

N = TypeVar("N", bound=Node)  # type: ignore[valid-type]
MEMO_IDS = 2_000_000  # ids held by the search memos of one view before they are dropped
MEMO_QUERIES = 1_024
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


class Prov(NamedTuple):
    """One statement of an edge (the fields of :class:`EdgeProvenance`) as a plain tuple: 80
    bytes, like the slotted dataclass, and immutable, so every view of an edge can share it."""

    document: str
    file: str
    start: int | None
    end: int | None
    quote: str


class EdgeRef:
    """An edge as the view keeps it: four slots (~70 bytes), its statements an immutable tuple,
    so a 10^5-document graph's million edges and statements fit in a fraction of the memory."""

    __slots__ = ("provenances", "source", "target", "type")

    def __init__(self, type_: EdgeType, source: str, target: str, provenances: tuple[Prov, ...]) -> None:
        self.type = type_
        self.source = source
        self.target = target
        self.provenances = provenances

    @property
    def key(self) -> str:
        return f"{self.type.value}|{self.source}|{self.target}"

    def to_edge(self) -> Edge:
        return Edge(self.type, self.source, self.target, [EdgeProvenance(*p) for p in self.provenances])


def quotes(edge: EdgeRef) -> list[Quote]:
    return [Quote(**p._asdict()) for p in edge.provenances]


def doc_summary(node: DocumentNode) -> DocumentSummary:
    return DocumentSummary(
        id=node.id, kind=node.kind.value, number=node.number, date=node.date, title=node.title,
        issuer_id=node.issuer_id, issuer_name=node.issuer_name, locality_id=node.locality_id,
        locality_name=node.locality_name, level=node.level.value if node.level else None,
        placeholder=node.placeholder,
    )


class GraphView:
    """Adjacency and search keys over one resolved graph (built once per graph version).

    The view does not keep the :class:`Graph` it is built from: edges become :class:`EdgeRef`
    slots with :class:`Prov` tuples, and repeated strings (ids, file paths, quotes several edges
    share) are stored once. That cut the API process from 1.6 GB to a fraction at 10^4 documents.
    Nodes are kept as they are (every look-up summarizes them) and must not be mutated once viewed
    (their strings are shared). :attr:`graph` rebuilds a :class:`Graph` on demand for the rare
    callers that need one.
    """

    def __init__(self, graph: Graph | None = None) -> None:
        # Memos of this graph version (a new graph gets a new view): search answers, task counts.
        self._matched: dict[str, frozenset[str] | None] = {}
        self._hits: dict[tuple[str, type], list[Node]] = {}  # type: ignore[valid-type]
        self._task_counts: dict[str, int] = {}
        self._memo_size = 0
        self.nodes: dict[str, Node] = {}  # type: ignore[valid-type]
        self.edges: list[EdgeRef] = []
        self.out: dict[str, list[EdgeRef]] = {}
        self.into: dict[str, list[EdgeRef]] = {}
        # Pools used while building (dropped by ``finish``): one object per distinct value.
        self._strings: dict[str, str] = {}
        self._numbers: dict[int, int] = {}
        if graph is not None:
            for node in graph.nodes.values():
                self.add_node(node)
            for e in graph.edges.values():
                self.add_edge(e.type, e.source, e.target,
                              [(p.document, p.file, p.start, p.end, p.quote) for p in e.provenances])
            self.finish()

    def add_node(self, node: Node) -> None:  # type: ignore[valid-type]
        """Keep ``node`` with its strings pooled."""
        keep = self._strings.setdefault
        for name in field_names(type(node)):
            value = getattr(node, name)
            if type(value) is str:
                setattr(node, name, keep(value, value))
        self.nodes[node.id] = node

    def add_edge(self, type_: EdgeType, source: str, target: str,
                 provenances: list[tuple[str, str, int | None, int | None, str]]) -> None:
        keep, number = self._strings.setdefault, self._numbers.setdefault
        provs = tuple(Prov(keep(doc, doc), keep(file, file),
                           None if start is None else number(start, start),
                           None if end is None else number(end, end), keep(quote, quote))
                      for doc, file, start, end, quote in provenances)
        self.edges.append(EdgeRef(type_, keep(source, source), keep(target, target), provs))

    def finish(self) -> None:
        """Index the edges both ways and drop the building pools."""
        out: dict[str, list[EdgeRef]] = defaultdict(list)
        into: dict[str, list[EdgeRef]] = defaultdict(list)
        for edge in self.edges:
            out[edge.source].append(edge)
            into[edge.target].append(edge)
        self.out, self.into = dict(out), dict(into)
        self._strings, self._numbers = {}, {}

    @property
    def graph(self) -> Graph:
        """A :class:`Graph` equal to the one viewed, rebuilt on each call (exports, in-memory stores):
        the view itself keeps only its compact form."""
        edges = {e.key: e.to_edge() for e in self.edges}
        return Graph.model_construct(nodes=dict(self.nodes), edges=edges)

    def node_counts(self) -> dict[str, int]:
        return dict(Counter(n.type.value for n in self.nodes.values()))

    def edge_counts(self) -> dict[str, int]:
        return dict(Counter(e.type.value for e in self.edges))

    @cached_property
    def documents(self) -> list[DocumentNode]:
        return [n for n in self.nodes.values() if isinstance(n, DocumentNode)]

    @cached_property
    def agencies(self) -> list[AgencyNode]:
        return [n for n in self.nodes.values() if isinstance(n, AgencyNode)]

    @cached_property
    def tasks(self) -> list[TaskNode]:
        return [n for n in self.nodes.values() if isinstance(n, TaskNode)]

    # -- typed look-ups ----------------------------------------------------------------------
    def node(self, node_id: str, kind: type[Node] | None = None, what: str = "node") -> Node:  # type: ignore[valid-type]
        node = self.nodes.get(node_id)
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

    def out_of(self, node_id: str, *types: EdgeType) -> list[EdgeRef]:
        return [e for e in self.out.get(node_id, []) if not types or e.type in types]

    def into_of(self, node_id: str, *types: EdgeType) -> list[EdgeRef]:
        return [e for e in self.into.get(node_id, []) if not types or e.type in types]

    # -- summaries ---------------------------------------------------------------------------
    def task_count(self, agency_id: str) -> int:
        """Distinct tasks the agency holds a role in (memoized: busy agencies have thousands of edges)."""
        count = self._task_counts.get(agency_id)
        if count is None:
            nodes = self.nodes
            count = len({e.target for e in self.out_of(agency_id, *ROLE_OF_EDGE)
                         if isinstance(nodes.get(e.target), TaskNode)})
            self._task_counts[agency_id] = count
        return count

    def agency_summary(self, node: AgencyNode) -> AgencySummary:
        return AgencySummary(id=node.id, name=node.name, locality_id=node.locality_id,
                             locality_name=node.locality_name,
                             level=node.level.value if node.level else None, task_count=self.task_count(node.id))

    def task_summary(self, node: TaskNode) -> TaskSummary:
        parent = next((e.target for e in self.out_of(node.id, EdgeType.SUBTASK_OF)), None)
        agencies = []
        for e in self.into_of(node.id, *ROLE_OF_EDGE):
            a = self.nodes[e.source]
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
            other = self.nodes[e.target if direction == "out" else e.source]
            if isinstance(other, DocumentNode):
                out.append(RelationView(type=e.type.value, direction="out" if direction == "out" else "in",
                                        other=doc_summary(other), quotes=quotes(e)))
        return out

    # -- localities --------------------------------------------------------------------------
    def localities_named(self, name_or_id: str) -> list[LocalityNode]:
        """Locality nodes for an id, or a name with or without diacritics (largest unit first)."""
        node = self.nodes.get(name_or_id)
        if isinstance(node, LocalityNode):
            return [node]
        key, fkey = norm_key(name_or_id), fold_key(name_or_id)
        locs = [n for n in self.nodes.values() if isinstance(n, LocalityNode)]
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
        for n in self.nodes.values():
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

    @cached_property
    def _short_words(self) -> dict[str, set[str]]:
        """Word -> ids, for words of at most three letters (they must match whole, see ``matches``)."""
        index: dict[str, set[str]] = defaultdict(set)
        for node_id, hay in self.search_keys.items():
            for word in hay.replace("/", " ").replace("-", " ").split():
                if len(word) <= 3:
                    index[word].add(node_id)
        return dict(index)

    @cached_property
    def _order(self) -> dict[str, int]:
        return {node_id: i for i, node_id in enumerate(self.nodes)}

    def matching(self, q: str) -> frozenset[str] | None:
        """Ids of the searchable nodes ``q`` matches (see ``matches``); None when ``q`` has no words
        (then everything matches). Short words come from an index, long ones narrow the candidates
        by substring, so a search does not re-split every node's text; answers are memoized per view."""
        if q in self._matched:
            return self._matched[q]
        words = expand_query(q).split()
        found: set[str] | None = None
        if words:
            index = self._short_words
            for word in sorted({w for w in words if len(w) <= 3}, key=lambda w: len(index.get(w, ()))):
                ids = index.get(word, set())
                found = set(ids) if found is None else found & ids
            keys = self.search_keys
            for word in sorted({w for w in words if len(w) > 3}, key=len, reverse=True):
                if found is None:
                    found = {i for i, hay in keys.items() if word in hay}
                else:
                    found = {i for i in found if word in keys[i]}
        result = frozenset(found) if found is not None else None
        self._remember(len(result or ()))
        self._matched[q] = result
        return result

    def _remember(self, size: int) -> None:
        """Bound the search memos: forget them all once they would hold too many ids or queries."""
        self._memo_size += size + 1
        if self._memo_size > MEMO_IDS or len(self._matched) + len(self._hits) > MEMO_QUERIES:
            self._matched.clear()
            self._hits.clear()
            self._memo_size = size + 1

    def hits(self, q: str, kind: type[N]) -> list[N]:
        """The nodes of ``kind`` that ``q`` matches, in graph order (as a scan would list them); a
        fresh list each call (callers sort it), the ordered hits memoized per query and kind."""
        memo = self._hits.get((q, kind))
        if memo is None:
            found = self.matching(q)
            nodes = self.nodes
            if found is None:
                memo = [n for n in nodes.values() if isinstance(n, kind)]
            else:
                order = self._order
                memo = [n for i in sorted(found, key=order.__getitem__) if isinstance(n := nodes[i], kind)]
            self._remember(len(memo))
            self._hits[(q, kind)] = memo
        return list(cast("list[N]", memo))  # the memo of (q, kind) holds only nodes of that kind

    def matches(self, node_id: str, q: str) -> bool:
        """Every word of ``q`` (diacritics and case folded, abbreviations expanded) occurs in the node's
        text: words of more than three letters anywhere in it, shorter ones as whole words."""
        found = self.matching(q)
        return found is None or node_id in found
