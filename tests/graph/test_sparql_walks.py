"""The multi-query walks (chain_up, cascade, coverage) answer exactly like their standalone ``.rq``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdf_fixtures import KL91, PLAN, quoted_graph

from dirgraph.graph.model import (
    DocKind,
    DocumentNode,
    EdgeProvenance,
    EdgeType,
    Era,
    Graph,
    Level,
    LocalityLevel,
    LocalityNode,
)
from dirgraph.graph.queries import QueryName, sparql
from dirgraph.graph.stores import sparql_named
from dirgraph.graph.stores.oxigraph_store import OxigraphStore

WALKED = (QueryName.CHAIN_UP, QueryName.CASCADE, QueryName.COVERAGE)
CENTRAL = "doc-12-kl-tw-2025"


def _doc(doc_id: str, number: str, level: Level, locality: str | None, kind: DocKind = DocKind.PLAN) -> DocumentNode:
    return DocumentNode(id=doc_id, kind=kind, number=number, date="2025-03-01", year=2025,
                        title=f"Kế hoạch {number}", issuer_name="Ủy ban nhân dân", level=level,
                        locality_id=locality, placeholder=False, source=f"{doc_id}.txt")


def _prov(doc: str, quote: str = "") -> EdgeProvenance:
    return EdgeProvenance(document=doc, file=f"{doc}.txt", start=0, end=len(quote), quote=quote)


def merged_graph(merge_into: str = "loc-tinh-an-phu", commune: str = "Xã Tân Lập") -> Graph:
    """Old province → old district → old commune (pre-2025), merged into today's units in 2025.

    A plan of the old province, a district plan, a commune plan (which also continues an older
    plan of its own), a plan of a unit on both maps, and a cycle of two plans.
    """
    g = Graph()
    units = (("loc-tinh-an-phu", "Tỉnh An Phú", LocalityLevel.PROVINCE, Era.POST2025),
             ("loc-tinh-binh-son", "Tỉnh Bình Sơn", LocalityLevel.PROVINCE, Era.PRE2025),
             ("loc-huyen-dong-xa", "Huyện Đông Xá", LocalityLevel.DISTRICT, Era.PRE2025),
             ("loc-xa-tan-lap", commune, LocalityLevel.COMMUNE, Era.PRE2025),
             ("loc-xa-tan-lap-moi", "Xã Tân Lập", LocalityLevel.COMMUNE, Era.POST2025),
             ("loc-tinh-cao-nguyen", "Tỉnh Cao Nguyên", LocalityLevel.PROVINCE, Era.BOTH))
    for unit_id, name, level, era in units:
        g.add_node(LocalityNode(id=unit_id, name=name, level=level, era=era))
    g.add_edge(EdgeType.WITHIN, "loc-huyen-dong-xa", "loc-tinh-binh-son")
    g.add_edge(EdgeType.WITHIN, "loc-xa-tan-lap", "loc-huyen-dong-xa")
    g.add_edge(EdgeType.WITHIN, "loc-xa-tan-lap-moi", "loc-tinh-an-phu")
    g.add_edge(EdgeType.MERGED_INTO, "loc-tinh-binh-son", merge_into)
    g.add_edge(EdgeType.MERGED_INTO, "loc-xa-tan-lap", "loc-xa-tan-lap-moi")
    g.add_node(_doc(CENTRAL, "12-KL/TW", Level.CENTRAL, None, DocKind.CONCLUSION))
    plans = (("doc-5-kh-tu--binh-son-2025", "5-KH/TU", Level.PROVINCE, "loc-tinh-binh-son", CENTRAL),
             ("doc-7-kh-ubnd--dong-xa-2025", "7-KH/UBND", Level.DISTRICT, "loc-huyen-dong-xa",
              "doc-5-kh-tu--binh-son-2025"),
             ("doc-9-kh-ubnd--tan-lap-2025", "9-KH/UBND", Level.COMMUNE, "loc-xa-tan-lap",
              "doc-7-kh-ubnd--dong-xa-2025"),
             ("doc-3-kh-ubnd--cao-nguyen-2025", "3-KH/UBND", Level.PROVINCE, "loc-tinh-cao-nguyen", CENTRAL),
             ("doc-4-kh-ubnd--cao-nguyen-2025", "4-KH/UBND", Level.PROVINCE, "loc-tinh-cao-nguyen",
              "doc-3-kh-ubnd--cao-nguyen-2025"))
    for doc_id, number, level, place, parent in plans:
        g.add_node(_doc(doc_id, number, level, place))
        g.add_edge(EdgeType.LOCATED_IN, doc_id, place)
        g.add_edge(EdgeType.IMPLEMENTS, doc_id, parent, _prov(doc_id, f"Thực hiện văn bản cấp trên của {number}"))
    g.add_node(_doc("doc-2-kh-ubnd--tan-lap-2024", "2-KH/UBND", Level.COMMUNE, "loc-xa-tan-lap"))
    g.add_edge(EdgeType.LOCATED_IN, "doc-2-kh-ubnd--tan-lap-2024", "loc-xa-tan-lap")
    g.add_edge(EdgeType.CONTINUES, "doc-9-kh-ubnd--tan-lap-2025", "doc-2-kh-ubnd--tan-lap-2024")
    g.add_edge(EdgeType.BASED_ON, "doc-2-kh-ubnd--tan-lap-2024", "doc-7-kh-ubnd--dong-xa-2025", _prov(
        "doc-2-kh-ubnd--tan-lap-2024"))
    g.add_edge(EdgeType.BASED_ON, "doc-3-kh-ubnd--cao-nguyen-2025", "doc-4-kh-ubnd--cao-nguyen-2025")
    return g


def _standalone(store: OxigraphStore, name: QueryName, params: dict[str, Any]) -> list[str]:
    """The rows of the ``.rq`` itself, run as one query (what the query page shows)."""
    rows = store.select(sparql_named.fill(sparql(name), params))
    return _sorted(sparql_named.finish(name, rows, params).rows)


def _sorted(rows: list[list[Any]]) -> list[str]:
    return sorted(json.dumps([sorted(c) if isinstance(c, list) else c for c in row], ensure_ascii=False)
                  for row in rows)


def _params(graph: Graph) -> list[tuple[QueryName, dict[str, Any]]]:
    out: list[tuple[QueryName, dict[str, Any]]] = []
    for node in graph.nodes.values():
        if isinstance(node, DocumentNode):
            out += [(QueryName.CHAIN_UP, {"id": node.id}), (QueryName.CASCADE, {"id": node.id})]
            out += [(QueryName.COVERAGE, {"id": node.id, "level": level, "era": era})
                    for level in ("province", "district", "commune") for era in ("pre2025", "post2025")]
    return out


def _check_all(store: OxigraphStore, graph: Graph) -> int:
    rows = 0
    for name, params in _params(graph):
        got = _sorted(store.named(name, params).rows)
        assert got == _standalone(store, name, params), (name, params)
        rows += len(got)
    return rows


@pytest.mark.parametrize("build", [merged_graph, quoted_graph], ids=["merged", "quoted"])
def test_walks_answer_like_the_standalone_queries(build: Any, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    store.load(build())
    assert _check_all(store, build()) > 5


def test_walks_answer_like_the_standalone_queries_on_the_seeds(seed_graph: Graph, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    store.load(seed_graph)
    assert _check_all(store, seed_graph) > 10


def test_coverage_follows_merges_on_todays_map_only(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    store.load(merged_graph())
    post = store.named(QueryName.COVERAGE, {"id": CENTRAL, "level": "province", "era": "post2025"}).rows
    pre = store.named(QueryName.COVERAGE, {"id": CENTRAL, "level": "province", "era": "pre2025"}).rows
    assert {r[0] for r in post} == {"loc-tinh-an-phu", "loc-tinh-cao-nguyen"}
    assert {r[0] for r in pre} == {"loc-tinh-binh-son", "loc-tinh-cao-nguyen"}
    communes = store.named(QueryName.COVERAGE, {"id": CENTRAL, "level": "commune", "era": "post2025"}).rows
    assert {(r[0], r[2]) for r in communes} == {("loc-xa-tan-lap-moi", "doc-9-kh-ubnd--tan-lap-2025"),
                                                ("loc-xa-tan-lap-moi", "doc-2-kh-ubnd--tan-lap-2024")}


def test_cached_places_are_dropped_when_the_store_is_reloaded(tmp_path: Path) -> None:
    writer, reader = OxigraphStore(tmp_path / "ox"), OxigraphStore(tmp_path / "ox", read_only=True)
    writer.load(merged_graph())
    params = {"id": CENTRAL, "level": "province", "era": "post2025"}
    province_plan = "doc-5-kh-tu--binh-son-2025"
    for store in (writer, reader):
        rows = store.named(QueryName.COVERAGE, params).rows
        assert {r[0] for r in rows if r[2] == province_plan} == {"loc-tinh-an-phu"}
    for store in (writer, reader):
        store.named(QueryName.CASCADE, {"id": CENTRAL})
    writer.load(merged_graph(merge_into="loc-tinh-cao-nguyen", commune="Xã Tân Lập Cũ"))
    for store in (writer, reader):
        cascade = store.named(QueryName.CASCADE, {"id": CENTRAL}).rows
        assert "Xã Tân Lập Cũ" in {r[8] for r in cascade}
        rows = store.named(QueryName.COVERAGE, params).rows
        assert {r[0] for r in rows if r[2] == province_plan} == {"loc-tinh-cao-nguyen"}
        assert _sorted(rows) == _standalone(store, QueryName.COVERAGE, params)


def test_chain_up_quotes_come_from_the_rank_zero_statement(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    store.load(quoted_graph())
    hops = store.named(QueryName.CHAIN_UP, {"id": PLAN}).rows
    assert hops[0][3] == KL91 and hops[0][8] == "Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024"


def test_walks_reject_bad_parameters_before_running(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "ox")
    store.load(quoted_graph())
    from dirgraph.core.errors import QueryRejectedError

    for name, params in ((QueryName.CASCADE, {"id": "> } DROP ALL #"}),
                         (QueryName.COVERAGE, {"id": KL91, "level": "province", "era": "1990"})):
        with pytest.raises(QueryRejectedError):
            store.named(name, params)
