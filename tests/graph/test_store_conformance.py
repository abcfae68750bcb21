"""One conformance suite for every registered store: same counts, same answers to the seven queries.

A store plugs in with one line in ``dirgraph.graph.stores._REGISTRY``; it is then loaded with the
same graph as every other store, and its answers to the seven analyst queries must equal those of
the plain-Python reference (:mod:`dirgraph.graph.stores.nx_queries`). Stores that need a server get
a marker here (``neo4j``) and are skipped without it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graph_fixtures import central_conclusion, gold_records, province_plan

from dirgraph.core.errors import QueryRejectedError
from dirgraph.graph.model import AgencyNode, DocumentNode, EdgeType, Graph, LocalityNode, TaskNode
from dirgraph.graph.queries import COLUMNS, QueryName
from dirgraph.graph.resolve import resolve
from dirgraph.graph.stores import GraphStore, open_store, store_names
from dirgraph.graph.stores.networkx_store import NetworkxStore
from dirgraph.graph.stores.protocol import Capability

MARKS = {"neo4j": [pytest.mark.neo4j, pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="no NEO4J_URI")]}
STORES = [pytest.param(name, marks=MARKS.get(name, [])) for name in store_names()]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return resolve([*gold_records(), central_conclusion(), province_plan("hd.txt", "Hải Dương")])


@pytest.fixture(scope="module")
def reference(graph: Graph) -> NetworkxStore:
    store = NetworkxStore()
    store.load(graph)
    return store


@pytest.fixture(scope="module", params=STORES)
def store(request: pytest.FixtureRequest, graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    opened = open_store(request.param, tmp_path_factory.mktemp(request.param))
    opened.load(graph)
    yield opened
    opened.close()


def _params(graph: Graph) -> list[tuple[QueryName, dict[str, Any]]]:
    nodes = graph.nodes.values()
    docs = [n.id for n in nodes if isinstance(n, DocumentNode)]
    roles = (EdgeType.LEADS, EdgeType.COORDINATES, EdgeType.IMPLEMENTS_TASK, EdgeType.SUPERVISES)
    tasks = sorted({e.target for e in graph.edges.values() if e.type in roles
                    and isinstance(graph.nodes[e.target], TaskNode)})
    agencies = sorted({e.source for e in graph.edges.values() if e.type in roles})[:25]
    provinces = [n.id for n in nodes if isinstance(n, LocalityNode) and n.level and n.level.value == "province"]
    out: list[tuple[QueryName, dict[str, Any]]] = []
    out += [(QueryName.CHAIN_UP, {"id": d}) for d in docs]
    out += [(QueryName.CASCADE, {"id": d}) for d in ("doc-91-kl-tw-2024", "doc-29-nq-tw-2013", "doc-unknown")]
    out += [(QueryName.TASK_AGENCIES, {"id": t}) for t in tasks[::3]]
    out += [(QueryName.AGENCY_TASKS, {"id": a}) for a in agencies]
    out += [(QueryName.COVERAGE, {"id": d, "level": level, "era": era})
            for d in ("doc-91-kl-tw-2024", "doc-29-nq-tw-2013")
            for level in ("province", "district", "commune") for era in ("pre2025", "post2025")]
    out += [(QueryName.DEADLINES, {"date_from": lo, "date_to": hi})
            for lo, hi in (("0000-01-01", "9999-12-31"), ("2025-01-01", "2025-06-30"))]
    out += [(QueryName.COORDINATION, {"id": p}) for p in provinces]
    return out


def _normal(name: QueryName, rows: list[list[Any]]) -> list[str]:
    """Rows as sorted JSON; list cells sorted; cascade's tie-broken parent/relation set aside."""
    out = []
    for row in rows:
        cells = [sorted(c) if isinstance(c, list) else c for c in row]
        if name is QueryName.CASCADE:
            cells = cells[:10] + cells[12:]
        out.append(json.dumps(cells, ensure_ascii=False, sort_keys=True))
    return sorted(out)


def test_counts_match_the_graph(store: GraphStore, graph: Graph) -> None:
    counts = store.counts()
    assert counts.nodes == graph.node_counts()
    assert counts.edges == graph.edge_counts()


def test_seven_queries_answer_like_the_reference(store: GraphStore, graph: Graph, reference: NetworkxStore) -> None:
    if Capability.NAMED not in store.capabilities:
        pytest.skip("store does not answer the analyst queries")
    checked = 0
    for name, params in _params(graph):
        got, want = store.named(name, params), reference.named(name, params)
        assert got.columns == list(COLUMNS[name])
        assert _normal(name, got.rows) == _normal(name, want.rows), (name, params)
        checked += len(want.rows)
    assert checked > 100  # the fixture graph really exercises the queries


def test_cascade_parent_is_one_hop_up(store: GraphStore, graph: Graph) -> None:
    result = store.named(QueryName.CASCADE, {"id": "doc-29-nq-tw-2013"})
    depth = {row[0]: row[5] for row in result.rows} | {"doc-29-nq-tw-2013": 0}
    for row in result.rows:
        doc, parent, relation = row[0], row[10], row[11]
        assert f"{relation}|{doc}|{parent}" in graph.edges
        assert depth[parent] == depth[doc] - 1


def test_query_language_is_read_only(store: GraphStore) -> None:
    if Capability.CYPHER in store.capabilities:
        ok = store.query("MATCH (d:Document) RETURN count(d) AS n")
        assert ok.columns == ["n"] and ok.rows[0][0] > 0
        with pytest.raises(QueryRejectedError):
            store.query("CREATE (d:Document {id: 'x'})")
        with pytest.raises(QueryRejectedError):
            store.query("MATCH (d:Document) RETURN d.id LIMIT", {})
    elif Capability.SPARQL in store.capabilities:
        with pytest.raises(QueryRejectedError):
            store.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    else:
        with pytest.raises(QueryRejectedError):
            store.query("MATCH (n) RETURN n")


def test_row_cap_truncates(store: GraphStore) -> None:
    if Capability.CYPHER not in store.capabilities:
        pytest.skip("no Cypher")
    result = store.query("MATCH (t:Task) RETURN t.id", row_cap=5)
    assert len(result.rows) == 5 and result.truncated


def test_load_is_a_full_rebuild(store: GraphStore, graph: Graph) -> None:
    store.load(Graph())
    assert store.counts().nodes == {} and store.counts().edges == {}
    store.load(graph)
    assert store.counts().nodes == graph.node_counts()


def test_registry_lists_the_core_stores() -> None:
    assert {"ladybug", "networkx"} <= set(store_names())


def test_agency_ids_are_path_safe(graph: Graph) -> None:
    for node in graph.nodes.values():
        assert "/" not in node.id and " " not in node.id, node.id
    assert any(isinstance(n, AgencyNode) for n in graph.nodes.values())


def test_store_files_stay_in_their_folder(tmp_path: Path, graph: Graph) -> None:
    store = open_store("ladybug", tmp_path / "lb")
    store.load(graph)
    store.close()
    assert [p.name for p in tmp_path.iterdir()] == ["lb"]
