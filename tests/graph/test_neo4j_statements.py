"""Neo4j sync statements, rows and batches are built without a server."""

from __future__ import annotations

import json

import pytest
from rdf_fixtures import DEPT, KL91, PLAN, TASK, quoted_graph

from dirgraph.core.errors import StoreError
from dirgraph.graph.model import EdgeType, Graph, NodeType
from dirgraph.graph.queries import QueryName, cypher
from dirgraph.graph.stores import neo4j_store as n4
from dirgraph.graph.stores.neo4j_dialect import to_neo4j


def test_constraints_and_indexes_cover_every_label() -> None:
    constraints = n4.constraint_statements()
    assert len(constraints) == len(NodeType)
    assert "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE" in constraints
    indexes = n4.index_statements()
    assert "CREATE INDEX task_deadline_date IF NOT EXISTS FOR (n:Task) ON (n.deadline_date)" in indexes
    assert all("IF NOT EXISTS" in s for s in constraints + indexes)


def test_merge_statements_take_rows_as_a_parameter() -> None:
    nodes = n4.merge_nodes_statement("Agency")
    assert nodes.startswith("UNWIND $rows AS row MERGE (n:Agency {id: row.id})")
    edges = n4.merge_edges_statement("LEADS", "Agency", "Task")
    assert "MATCH (a:Agency {id: row.source})" in edges and "MERGE (a)-[r:LEADS]->(b)" in edges


@pytest.mark.parametrize("bad", ["Agency) DETACH DELETE (n", "LEADS]->() //", "", "1abc"])
def test_identifiers_are_checked_before_they_reach_cypher(bad: str) -> None:
    with pytest.raises(StoreError):
        n4.merge_nodes_statement(bad)


def test_node_rows_carry_model_fields_as_plain_values() -> None:
    rows = n4.node_rows(quoted_graph())
    plan = next(r for r in rows["Document"] if r["id"] == PLAN)
    assert plan["props"]["kind"] == "Plan" and plan["props"]["level"] == "province"
    assert plan["props"]["placeholder"] is False and "type" not in plan["props"]
    assert all(v is not None for r in rows["Document"] for v in r["props"].values())


def test_edge_rows_group_by_type_and_endpoint_labels() -> None:
    graph = quoted_graph()
    rows = n4.edge_rows(graph)
    implements = rows[("IMPLEMENTS", "Document", "Document")]
    assert [(r["source"], r["target"]) for r in implements] == [(PLAN, KL91)]
    props = implements[0]["props"]
    assert props["quote"] == "Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024"  # first non-empty, as ladybug
    assert props["weight"] == 2 and len(json.loads(props["provenance"])) == 2
    assert rows[("LEADS", "Agency", "Task")][0]["source"] == DEPT
    assert rows[("LEADS", "Agency", "Task")][0]["target"] == TASK
    part_of = rows[("PART_OF", "Agency", "Agency")][0]["props"]
    assert part_of["weight"] == 1 and "quote" not in part_of


def test_edges_to_missing_nodes_are_skipped() -> None:
    graph = Graph()
    graph.add_edge(EdgeType.IMPLEMENTS, "doc-a", "doc-b")
    assert n4.edge_rows(graph) == {}


def test_batches_cover_all_rows_once() -> None:
    rows = [{"id": str(i)} for i in range(2_005)]
    batches = list(n4.batched(rows, 1_000))
    assert [len(b) for b in batches] == [1_000, 1_000, 5]
    assert [r["id"] for b in batches for r in b] == [str(i) for i in range(2_005)]
    with pytest.raises(ValueError):
        list(n4.batched(rows, 0))


def test_sync_plan_writes_nodes_before_edges(seed_graph: Graph) -> None:
    plan = n4.sync_plan(seed_graph, batch_size=10)
    kinds = ["nodes" if "MERGE (n:" in stmt else "edges" for stmt, _ in plan]
    assert kinds == sorted(kinds, key=lambda k: k != "nodes")
    written = sum(len(params["rows"]) for stmt, params in plan if "MERGE (n:" in stmt)
    assert written == len(seed_graph.nodes)
    assert all(len(params["rows"]) <= 10 for _, params in plan)


def test_settings_need_a_uri(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(StoreError, match="NEO4J_URI"):
        n4.settings_from_env()
    monkeypatch.setenv("NEO4J_URI", "bolt://db:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    assert n4.settings_from_env() == ("bolt://db:7687", "neo4j", "secret")


@pytest.mark.parametrize("name", list(QueryName))
def test_shared_queries_translate_to_neo4j(name: QueryName) -> None:
    text = to_neo4j(cypher(name))
    for ladybug_only in ("label(", "list_extract(", "list_contains(", "list_transform(", "SHORTEST"):
        assert ladybug_only not in text
    assert text.count("(") == text.count(")") and text.count("[") == text.count("]")


def test_dialect_rewrites_nested_calls() -> None:
    text = to_neo4j("MATCH p = (a:Document {id: $id})<-[:IMPLEMENTS* SHORTEST 1..8]-(d)\n"
                    "RETURN label(list_extract(rels(p), length(p))) AS r,\n"
                    "NOT list_contains(list_transform(rels(p), x -> label(x)), 'MERGED_INTO') AS ok")
    assert "MATCH p = shortestPath((a:Document {id: $id})<-[:IMPLEMENTS*1..8]-(d))" in text
    assert "type((rels(p))[(length(p)) - 1]) AS r" in text
    assert "NOT ('MERGED_INTO' IN [x IN rels(p) | type(x)]) AS ok" in text


def test_named_rows_are_shaped_like_ladybug() -> None:
    coordination = [["a", "A", "b", "B", "REPORTS_TO", 2, json.dumps([{"quote": "báo cáo"}, {"quote": ""}])]]
    assert n4.shape_named_rows(QueryName.COORDINATION, coordination)[0][6] == ["báo cáo"]
    hops = [["s", None, "IMPLEMENTS", "t", None, None, None, None, None, 3],
            ["s", None, "IMPLEMENTS", "t", None, None, None, None, None, 2]]
    assert [r[-1] for r in n4.shape_named_rows(QueryName.CHAIN_UP, hops)] == [2]
