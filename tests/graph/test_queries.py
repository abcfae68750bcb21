"""The analyst queries through GraphService on the gold seeds (five real plans of 91-KL/TW)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from graph_fixtures import GOLD_DIR

from dirgraph.core.errors import NotFoundError, QueryRejectedError
from dirgraph.graph.cypher_guard import check_read_only
from dirgraph.graph.service import GraphService

KL91, NQ29 = "doc-91-kl-tw-2024", "doc-29-nq-tw-2013"


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphService]:
    service = GraphService.open(tmp_path_factory.mktemp("home"))
    report = service.ingest_paths([GOLD_DIR], workers=1)
    assert len(report.read) == 5 and not report.failed
    yield service
    service.close()


def _plan_of(svc: GraphService, issuer_locality: str) -> str:
    docs = svc.list_documents(locality=issuer_locality, kind="plan").items
    return next(d.id for d in docs if not d.placeholder)


def test_chain_up_reaches_the_resolution_through_the_conclusion(svc: GraphService) -> None:
    hops = svc.chain_up(_plan_of(svc, "Hải Phòng"))
    first = {(h.relation, h.target) for h in hops if h.depth == 1}
    assert ("IMPLEMENTS", KL91) in first
    assert any(h.source == KL91 and h.relation == "CONTINUES" and h.target == NQ29 and h.depth == 2 for h in hops)


def test_cascade_groups_the_seed_plans_by_level_and_locality(svc: GraphService) -> None:
    rows = svc.cascade(KL91)
    ingested = {(r.level, r.locality_name) for r in rows if not r.placeholder}
    assert ingested == {("commune", "Hưng Đông"), ("province", "Cần Thơ"), ("department", "Hải Phòng"),
                        ("district", "Tam Đường"), ("province", "Lâm Đồng")}
    assert all(r.depth == 1 for r in rows)
    deeper = svc.cascade(NQ29)
    assert {r.id for r in rows} <= {r.id for r in deeper}
    assert [r.depth for r in deeper] == sorted(r.depth for r in deeper)


def test_coverage_finds_todays_province_of_a_merged_commune(svc: GraphService) -> None:
    post = svc.coverage(KL91, level="province", map="post2025")
    assert {c.name for c in post.covered} == {"Cần Thơ", "Hải Phòng", "Lai Châu", "Lâm Đồng", "Nghệ An"}
    assert post.total == 34 and len(post.missing) == 29
    pre = svc.coverage(KL91, level="province", map="pre2025")
    assert pre.total == 63
    communes = svc.coverage(KL91, level="commune", map="post2025")
    assert [c.name for c in communes.covered] == ["Vinh Hưng"]  # Hưng Đông went into Vinh Hưng in 2025
    hai_phong = next(c for c in post.covered if c.name == "Hải Phòng")
    assert all(d.lag_days is None or d.lag_days > 0 for d in hai_phong.documents)
    with pytest.raises(QueryRejectedError):
        svc.coverage(KL91, level="district", map="post2025")


def test_task_agencies_with_parent_body(svc: GraphService) -> None:
    agency = svc.search_agencies("so giao duc hai phong")[0]
    assert agency.id == "agency-so-giao-duc-va-dao-tao--hai-phong"
    detail = svc.get_agency(agency.id)
    assert detail.tasks and [a.name for a in detail.part_of] == ["Ủy ban nhân dân thành phố"]
    task = svc.get_task(detail.tasks[0].task_id)
    mine = [r for r in task.responsible if r.agency_id == agency.id]
    assert mine and mine[0].parent_agency_name == "Ủy ban nhân dân thành phố"


def test_deadlines_window(svc: GraphService) -> None:
    rows = svc.deadlines("2024-10-01", "2024-12-31")
    assert rows and all("2024-10-01" <= (r.deadline_date or "") <= "2024-12-31" for r in rows)
    assert len(svc.deadlines()) >= len(rows)


def test_coordination_network_without_diacritics(svc: GraphService) -> None:
    edges = svc.coordination_network("hai phong")
    assert {"COORDINATES_WITH", "REPORTS_TO", "PART_OF"} <= {e.type for e in edges}
    assert all(e.weight >= 1 for e in edges)
    with pytest.raises(NotFoundError):
        svc.coordination_network("Atlantis")


def test_search_with_and_without_diacritics(svc: GraphService) -> None:
    with_marks = svc.search("Sở Giáo dục")
    without = svc.search("so giao duc")
    assert {a.id for a in with_marks.agencies} == {a.id for a in without.agencies}
    assert svc.resolve_document("91-KL/TW") == KL91


def test_document_detail_and_matrix(svc: GraphService) -> None:
    detail = svc.get_document(KL91)
    assert detail.placeholder and detail.kind == "Conclusion"
    assert len(detail.relations_in) >= 5 and detail.relations_out[0].other.id == NQ29
    plan = _plan_of(svc, "Hải Phòng")
    matrix = svc.responsibility_matrix(plan)
    assert {r.role for r in matrix} >= {"leads", "coordinates"}
    assert len(svc.document_tasks(plan)) == svc.get_document(plan).task_count
    with pytest.raises(NotFoundError):
        svc.get_document("doc-nope")


def test_subgraph_for_the_viz(svc: GraphService) -> None:
    g = svc.subgraph(KL91, depth=1, node_types=["Document"])
    assert KL91 in g and all(d["type"] == "Document" for _, d in g.nodes(data=True))
    assert all({"type", "quote", "source_file"} <= set(d) for _, _, d in g.edges(data=True))
    assert all({"label", "type", "title"} <= set(d) for _, d in g.nodes(data=True))


def test_cypher_is_parameterised_and_read_only(svc: GraphService) -> None:
    result = svc.cypher("MATCH (d:Document {number: $n}) RETURN d.id AS id", {"n": "91-KL/TW"})
    assert result.rows == [[KL91]]
    with pytest.raises(QueryRejectedError):
        svc.cypher("MATCH (d:Document) DETACH DELETE d")


@pytest.mark.parametrize("query", [
    "MATCH (n) SET n.x = 1", "LOAD FROM '/etc/passwd' RETURN *", "CALL read_csv('x')", "COPY Document FROM 'x'",
    "INSTALL httpfs", "ATTACH 'x' AS y", "", "match (n) merge (m {id: 'a'})",
])
def test_cypher_guard_refuses(query: str) -> None:
    with pytest.raises(QueryRejectedError):
        check_read_only(query)


@pytest.mark.parametrize("query", [
    "MATCH (d:Document) WHERE d.title CONTAINS 'SET' RETURN d.id", "CALL show_tables() RETURN *",
    "// DELETE in a comment\nMATCH (n) RETURN count(n)",
])
def test_cypher_guard_allows(query: str) -> None:
    check_read_only(query)


def test_reingest_is_a_no_op(svc: GraphService, tmp_path: Path) -> None:
    before = svc.stats()
    report = svc.ingest_paths([GOLD_DIR])
    assert report.read == [] and len(report.unchanged) == 5
    assert svc.stats() == before


def test_todays_province_finds_plans_of_units_merged_into_it(tmp_path: Path) -> None:
    """Hải Dương merged into Hải Phòng in 2025: its plan counts for Hải Phòng on the post-2025 map."""
    import json

    from graph_fixtures import central_conclusion, province_plan

    from dirgraph.graph.workspace import Workspace

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, rec in (("kl.json", central_conclusion()), ("hd.json", province_plan("hd.txt", "Hải Dương"))):
        (docs / name).write_text(json.dumps(rec.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    ws = Workspace(tmp_path / "home")
    ws.ingest([docs], workers=1)
    ws.build_graph()
    with GraphService.open(tmp_path / "home", backend="networkx") as svc:
        assert [d.locality_name for d in svc.list_documents(locality="Hai Phong").items] == ["Hải Dương"]
        post = svc.coverage(KL91, level="province", map="post2025")
        assert [c.name for c in post.covered] == ["Hải Phòng"]
        pre = svc.coverage(KL91, level="province", map="pre2025")
        assert [c.name for c in pre.covered] == ["Hải Dương"]
        assert svc.cascade(KL91)[0].locality_name == "Hải Dương"


def test_queries_from_several_threads_agree(svc: GraphService) -> None:
    """The API answers from a thread pool: each thread gets its own connection."""
    from concurrent.futures import ThreadPoolExecutor

    expected = [r.id for r in svc.cascade(NQ29)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: [r.id for r in svc.cascade(NQ29)], range(12)))
    assert all(r == expected for r in results)


def test_subgraph_locality_filter(svc: GraphService) -> None:
    g = svc.subgraph(KL91, depth=2, locality="Hải Phòng")
    places = {d.get("locality_id") for n, d in g.nodes(data=True) if d["type"] != "Locality"}
    assert "loc-hai-phong" in places and places <= {None, "loc-hai-phong"}
    assert svc.subgraph(KL91, depth=0).number_of_nodes() == 1


def test_search_expands_abbreviations(svc: GraphService) -> None:
    from dirgraph.graph.service_views import expand_query

    assert expand_query("UBND Hải Phòng") == "uy ban nhan dan hai phong"
    assert expand_query("Sở GD&ĐT") == "so giao duc va dao tao"
    found = svc.search_agencies("Sở GD&ĐT Hải Phòng")
    assert found and found[0].id == "agency-so-giao-duc-va-dao-tao--hai-phong"
