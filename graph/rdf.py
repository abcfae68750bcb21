"""Project the resolved :class:`~dirgraph.graph.model.Graph` onto RDF quads (ELI, ORG, PROV-O, schema.org).

Lean on purpose (shared STACK.md: ~580 triples per document made bulk loads slow at 10^5):

- provenance is per named graph, one per ingested source document (``…/graph/<doc-id>``), never
  reified per triple; entities shared across documents (agencies, localities, persons,
  placeholder documents) live in ``…/graph/entities``;
- a statement that a query must quote (document and agency relations, task assignments) gets one
  qualified node per stating document: ``dg:qualifiedRelation`` (a ``prov:Influence``) or
  ``prov:qualifiedAssociation`` with ``prov:hadRole``; the plain edge (``eli:…``, ``org:…``,
  ``dg:ledBy`` …) is stated too, so simple queries need no qualified node;
- statements are ranked quoted-first (in statement order) with ``dg:rank`` 0, 1 …, so "the
  first quote" of an edge (what the Cypher stores keep as ``r.quote``) is the quote of its
  statement of rank 0 — a plain join (Oxigraph evaluates a multi-pattern OPTIONAL bottom-up, over
  the whole store: 1 s at 500 documents, so the queries keep OPTIONALs to one pattern);
- derived copies (year, a locality's province name) are not projected: SPARQL joins them. The
  issuer's name as the document prints it is kept (``dg:issuerName``): the agency node may
  carry a longer variant of the name, and the analyst queries show the printed one.

Queries and SHACL shapes (``graph/queries/*.rq``, ``graph/shapes.ttl``) rely on this layout.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any
from typing import Literal as TypingLiteral
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from pyoxigraph import serialize as ox_serialize

from dirgraph.core.errors import StoreError
from dirgraph.graph.model import (
    AgencyNode,
    DocumentNode,
    Edge,
    EdgeType,
    Graph,
    LocalityNode,
    PersonNode,
    TargetNode,
    TaskNode,
)

DG = "https://dirgraph.org/ns#"
ID = "https://dirgraph.org/id/"
GRAPH = "https://dirgraph.org/graph/"
ENTITIES_GRAPH = GRAPH + "entities"

ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES: dict[str, str] = {
    "dg": DG, "eli": ELI, "org": ORG, "prov": PROV, "schema": SCHEMA, "dcterms": DCTERMS,
    "xsd": XSD, "skos": "http://www.w3.org/2004/02/skos/core#", "id": ID,
}
#: The same prefixes as a SPARQL prologue, for queries written against the projection.
SPARQL_PROLOGUE = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

ExportFormat = TypingLiteral["turtle", "json-ld", "nquads", "trig"]


@lru_cache(maxsize=1 << 16)
def _n(iri: str) -> NamedNode:
    """A NamedNode, cached: building one parses the IRI, and predicates and hub nodes recur a lot."""
    return NamedNode(iri)


# Document-to-document and agency-to-agency edges: the plain predicate of each type.
RELATION_PREDICATES: dict[EdgeType, str] = {
    EdgeType.IMPLEMENTS: ELI + "ensures_implementation_of",
    EdgeType.CONTINUES: DG + "continues",
    EdgeType.BASED_ON: DG + "basedOn",
    EdgeType.CITES: ELI + "cites",
    EdgeType.REPORTS_TO: ORG + "reportsTo",
    EdgeType.COORDINATES_WITH: DG + "coordinatesWith",
    EdgeType.PART_OF: ORG + "subOrganizationOf",
}
# Role edges (agency -> task or document): shortcut predicate (task -> agency) and PROV role.
ROLE_PREDICATES: dict[EdgeType, tuple[str, str]] = {
    EdgeType.LEADS: (DG + "ledBy", DG + "RoleLeads"),
    EdgeType.COORDINATES: (DG + "coordinatedBy", DG + "RoleCoordinates"),
    EdgeType.IMPLEMENTS_TASK: (DG + "implementedBy", DG + "RoleImplements"),
    EdgeType.SUPERVISES: (DG + "supervisedBy", DG + "RoleSupervises"),
}
# Structural edges without quotes in RDF: (predicate, reversed?).
PLAIN_PREDICATES: dict[EdgeType, tuple[str, bool]] = {
    EdgeType.ISSUED_BY: (ELI + "passed_by", False),
    EdgeType.SIGNED_BY: (DG + "signedBy", False),
    EdgeType.HAS_TASK: (DCTERMS + "isPartOf", True),
    EdgeType.SUBTASK_OF: (DG + "subtaskOf", False),
    EdgeType.HAS_TARGET: (DG + "hasTarget", False),
    EdgeType.WITHIN: (SCHEMA + "containedInPlace", False),
}
LOCATED_IN_DOCUMENT = ELI + "relevant_for"
LOCATED_IN_AGENCY = SCHEMA + "areaServed"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_UNRESERVED = re.compile(r"^[A-Za-z0-9._~-]+$")


def _escape(node_id: str) -> str:
    """Percent-encode an id for an IRI path segment (ids are slugs, so usually a no-op)."""
    return node_id if _UNRESERVED.match(node_id) else quote(node_id, safe="-._~")


def iri(node_id: str) -> str:
    """IRI of a graph node: ``doc-91-kl-tw-2024`` -> ``https://dirgraph.org/id/doc-91-kl-tw-2024``."""
    return ID + _escape(node_id)


def node_id(value: str) -> str:
    """Inverse of :func:`iri` for result mapping (non-node IRIs come back unchanged)."""
    from urllib.parse import unquote

    return unquote(value[len(ID):]) if value.startswith(ID) else value


def graph_iri(doc_id: str) -> str:
    """Named graph holding the facts stated by one ingested document."""
    return GRAPH + _escape(doc_id)


@lru_cache(maxsize=1 << 18)
def _node_term(node_id: str) -> NamedNode:
    """The IRI term of a node id, cached: an id recurs in every edge it ends (bounded for 10^5)."""
    return NamedNode(iri(node_id))


@lru_cache(maxsize=1 << 17)
def _graph_term(doc_id: str) -> NamedNode:
    return NamedNode(graph_iri(doc_id))


def kind_iri(kind_label: str) -> str:
    """``"Conclusion"`` (DocKind value) -> ``dg:KindConclusion`` (SKOS concept in the ontology)."""
    return DG + "Kind" + kind_label


def _s(value: str) -> Literal:
    return Literal(value)


def _date(value: str) -> Literal:
    return Literal(value, datatype=_n(XSD + "date")) if _ISO_DATE.match(value) else Literal(value)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=_n(XSD + "integer"))


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_n(XSD + "boolean"))


def statement_iri(edge_type: str, source: str, target: str, rank: int) -> str:
    """IRI of the qualified node of rank ``rank`` of edge ``source -edge_type-> target`` (node ids).

    Deterministic, so a query can look a statement up directly (``<st> dg:quote ?q``) instead of
    joining through ``dg:qualifiedRelation`` (sparql_walks: chain_up's quote).
    """
    digest = hashlib.sha1(f"{edge_type}|{source}|{target}|{rank}".encode()).hexdigest()
    return ID + "st-" + digest[:20]


def _statement_iri(edge: Edge, rank: int) -> str:
    return statement_iri(edge.type.value, edge.source, edge.target, rank)


class OxTerms:
    """Terms as pyoxigraph objects: what ``bulk_extend``, ``serialize`` and the rdflib bridge take."""

    named = staticmethod(_n)
    node = staticmethod(_node_term)
    graph = staticmethod(_graph_term)
    string = staticmethod(_s)
    date = staticmethod(_date)
    integer = staticmethod(_int)
    boolean = staticmethod(_bool)
    quad = Quad


class _Projector:
    """Walks nodes then edges once; knows which named graph each fact belongs to.

    The terms it builds come from a factory (:class:`OxTerms`, or the N-Quads text of
    :mod:`dirgraph.graph.rdf_nquads`), so one walk defines the projection whatever its output.
    """

    def __init__(self, graph: Graph, terms: Any) -> None:
        self.graph = graph
        self.t = terms
        self.a = terms.named(RDF + "type")
        self.ingested = {n.id for n in graph.nodes.values()
                         if isinstance(n, DocumentNode) and not n.placeholder}
        self.entities = terms.named(ENTITIES_GRAPH)

    def doc_graph(self, doc_id: str | None) -> Any:
        return self.t.graph(doc_id) if doc_id and doc_id in self.ingested else self.entities

    def quads(self) -> Iterator[Any]:
        for node in self.graph.nodes.values():
            yield from self._node(node)
        for edge in self.graph.edges.values():
            yield from self._edge(edge)

    # ----------------------------------------------------------------- nodes
    def _node(self, node: object) -> Iterator[Any]:
        if isinstance(node, DocumentNode):
            yield from self._document(node)
        elif isinstance(node, TaskNode):
            g, s = self.doc_graph(node.document_id), self.t.node(node.id)
            yield self.t.quad(s, self.a, self.t.named(DG + "Task"), g)
            yield self.t.quad(s, self.t.named(DG + "taskNumber"), self.t.string(node.local_id), g)
            yield self.t.quad(s, self.t.named(SCHEMA + "text"), self.t.string(node.text), g)
            yield self.t.quad(s, self.t.named(DCTERMS + "isPartOf"), self.t.node(node.document_id), g)
            if node.deadline_kind:
                yield self.t.quad(s, self.t.named(DG + "deadlineKind"), self.t.string(node.deadline_kind), g)
            if node.deadline_value:
                yield self.t.quad(s, self.t.named(DG + "deadline"), self.t.string(node.deadline_value), g)
            if node.deadline_date:
                yield self.t.quad(s, self.t.named(DG + "dueDate"), self.t.date(node.deadline_date), g)
            if node.section:
                yield self.t.quad(s, self.t.named(DG + "section"), self.t.string(node.section), g)
        elif isinstance(node, AgencyNode):
            g, s = self.entities, self.t.node(node.id)
            yield self.t.quad(s, self.a, self.t.named(DG + "Agency"), g)
            yield self.t.quad(s, self.t.named(SCHEMA + "name"), self.t.string(node.name), g)
            if node.level:
                yield self.t.quad(s, self.t.named(DG + "level"), self.t.string(node.level.value), g)
        elif isinstance(node, LocalityNode):
            g, s = self.entities, self.t.node(node.id)
            yield self.t.quad(s, self.a, self.t.named(DG + "Locality"), g)
            yield self.t.quad(s, self.t.named(SCHEMA + "name"), self.t.string(node.name), g)
            if node.level:
                yield self.t.quad(s, self.t.named(DG + "level"), self.t.string(node.level.value), g)
            yield self.t.quad(s, self.t.named(DG + "era"), self.t.string(node.era.value), g)
            if node.code:
                yield self.t.quad(s, self.t.named(SCHEMA + "identifier"), self.t.string(node.code), g)
        elif isinstance(node, PersonNode):
            g, s = self.entities, self.t.node(node.id)
            yield self.t.quad(s, self.a, self.t.named(SCHEMA + "Person"), g)
            yield self.t.quad(s, self.t.named(SCHEMA + "name"), self.t.string(node.name), g)
            if node.position:
                yield self.t.quad(s, self.t.named(SCHEMA + "jobTitle"), self.t.string(node.position), g)
        elif isinstance(node, TargetNode):
            g, s = self.doc_graph(node.document_id), self.t.node(node.id)
            yield self.t.quad(s, self.a, self.t.named(DG + "Target"), g)
            yield self.t.quad(s, self.t.named(SCHEMA + "description"), self.t.string(node.text), g)
            if node.value is not None:
                yield self.t.quad(s, self.t.named(SCHEMA + "value"), self.t.string(str(node.value)), g)
            if node.unit:
                yield self.t.quad(s, self.t.named(SCHEMA + "unitText"), self.t.string(node.unit), g)
            if node.year is not None:
                yield self.t.quad(s, self.t.named(DG + "targetYear"), self.t.integer(node.year), g)

    def _document(self, doc: DocumentNode) -> Iterator[Any]:
        g, s = self.doc_graph(doc.id), self.t.node(doc.id)
        yield self.t.quad(s, self.a, self.t.named(DG + "Document"), g)
        yield self.t.quad(s, self.t.named(ELI + "type_document"), self.t.named(kind_iri(doc.kind.value)), g)
        yield self.t.quad(s, self.t.named(DG + "placeholder"), self.t.boolean(doc.placeholder), g)
        if doc.number:
            yield self.t.quad(s, self.t.named(ELI + "number"), self.t.string(doc.number), g)
        if doc.date:
            yield self.t.quad(s, self.t.named(ELI + "date_document"), self.t.date(doc.date), g)
        if doc.title:
            yield self.t.quad(s, self.t.named(DCTERMS + "title"), self.t.string(doc.title), g)
        if doc.level:
            yield self.t.quad(s, self.t.named(DG + "level"), self.t.string(doc.level.value), g)
        if doc.issuer_name:
            yield self.t.quad(s, self.t.named(DG + "issuerName"), self.t.string(doc.issuer_name), g)
        for alias in doc.aliases:
            yield self.t.quad(s, self.t.named(PREFIXES["skos"] + "altLabel"), self.t.string(alias), g)
        if not doc.placeholder:
            yield self.t.quad(g, self.a, self.t.named(PROV + "Entity"), g)
            yield self.t.quad(g, self.t.named(PROV + "hadPrimarySource"), s, g)
            if doc.source:
                yield self.t.quad(g, self.t.named(DG + "sourceFile"), self.t.string(doc.source), g)
            if doc.sha256:
                yield self.t.quad(g, self.t.named(DG + "sha256"), self.t.string(doc.sha256), g)

    # ----------------------------------------------------------------- edges
    def _graphs_of(self, edge: Edge) -> list[tuple[int, Any, str]]:
        """(rank, named graph, quote) per statement; one unquoted statement for an edge with none."""
        if not edge.provenances:
            return [(0, self._home_graph(edge.source), "")]
        ordered = [p for p in edge.provenances if p.quote] + [p for p in edge.provenances if not p.quote]
        return [(rank, self.doc_graph(p.document), p.quote) for rank, p in enumerate(ordered)]

    def _home_graph(self, node_id: str) -> Any:
        """Graph of a derived fact: its document's for documents, tasks and targets, else entities."""
        node = self.graph.nodes.get(node_id)
        if isinstance(node, DocumentNode):
            return self.doc_graph(node.id)
        if isinstance(node, TaskNode | TargetNode):
            return self.doc_graph(node.document_id)
        return self.entities

    def _edge(self, edge: Edge) -> Iterator[Any]:
        src, dst = self.t.node(edge.source), self.t.node(edge.target)
        if edge.type in RELATION_PREDICATES:
            pred = self.t.named(RELATION_PREDICATES[edge.type])
            for rank, g, text in self._graphs_of(edge):
                st = self.t.named(_statement_iri(edge, rank))
                yield self.t.quad(src, pred, dst, g)
                yield self.t.quad(src, self.t.named(DG + "qualifiedRelation"), st, g)
                yield self.t.quad(st, self.t.named(PROV + "influencer"), dst, g)
                yield self.t.quad(st, self.t.named(DG + "relationType"), pred, g)
                yield from self._quote_rank(st, text, rank, g)
        elif edge.type in ROLE_PREDICATES:
            shortcut, role = ROLE_PREDICATES[edge.type]
            for rank, g, text in self._graphs_of(edge):
                st = self.t.named(_statement_iri(edge, rank))
                yield self.t.quad(dst, self.t.named(shortcut), src, g)
                yield self.t.quad(dst, self.t.named(PROV + "qualifiedAssociation"), st, g)
                yield self.t.quad(st, self.t.named(PROV + "agent"), src, g)
                yield self.t.quad(st, self.t.named(PROV + "hadRole"), self.t.named(role), g)
                yield from self._quote_rank(st, text, rank, g)
        elif edge.type == EdgeType.HAS_TASK and isinstance(self.graph.nodes.get(edge.target), TaskNode):
            return  # stated with the task node (dcterms:isPartOf)
        elif edge.type in PLAIN_PREDICATES:
            pred_iri, reverse = PLAIN_PREDICATES[edge.type]
            s, o = (dst, src) if reverse else (src, dst)
            for g in {g for _, g, _ in self._graphs_of(edge)}:
                yield self.t.quad(s, self.t.named(pred_iri), o, g)
        elif edge.type == EdgeType.LOCATED_IN:
            node = self.graph.nodes.get(edge.source)
            located = LOCATED_IN_DOCUMENT if isinstance(node, DocumentNode) else LOCATED_IN_AGENCY
            home = self.doc_graph(edge.source) if isinstance(node, DocumentNode) else self.entities
            yield self.t.quad(src, self.t.named(located), dst, home)
        elif edge.type == EdgeType.MERGED_INTO:
            ev = self.t.named(ID + "change-" + _escape(edge.source) + "--" + _escape(edge.target))
            g = self.entities
            yield self.t.quad(ev, self.a, self.t.named(ORG + "ChangeEvent"), g)
            yield self.t.quad(ev, self.t.named(ORG + "originalOrganization"), src, g)
            yield self.t.quad(ev, self.t.named(ORG + "resultingOrganization"), dst, g)

    def _quote_rank(self, st: Any, text: str, rank: int, g: Any) -> Iterator[Any]:
        yield self.t.quad(st, self.t.named(DG + "rank"), self.t.integer(rank), g)
        if text:
            yield self.t.quad(st, self.t.named(DG + "quote"), self.t.string(text), g)


def project(graph: Graph, terms: Any = OxTerms) -> Iterator[Any]:
    """Every quad of the projection (duplicates across named graphs are intended).

    pyoxigraph ``Quad`` objects by default; ``terms`` builds another representation of the same
    quads (the N-Quads lines the Oxigraph store streams into its bulk loader).
    """
    return _Projector(graph, terms).quads()


def _bytes(data: bytes | None) -> bytes:
    return data or b""


def to_nquads(graph: Graph) -> bytes:
    """The projection as N-Quads, the input of the stores' bulk loads."""
    return _bytes(ox_serialize(project(graph), format=RdfFormat.N_QUADS))


def serialize(graph: Graph, format: ExportFormat | str = "turtle") -> bytes:
    """Export for ``dirgraph export``: ``turtle`` (all graphs merged), ``json-ld``, ``nquads``, ``trig``.

    Turtle cannot carry named graphs, so it merges them (provenance is lost there; use N-Quads,
    TriG or JSON-LD to keep one graph per source document).
    """
    fmt = {"ttl": "turtle", "jsonld": "json-ld", "nq": "nquads"}.get(format, format)
    if fmt == "nquads":
        return to_nquads(graph)
    if fmt == "trig":
        return _bytes(ox_serialize(project(graph), format=RdfFormat.TRIG, prefixes=PREFIXES))
    if fmt == "json-ld":
        return _bytes(ox_serialize(project(graph), format=RdfFormat.JSON_LD))
    if fmt == "turtle":
        triples = {q.triple for q in project(graph)}
        return _bytes(ox_serialize(sorted(triples, key=str), format=RdfFormat.TURTLE, prefixes=PREFIXES))
    raise StoreError(f"unknown RDF export format {format!r} (turtle, json-ld, nquads, trig)")


def _rdflib_term(term: Any) -> Any:
    import rdflib

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == XSD + "string":  # rdflib tells "a" from "a"^^xsd:string; RDF 1.1 does not
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    return rdflib.BNode(str(getattr(term, "value", term)))


def to_rdflib(source: Iterable[Quad] | Graph) -> Any:
    """An rdflib ``Dataset`` (default graph = union) holding the quads: rdflib baseline, SHACL.

    Built term by term: rdflib's own N-Quads parser goes through a deprecated API (warnings).
    """
    import rdflib

    quads = project(source) if isinstance(source, Graph) else source
    ds = rdflib.Dataset(default_union=True)
    graphs: dict[str, Any] = {}
    for q in quads:
        name = str(getattr(q.graph_name, "value", ""))
        ctx = graphs.get(name)
        if ctx is None:
            ctx = graphs[name] = ds.graph(rdflib.URIRef(name))
        ctx.add((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
    return ds


def to_rdflib_graph(source: Iterable[Quad] | Graph) -> Any:
    """All named graphs merged into one rdflib ``Graph`` (what pyshacl validates)."""
    import rdflib

    quads = project(source) if isinstance(source, Graph) else source
    merged = rdflib.Graph()
    for q in quads:
        merged.add((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
    return merged


def ontology_text() -> str:
    """The ontology Turtle shipped beside this module."""
    return resources.files(__package__).joinpath("ontology.ttl").read_text("utf-8")


def shapes_text() -> str:
    """The SHACL shapes Turtle shipped beside this module."""
    return resources.files(__package__).joinpath("shapes.ttl").read_text("utf-8")
