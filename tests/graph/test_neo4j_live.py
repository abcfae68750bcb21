"""Against a real Neo4j 5 server (``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``); skipped without one."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from rdf_fixtures import KL91, PLAN, quoted_graph

from dirgraph.core.errors import QueryRejectedError
from dirgraph.graph.queries import QueryName
from dirgraph.graph.stores.neo4j_store import Neo4jStore

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="no Neo4j server (set NEO4J_URI)"),
]


@pytest.fixture(scope="module")
def store() -> Iterator[Neo4jStore]:
    opened = Neo4jStore()
    opened.load(quoted_graph())
    yield opened
    opened.close()


def test_sync_writes_every_node_and_edge(store: Neo4jStore) -> None:
    graph = quoted_graph()
    counts = store.counts()
    assert counts.nodes == graph.node_counts()
    assert counts.edges == graph.edge_counts()


def test_sync_twice_is_idempotent(store: Neo4jStore) -> None:
    store.load(quoted_graph())
    assert store.counts().nodes == quoted_graph().node_counts()


def test_reads_are_read_only(store: Neo4jStore) -> None:
    rows = store.query("MATCH (d:Document {id: $id})-[:IMPLEMENTS]->(t) RETURN t.id AS id", {"id": PLAN}).rows
    assert rows == [[KL91]]
    with pytest.raises(QueryRejectedError):
        store.query("CREATE (:Document {id: 'x'})")


def test_named_chain_up_runs(store: Neo4jStore) -> None:
    result = store.named(QueryName.CHAIN_UP, {"id": PLAN})
    assert result.rows
