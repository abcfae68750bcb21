"""N-Quads text of the projection: the very quads of ``rdf.project``, escaped as N-Quads wants."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdf_fixtures import PLAN, TASK, quoted_graph

from dirgraph.graph import rdf
from dirgraph.graph.model import Graph, TargetNode, TaskNode
from dirgraph.graph.rdf_nquads import NQuadTerms, nquad_chunks


def _parsed(graph: Graph, lines: int = 8192) -> set[ox.Quad]:
    return set(ox.parse(b"".join(nquad_chunks(graph, lines)), format=ox.RdfFormat.N_QUADS))


def _awkward_graph(text: str) -> Graph:
    graph = quoted_graph()
    graph.add_node(TaskNode(id=TASK + "-x", document_id=PLAN, local_id="II.2", text=text,
                            deadline_kind="by", deadline_value=text, deadline_date="quý II/2025"))
    graph.add_node(TargetNode(id="target-x", document_id=PLAN, text=text, value="95,5", unit="%", year=2025))
    return graph


def test_the_text_holds_exactly_the_projected_quads(seed_graph: Graph) -> None:
    assert _parsed(seed_graph) == set(rdf.project(seed_graph))


@pytest.mark.parametrize("text", [
    'Kế hoạch "Chuyển đổi số"', "dòng một\ndòng hai\r\nba", "C:\\đường\\dẫn", 'a\\"b', "", "Sở Tài chính",
    "tab\there", "😀 ký tự ngoài BMP",
])
def test_awkward_literals_survive(text: str) -> None:
    graph = _awkward_graph(text)
    assert _parsed(graph) == set(rdf.project(graph))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_text_round_trips(text: str) -> None:
    graph = _awkward_graph(text)
    assert _parsed(graph, lines=3) == set(rdf.project(graph))


def test_dates_are_typed_only_when_iso() -> None:
    assert NQuadTerms.date("2025-06-30") == f'"2025-06-30"^^<{rdf.XSD}date>'
    assert NQuadTerms.date("quý II/2025") == '"quý II/2025"'
    assert NQuadTerms.integer(2025) == f'"2025"^^<{rdf.XSD}integer>'
    assert NQuadTerms.boolean(False) == f'"false"^^<{rdf.XSD}boolean>'


def test_chunks_are_bounded_and_end_on_a_line() -> None:
    chunks = list(nquad_chunks(quoted_graph(), lines=4))
    assert len(chunks) > 2
    assert all(c.endswith(b" .\n") and c.count(b"\n") <= 4 for c in chunks)
