"""The seven analyst queries in SPARQL answer exactly like their Cypher versions; the endpoint is bounded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdf_fixtures import DEPT, HP, KL91, PLAN, TASK, quoted_graph

from dirgraph.core.errors import QueryRejectedError, QueryTimeoutError, StoreError
from dirgraph.graph.model import AgencyNode, DocumentNode, Graph, LocalityNode, TaskNode
from dirgraph.graph.queries import COLUMNS, QueryName
from dirgraph.graph.stores.ladybug_store import LadybugStore
from dirgraph.graph.stores.oxigraph_store import OxigraphStore, run_sparql, store_dir

DEMO = Path(__file__).resolve().parents[2] / "demo"


def _normal(name: QueryName, rows: list[list[Any]]) -> list[str]:
    """Rows as sorted JSON, list cells sorted; cascade's parent/relation set aside (any shortest path)."""
    out = []
    for row in rows:
        cells = [sorted(c) if isinstance(c, list) else c for c in row]
        out.append(json.dumps(cells[:10] + cells[12:] if name is QueryName.CASCADE else cells, ensure_ascii=False))
    return sorted(out)


def _check_cascade_parents(graph: Graph, root: str, rows: list[list[Any]]) -> None:
    depth = {row[0]: row[5] for row in rows} | {root: 0}
    for row in rows:
        assert f"{row[11]}|{row[0]}|{row[10]}" in graph.edges
        assert depth[row[10]] == depth[row[0]] - 1


def _cases(graph: Graph) -> Iterator[tuple[QueryName, dict[str, Any]]]:
    nodes = list(graph.nodes.values())
    for n in nodes:
        if isinstance(n, DocumentNode):
            yield QueryName.CHAIN_UP, {"id": n.id}
            yield QueryName.CASCADE, {"id": n.id}
            for level in ("province", "district", "commune"):
                for era in ("pre2025", "post2025"):
                    yield QueryName.COVERAGE, {"id": n.id, "level": level, "era": era}
        elif isinstance(n, TaskNode):
            yield QueryName.TASK_AGENCIES, {"id": n.id}
        elif isinstance(n, AgencyNode):
            yield QueryName.AGENCY_TASKS, {"id": n.id}
        elif isinstance(n, LocalityNode):
            yield QueryName.COORDINATION, {"id": n.id}
    for lo, hi in (("0001-01-01", "9999-12-31"), ("2025-01-01", "2025-06-30")):
        yield QueryName.DEADLINES, {"date_from": lo, "date_to": hi}


def _compare(graph: Graph, tmp: Path) -> int:
    sparql_store, cypher_store = OxigraphStore(tmp / "ox"), LadybugStore(tmp / "lb")
    sparql_store.load(graph)
    cypher_store.load(graph)
    rows = 0
    try:
        for name, params in _cases(graph):
            got, want = sparql_store.named(name, params), cypher_store.named(name, params)
            assert got.columns == want.columns == list(COLUMNS[name])
            assert _normal(name, got.rows) == _normal(name, want.rows), (name, params)
            if name is QueryName.CASCADE:
                _check_cascade_parents(graph, params["id"], got.rows)
            rows += len(want.rows)
    finally:
        cypher_store.close()
        sparql_store.close()
    return rows


def test_seed_answers_equal_cypher(seed_graph: Graph, tmp_path: Path) -> None:
    assert _compare(seed_graph, tmp_path) > 300


def test_quoted_answers_equal_cypher(tmp_path: Path) -> None:
    assert _compare(quoted_graph(), tmp_path) > 5


def test_demo_answers_equal_cypher(tmp_path: Path) -> None:
    pipeline = pytest.importorskip("dirgraph.ingest.pipeline")
    from dirgraph.graph.resolve import resolve

    files = sorted(p for p in DEMO.glob("*") if p.is_file() and p.stem != "README" and p.suffix in {".txt", ".md", ".docx", ".pdf", ".html"})
    if not files:
        pytest.skip("no demo corpus yet")
    graph = resolve([pipeline.extract_file(p) for p in files])
    assert _compare(graph, tmp_path) > 0


def test_quotes_come_from_the_first_quoted_statement(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    store.load(quoted_graph())
    hops = store.named(QueryName.CHAIN_UP, {"id": PLAN}).rows
    assert [(h[2], h[3], h[8], h[9]) for h in hops] == [
        ("IMPLEMENTS", KL91, "Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024", 1),
        ("CONTINUES", "doc-29-nq-tw-2013", "Kết luận số 91-KL/TW về tiếp tục thực hiện Nghị quyết số 29-NQ/TW", 2)]
    agencies = {r[0]: r for r in store.named(QueryName.TASK_AGENCIES, {"id": TASK}).rows}
    assert agencies[DEPT][2] == "leads" and agencies[DEPT][3] == "agency-uy-ban-nhan-dan--hai-phong"
    assert agencies[DEPT][6].startswith("Giao Sở Giáo dục")
    edges = {(r[0], r[2], r[4]): r for r in store.named(QueryName.COORDINATION, {"id": HP}).rows}
    coordination = edges[(DEPT, "agency-so-tai-chinh--hai-phong", "COORDINATES_WITH")]
    assert coordination[5] == 2 and len(coordination[6]) == 2


def test_bad_parameters_are_rejected_before_running(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    store.load(quoted_graph())
    with pytest.raises(QueryRejectedError):
        store.named(QueryName.CHAIN_UP, {"id": "> } DROP ALL #"})
    with pytest.raises(QueryRejectedError):
        store.named(QueryName.DEADLINES, {"date_from": '2025" || true', "date_to": "2025-12-31"})
    with pytest.raises(QueryRejectedError):
        store.named(QueryName.COVERAGE, {"id": KL91, "level": "planet", "era": "post2025"})


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    OxigraphStore(store_dir(tmp_path)).load(quoted_graph())
    return tmp_path


@pytest.mark.parametrize(("accept", "media", "needle"), [
    (None, "application/sparql-results+json", '"vars"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
    ("text/csv", "text/csv", "name"),
    ("text/tab-separated-values, */*", "text/tab-separated-values", "?name"),
])
def test_select_serializations(home: Path, accept: str | None, media: str, needle: str) -> None:
    result = run_sparql(home, "SELECT ?name WHERE { ?a a <https://dirgraph.org/ns#Agency> ; "
                              "<https://schema.org/name> ?name } ORDER BY ?name", accept=accept)
    assert result.kind == "solutions" and result.media_type == media
    assert needle in result.serialized and "Sở Tài chính" in result.serialized
    assert result.columns == ["name"] and ["Sở Tài chính"] in result.rows


@pytest.mark.parametrize(("accept", "media", "needle"), [
    (None, "text/turtle", "dirgraph.org/id/"),
    ("application/ld+json", "application/ld+json", "@id"),
    ("application/n-triples", "application/n-triples", "<https://schema.org/name>"),
])
def test_graph_serializations(home: Path, accept: str | None, media: str, needle: str) -> None:
    result = run_sparql(home, f"DESCRIBE <https://dirgraph.org/id/{DEPT}>", accept=accept)
    assert result.kind == "graph" and result.media_type == media and needle in result.serialized


def test_ask_and_union_of_named_graphs(home: Path) -> None:
    result = run_sparql(home, f"ASK {{ <https://dirgraph.org/id/{PLAN}> "
                              "<http://data.europa.eu/eli/ontology#ensures_implementation_of> ?x }")
    assert result.kind == "boolean" and result.boolean is True


def test_endpoint_refuses_updates_and_federation(home: Path) -> None:
    with pytest.raises(QueryRejectedError):
        run_sparql(home, "DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryRejectedError):
        run_sparql(home, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert run_sparql(home, "ASK { ?s ?p ?o }").boolean is True  # nothing was deleted


def test_runaway_query_is_killed_at_the_deadline(home: Path) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeoutError):
        run_sparql(home, runaway, timeout_s=1.0)
    assert run_sparql(home, "ASK { ?s ?p ?o }").boolean is True  # a fresh worker answers


def test_reload_switches_readers_to_the_new_data(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    assert store.counts().nodes == {}
    store.load(quoted_graph())
    assert store.counts().nodes["Agency"] == 3
    store.load(Graph())
    assert store.counts().nodes == {}
    assert len(list((tmp_path / "ox").glob("db-*"))) <= 2


def test_read_only_store_refuses_loads(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="read-only"):
        OxigraphStore(tmp_path / "ox", read_only=True).load(quoted_graph())
