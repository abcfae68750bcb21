"""Indexed search over the view gives exactly what the word-by-word rule says, on the seed graph."""

from __future__ import annotations

import pytest

from dirgraph.graph.model import AgencyNode, DocumentNode, Graph, TaskNode
from dirgraph.graph.service_views import GraphView, expand_query

QUERIES = ["Hải Phòng", "hai phong", "UBND", "Sở GD&ĐT", "chuyển đổi số", "nq/tw", "kế hoạch thực hiện",
           "so", "tw", "2024", "khong co tu nay", "   ", "giáo dục đào tạo"]


def _rule(view: GraphView, node_id: str, q: str) -> bool:
    """The search rule spelled out: words over three letters anywhere, shorter ones as whole words."""
    hay = view.search_keys.get(node_id, "")
    words = set(hay.replace("/", " ").replace("-", " ").split())
    return all(w in words or (len(w) > 3 and w in hay) for w in expand_query(q).split())


@pytest.mark.parametrize("q", QUERIES)
def test_matches_follows_the_rule_for_every_node(seed_graph: Graph, q: str) -> None:
    view = GraphView(seed_graph)
    assert [n for n in seed_graph.nodes if view.matches(n, q)] == [n for n in seed_graph.nodes if _rule(view, n, q)]


@pytest.mark.parametrize("kind", [DocumentNode, AgencyNode, TaskNode])
def test_hits_keep_graph_order(seed_graph: Graph, kind: type) -> None:
    view = GraphView(seed_graph)
    for q in QUERIES:
        expected = [n for n in seed_graph.nodes.values() if isinstance(n, kind) and _rule(view, n.id, q)]
        assert view.hits(q, kind) == expected


def test_a_query_matching_nothing_is_remembered_as_nothing(seed_graph: Graph) -> None:
    view = GraphView(seed_graph)
    assert view.matching("khong co tu nay") == frozenset()
    assert view.matching("khong co tu nay") == frozenset()  # the memoized answer, not "everything"
    assert view.matching("   ") is None
