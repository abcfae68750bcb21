"""The look-ups answered from the view equal the reference answers of the stores' named queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from graph_fixtures import central_conclusion, gold_records, province_plan

from dirgraph.graph import service_lookups
from dirgraph.graph.model import Graph, NodeType
from dirgraph.graph.queries import COLUMNS, QueryName
from dirgraph.graph.resolve import resolve
from dirgraph.graph.service_views import GraphView
from dirgraph.graph.stores.networkx_store import NetworkxStore

LOOKUPS: list[tuple[QueryName, Callable[[GraphView, str], list[dict[str, Any]]], NodeType]] = [
    (QueryName.CHAIN_UP, service_lookups.chain_up, NodeType.DOCUMENT),
    (QueryName.TASK_AGENCIES, service_lookups.task_agencies, NodeType.TASK),
    (QueryName.AGENCY_TASKS, service_lookups.agency_tasks, NodeType.AGENCY),
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return resolve([*gold_records(), central_conclusion(), province_plan("hd.txt", "Hải Dương")])


@pytest.mark.parametrize(("name", "lookup", "label"), LOOKUPS, ids=[q.value for q, _, _ in LOOKUPS])
def test_view_lookup_equals_the_reference_query(graph: Graph, name: QueryName,
                                               lookup: Callable[[GraphView, str], list[dict[str, Any]]],
                                               label: NodeType) -> None:
    store = NetworkxStore()
    store.load(graph)
    view = GraphView(graph)
    answered = 0
    for node in graph.nodes_of(label):
        result = store.named(name, {"id": node.id})
        expected = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
        got = lookup(view, node.id)
        assert got == expected, node.id
        assert all(tuple(row) == COLUMNS[name] for row in got)
        answered += bool(got)
    assert answered  # the fixture exercises non-empty answers


def test_an_unknown_id_has_no_rows(graph: Graph) -> None:
    view = GraphView(graph)
    assert [lookup(view, "doc-khong-co") for _, lookup, _ in LOOKUPS] == [[], [], []]
