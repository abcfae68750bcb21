"""The service's view read entry by entry from graph.json equals the view of the parsed Graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from dirgraph.core.errors import StoreError
from dirgraph.graph.model import Graph
from dirgraph.graph.service_load import load_view
from dirgraph.graph.service_views import GraphView
from dirgraph.graph.workspace import write_graph_json


def _saved(graph: Graph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.json"
    with path.open("wb") as fh:
        write_graph_json(graph, fh)
    return path


def test_streamed_view_equals_the_view_of_the_parsed_graph(seed_graph: Graph, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dirgraph.graph.service_load._CHUNK", 97)  # values cut at every window's end
    path = _saved(seed_graph, tmp_path)
    streamed = load_view(path)
    parsed = Graph.model_validate_json(path.read_bytes())
    assert list(streamed.nodes) == list(parsed.nodes) and streamed.nodes == parsed.nodes
    rebuilt = streamed.graph
    assert list(rebuilt.edges) == list(parsed.edges) and rebuilt.edges == parsed.edges
    assert sum(len(e.provenances) for e in streamed.edges) == sum(len(e.provenances) for e in parsed.edges.values())


def test_view_shares_repeated_strings(seed_graph: Graph) -> None:
    view = GraphView(seed_graph)
    for edge in view.edges:
        assert edge.source is view.nodes[edge.source].id
    files = {id(p.file) for e in view.edges for p in e.provenances}
    assert len(files) == len({p.file for e in view.edges for p in e.provenances})


def test_view_rebuilds_the_graph_it_was_given(seed_graph: Graph) -> None:
    rebuilt = GraphView(seed_graph).graph
    assert rebuilt.nodes == seed_graph.nodes and rebuilt.edges == seed_graph.edges
    assert GraphView(seed_graph).edge_counts() == seed_graph.edge_counts()


def test_an_empty_graph_file_gives_an_empty_view(tmp_path: Path) -> None:
    assert not load_view(_saved(Graph(), tmp_path)).nodes


@pytest.mark.parametrize("text", ['{"nodes":{"a":{"type":"Document"', "[1, 2]", '{"nodes":{"x":{"type":"Nope","id":"x"}}}'])
def test_a_broken_graph_file_is_one_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "graph.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError, match=r"graph\.json: unreadable graph"):
        load_view(path)
