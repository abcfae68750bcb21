"""The graph model, slugs, deadlines and the agency tables, entry by entry."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from dirgraph.graph.agency_keys import agency_key, parent_rule, part_of_rules
from dirgraph.graph.deadlines import deadline_date
from dirgraph.graph.model import (
    EDGE_ENDPOINTS,
    DocKind,
    DocumentNode,
    EdgeProvenance,
    EdgeType,
    Graph,
    slug,
)
from dirgraph.graph.places import level_hints


def test_slug_is_url_path_safe_and_folds_diacritics() -> None:
    assert slug("91-KL/TW") == "91-kl-tw"
    assert slug("Sở Giáo dục và Đào tạo") == "so-giao-duc-va-dao-tao"
    assert "/" not in slug("09/2024/TT-BGDĐT")


def test_doc_kind_maps_every_schema_kind() -> None:
    for kind in ("resolution", "conclusion", "directive", "plan", "program", "decision", "regulation",
                 "circular", "guidance", "decree", "law", "report", "dispatch", "other"):
        assert DocKind.from_record(kind).record_kind == kind
    assert DocKind.from_record("unheard-of") is DocKind.OTHER


def test_models_refuse_unknown_fields() -> None:
    with pytest.raises(TypeError):
        DocumentNode(id="doc-x", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):  # nor does graph.json pass one
        Graph.model_validate_json('{"nodes":{"doc-x":{"type":"Document","id":"doc-x","colour":"red"}},"edges":{}}')
    with pytest.raises(ValidationError):  # and a node's type picks its fields
        Graph.model_validate_json('{"nodes":{"t":{"type":"Task","id":"t","name":"x"}},"edges":{}}')


def test_graph_json_refuses_unknown_fields_of_edges_and_statements() -> None:
    good = ('{"nodes":{},"edges":{"IMPLEMENTS|a|b":{"type":"IMPLEMENTS","source":"a","target":"b",'
            '"provenances":[{"document":"a","file":"a.txt","start":0,"end":4,"quote":"Thực"}]}}}')
    graph = Graph.model_validate_json(good)
    edge = graph.edges["IMPLEMENTS|a|b"]
    assert edge.type is EdgeType.IMPLEMENTS and edge.provenances == [EdgeProvenance("a", "a.txt", 0, 4, "Thực")]
    assert graph.model_dump_json() == good
    for bad in (good.replace('"quote":"Thực"', '"quote":"Thực","colour":"red"'),
                good.replace('"target":"b",', '"target":"b","weight":2,')):
        with pytest.raises(ValidationError):
            Graph.model_validate_json(bad)


def test_nodes_edges_and_statements_carry_no_instance_dict() -> None:
    """~1.7 M nodes, ~4 M edges and ~3.7 M statements at 10^5 documents: slots, not a ``__dict__``
    and a fields-set each (measured at 10^4: resolve's peak 1,290 → 901 MB with the records'
    provenances)."""
    graph = Graph()
    edge = graph.add_edge(EdgeType.IMPLEMENTS, "a", "b", EdgeProvenance("a", "a.txt"))
    node = graph.add_node(DocumentNode(id="a", kind=DocKind.PLAN))
    assert not hasattr(edge, "__dict__") and not hasattr(edge.provenances[0], "__dict__")
    assert not hasattr(node, "__dict__")
    assert node.as_dict()["kind"] == "Plan" and node.as_dict()["aliases"] == []
    assert edge.as_dict() == json.loads(graph.model_dump_json())["edges"]["IMPLEMENTS|a|b"]


def test_edge_stated_twice_keeps_both_provenances() -> None:
    g = Graph()
    p1 = EdgeProvenance(document="doc-a", file="a.txt", start=1, end=9, quote="Thực hiện Kết luận 91")
    p2 = EdgeProvenance(document="doc-b", file="b.txt", quote="Kế hoạch 298 thực hiện Kết luận 91")
    g.add_edge(EdgeType.IMPLEMENTS, "doc-a", "doc-91", p1)
    g.add_edge(EdgeType.IMPLEMENTS, "doc-a", "doc-91", p2)
    g.add_edge(EdgeType.IMPLEMENTS, "doc-a", "doc-91", p1)
    (edge,) = g.edges.values()
    assert edge.provenances == [p1, p2]
    assert edge.quotes() == ["Thực hiện Kết luận 91", "Kế hoạch 298 thực hiện Kết luận 91"]


def test_every_edge_type_has_endpoints() -> None:
    assert set(EDGE_ENDPOINTS) == set(EdgeType)


@pytest.mark.parametrize(("kind", "value", "expected"), [
    ("by", "2025", "2025-12-31"), ("by", "2025-Q2", "2025-06-30"), ("by", "2024-02", "2024-02-29"),
    ("by", "2025-06-15", "2025-06-15"), ("by", "soon", None), ("recurring", "annually", None), (None, None, None),
])
def test_deadline_date_is_end_of_period(kind: str | None, value: str | None, expected: str | None) -> None:
    assert deadline_date(kind, value) == expected


def test_agency_key_folds_one_trailing_level_word() -> None:
    assert agency_key("Ủy ban nhân dân tỉnh") == agency_key("UỶ BAN NHÂN DÂN")
    assert agency_key("Ủy ban nhân dân thành phố") == agency_key("Ủy ban nhân dân")
    assert agency_key("Sở Tài chính") != agency_key("Sở Nội vụ")


# One case per row of graph/data/part_of.tsv: (a name the row covers, expected parent, department?).
PART_OF_CASES = [
    ("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", False), ("Ban Thường vụ Thành ủy", "Thành ủy", False),
    ("Ban Thường vụ Huyện ủy", "Huyện ủy", False), ("Ban Thường vụ Quận ủy", "Quận ủy", False),
    ("Ban Thường vụ Thị ủy", "Thị ủy", False), ("Ban Thường vụ Đảng ủy", "Đảng ủy", False),
    ("Ban Tuyên giáo Tỉnh ủy", "Tỉnh ủy", True), ("Ban Tổ chức Thành ủy", "Thành ủy", True),
    ("Ban Dân vận Huyện ủy", "Huyện ủy", True), ("Ban Tuyên giáo Quận ủy", "Quận ủy", True),
    ("Ban Tuyên giáo Thị ủy", "Thị ủy", True), ("Văn phòng Tỉnh ủy", "Tỉnh ủy", True),
    ("Văn phòng Thành ủy", "Thành ủy", True), ("Văn phòng Huyện ủy", "Huyện ủy", True),
    ("Ủy ban Kiểm tra Tỉnh ủy", "Tỉnh ủy", True), ("Ủy ban Kiểm tra Thành ủy", "Thành ủy", True),
    ("Ủy ban Kiểm tra Huyện ủy", "Huyện ủy", True), ("Sở Giáo dục và Đào tạo", "Ủy ban nhân dân", True),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân", True),
    ("Văn phòng Ủy ban nhân dân", "Ủy ban nhân dân", True),
    ("Phòng Giáo dục và Đào tạo", "Ủy ban nhân dân", True),
    ("Thường trực Hội đồng nhân dân huyện", "Hội đồng nhân dân", False),
    ("Thường trực Hội đồng nhân dân", "Hội đồng nhân dân", False),
    ("Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh", "Hội đồng nhân dân", True),
    ("Ban Pháp chế Hội đồng nhân dân", "Hội đồng nhân dân", True),
]


def test_part_of_cases_cover_every_table_row() -> None:
    used = {parent_rule(name) for name, _, _ in PART_OF_CASES}
    assert set(part_of_rules()) <= used


@pytest.mark.parametrize(("name", "parent", "department"), PART_OF_CASES)
def test_part_of_rule(name: str, parent: str, department: bool) -> None:
    rule = parent_rule(name)
    assert rule is not None
    assert (rule.parent, rule.department) == (parent, department)


@pytest.mark.parametrize("name", ["Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Bộ Chính trị", "Hội đồng nhân dân"])
def test_top_bodies_have_no_parent(name: str) -> None:
    assert parent_rule(name) is None


@pytest.mark.parametrize(("name", "levels"), [
    ("Ban Thường vụ Tỉnh ủy", ("province",)), ("Ban Thường vụ Huyện ủy", ("district",)),
    ("Ủy ban nhân dân xã", ("commune",)), ("Ban Thường vụ Đảng ủy", ("commune",)),
    ("các sở, ngành, địa phương", ()), ("Đảng ủy các xã, thị trấn", ()),
])
def test_level_hints(name: str, levels: tuple[str, ...]) -> None:
    assert level_hints(name) == levels


def test_edge_keys_spell_the_type_by_its_value() -> None:
    """``Graph.add_edge`` formats the type straight into the key: true only while EdgeType is a StrEnum."""
    g = Graph()
    for etype in EdgeType:
        assert f"{etype}" == etype.value
        g.add_edge(etype, "a", "b")
    assert sorted(g.edges) == sorted(f"{etype.value}|a|b" for etype in EdgeType)
