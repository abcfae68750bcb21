"""The RDF projection: standard terms, one named graph per source document, lean, exportable."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
import rdflib
from rdf_fixtures import DEPT, KL91, PLAN, TASK, quoted_graph

from dirgraph.core.errors import StoreError
from dirgraph.graph import rdf
from dirgraph.graph.model import DocumentNode, Graph

DG = rdf.DG


def _quads(graph: Graph) -> set[ox.Quad]:
    return set(rdf.project(graph))


def test_one_named_graph_per_ingested_document(seed_graph: Graph) -> None:
    quads = _quads(seed_graph)
    graphs = {q.graph_name.value for q in quads}
    ingested = {n.id for n in seed_graph.nodes.values() if isinstance(n, DocumentNode) and not n.placeholder}
    assert graphs == {rdf.graph_iri(d) for d in ingested} | {rdf.ENTITIES_GRAPH}
    for doc in ingested:
        g = ox.NamedNode(rdf.graph_iri(doc))
        own = {q.predicate.value for q in quads if q.graph_name == g and q.subject.value == rdf.iri(doc)}
        assert {rdf.ELI + "type_document", rdf.ELI + "passed_by"} <= own
        assert any(q.subject == g and q.predicate.value == rdf.PROV + "hadPrimarySource" for q in quads)


def test_projection_is_lean_and_not_reified(seed_graph: Graph) -> None:
    quads = _quads(seed_graph)
    ingested = sum(1 for n in seed_graph.nodes.values() if isinstance(n, DocumentNode) and not n.placeholder)
    assert len(quads) / ingested < 400  # STACK.md: ~580 per document made 10^5 bulk loads slow
    predicates = {q.predicate.value for q in quads}
    assert "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject" not in predicates
    assert rdf.ELI + "ensures_implementation_of" in predicates
    assert rdf.ORG + "subOrganizationOf" in predicates


def test_every_own_term_is_declared_in_the_ontology(seed_graph: Graph) -> None:
    onto = rdflib.Graph().parse(data=rdf.ontology_text(), format="turtle")
    declared = {str(s) for s in onto.subjects()}
    used = set()
    for q in _quads(seed_graph) | _quads(quoted_graph()):
        for term in (q.predicate, q.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(DG):
                used.add(term.value)
    assert used and used <= declared, used - declared


def test_ontology_reuses_standards_under_own_terms() -> None:
    onto = rdflib.Graph().parse(data=rdf.ontology_text(), format="turtle")
    sub = rdflib.RDFS.subPropertyOf
    assert (rdflib.URIRef(DG + "continues"), sub, rdflib.URIRef(rdf.ELI + "related_to")) in onto
    assert (rdflib.URIRef(DG + "coordinatesWith"), sub, rdflib.URIRef(rdf.ORG + "linkedTo")) in onto
    assert (rdflib.URIRef(DG + "ledBy"), sub, rdflib.URIRef(rdf.PROV + "wasAssociatedWith")) in onto
    kinds = set(onto.subjects(rdflib.URIRef("http://www.w3.org/2004/02/skos/core#inScheme"),
                              rdflib.URIRef(DG + "DocumentKinds")))
    assert len(kinds) == 14
    assert not any("subOrganzationOf" in str(t) for t in onto.all_nodes())


def test_assignment_is_a_qualified_association_with_a_shortcut() -> None:
    quads = _quads(quoted_graph())
    task, dept = ox.NamedNode(rdf.iri(TASK)), ox.NamedNode(rdf.iri(DEPT))
    assert any(q.subject == task and q.predicate.value == DG + "ledBy" and q.object == dept for q in quads)
    assoc = {q.object for q in quads if q.subject == task and q.predicate.value == rdf.PROV + "qualifiedAssociation"}
    lead = [a for a in assoc if any(q.subject == a and q.object == dept for q in quads)]
    assert len(lead) == 1
    facts = {(q.predicate.value, q.object.value) for q in quads if q.subject == lead[0]}
    assert (rdf.PROV + "hadRole", DG + "RoleLeads") in facts
    assert any(p == DG + "quote" and "chủ trì" in o for p, o in facts)
    assert all(q.graph_name.value == rdf.graph_iri(PLAN) for q in quads if q.subject == lead[0])


def test_first_quote_gets_rank_zero() -> None:
    """IMPLEMENTS is stated twice, unquoted first: the quoted statement ranks 0 (the Cypher ``r.quote``)."""
    quads = _quads(quoted_graph())
    plan = ox.NamedNode(rdf.iri(PLAN))
    statements = {q.object for q in quads if q.subject == plan and q.predicate.value == DG + "qualifiedRelation"}
    ranks = {}
    for st in statements:
        facts = {q.predicate.value: q.object.value for q in quads if q.subject == st}
        assert facts[rdf.PROV + "influencer"] == rdf.iri(KL91)
        ranks[int(facts[DG + "rank"])] = facts.get(DG + "quote")
    assert ranks == {0: "Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024", 1: None}


@pytest.mark.parametrize(("fmt", "parse_as"), [
    ("turtle", ox.RdfFormat.TURTLE), ("ttl", ox.RdfFormat.TURTLE), ("json-ld", ox.RdfFormat.JSON_LD),
    ("jsonld", ox.RdfFormat.JSON_LD), ("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG),
])
def test_serialize_round_trips(seed_graph: Graph, fmt: str, parse_as: ox.RdfFormat) -> None:
    data = rdf.serialize(seed_graph, fmt)
    parsed = list(ox.parse(data, format=parse_as))
    triples = {q.triple for q in _quads(seed_graph)}
    assert {getattr(q, "triple", q) for q in parsed} == triples
    if fmt == "turtle":
        assert data.startswith(b"@prefix") and "Sở Giáo dục và Đào tạo".encode() in data


def test_unknown_export_format_is_one_line_error(seed_graph: Graph) -> None:
    with pytest.raises(StoreError, match="unknown RDF export format"):
        rdf.serialize(seed_graph, "xml")


def test_rdflib_views_hold_the_same_triples() -> None:
    graph = quoted_graph()
    merged = rdf.to_rdflib_graph(graph)
    assert len(merged) == len({q.triple for q in _quads(graph)})
    assert (rdflib.URIRef(rdf.iri(DEPT)), rdflib.URIRef(rdf.SCHEMA + "name"),
            rdflib.Literal("Sở Giáo dục và Đào tạo")) in merged
    counts = Counter(str(g.identifier) for g in rdf.to_rdflib(graph).graphs() if len(g))
    assert counts.keys() >= {rdf.graph_iri(PLAN), rdf.ENTITIES_GRAPH}
