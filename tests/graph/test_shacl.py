"""SHACL shapes hold on the projection of the gold seeds and catch broken data."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from pyshacl import validate
from rdf_fixtures import TASK, quoted_graph

from dirgraph.graph import rdf
from dirgraph.graph.model import Graph


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(data=rdf.shapes_text(), format="turtle")


def _check(data: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return bool(conforms), str(text)


def test_gold_seed_graph_conforms(seed_graph: Graph, shapes: rdflib.Graph) -> None:
    conforms, text = _check(rdf.to_rdflib_graph(seed_graph), shapes)
    assert conforms, text


def test_quoted_graph_conforms(shapes: rdflib.Graph) -> None:
    conforms, text = _check(rdf.to_rdflib_graph(quoted_graph()), shapes)
    assert conforms, text


def _broken(edit: str) -> rdflib.Graph:
    data = rdf.to_rdflib_graph(quoted_graph())
    task = rdflib.URIRef(rdf.iri(TASK))
    if edit == "task without text":
        data.remove((task, rdflib.URIRef(rdf.SCHEMA + "text"), None))
    elif edit == "second role":
        for assoc in list(data.objects(task, rdflib.URIRef(rdf.PROV + "qualifiedAssociation"))):
            data.add((assoc, rdflib.URIRef(rdf.PROV + "hadRole"), rdflib.URIRef(rdf.DG + "RoleSupervises")))
    elif edit == "shortcut without association":
        data.add((task, rdflib.URIRef(rdf.DG + "ledBy"), rdflib.URIRef(rdf.iri("agency-so-tai-chinh--hai-phong"))))
    elif edit == "bad date":
        data.add((rdflib.URIRef(rdf.iri("doc-29-nq-tw-2013")), rdflib.URIRef(rdf.ELI + "date_document"),
                  rdflib.Literal("04/11/2013")))
    elif edit == "task of no document":
        data.remove((task, rdflib.URIRef(rdf.DCTERMS + "isPartOf"), None))
    return data


@pytest.mark.parametrize(("edit", "message"), [
    ("task without text", "non-empty text"),
    ("second role", "hadRole"),
    ("shortcut without association", "without a prov:qualifiedAssociation"),
    ("bad date", "xsd:date"),
    ("task of no document", "exactly one document"),
])
def test_broken_data_fails_a_shape(shapes: rdflib.Graph, edit: str, message: str) -> None:
    conforms, text = _check(_broken(edit), shapes)
    assert not conforms
    assert message in text


def test_shapes_use_the_projection_terms(shapes: rdflib.Graph) -> None:
    used = {str(o) for o in shapes.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#path"))}
    quads = set(rdf.project(quoted_graph()))
    projected = {q.predicate.value for q in quads if isinstance(q.predicate, ox.NamedNode)}
    assert {rdf.DG + "taskNumber", rdf.ELI + "type_document", rdf.PROV + "agent"} <= used & projected
