"""Graph views built from service answers: chain and cascade, coverage with ghost nodes, agency ego network."""

from __future__ import annotations

from dirgraph.graph.service_models import (
    AgencyDetail,
    AgencySummary,
    CascadeRow,
    ChainHop,
    Coverage,
    CoverageDocument,
    CoveredLocality,
    DocumentDetail,
    LocalityRef,
)
from dirgraph.viz.views import agency_ego_view, chain_cascade_graph, coverage_view


class _Chain:
    def chain_up(self, doc_id: str) -> list[ChainHop]:
        return [ChainHop(source=doc_id, relation="implements", target="doc-kl", target_number="91-KL/TW",
                         target_kind="conclusion", target_level="central", quote="Thực hiện Kết luận số 91-KL/TW", depth=1)]

    def cascade(self, doc_id: str) -> list[CascadeRow]:
        return [CascadeRow(id="doc-xa", kind="plan", depth=1, level="commune", parent=doc_id, relation="implements",
                           number="12-KH/ĐU", locality_name="Hưng Đông")]


def _doc() -> DocumentDetail:
    return DocumentDetail(id="doc-tu", kind="plan", number="281-KH/TU", title="Kế hoạch", level="province")


def test_chain_and_cascade_share_one_graph() -> None:
    g = chain_cascade_graph(_Chain(), _doc())
    assert set(g.nodes) == {"doc-tu", "doc-kl", "doc-xa"}
    assert g.nodes["doc-kl"]["type"] == "Conclusion"
    assert g.nodes["doc-xa"]["href"] == "/view/documents/doc-xa"
    quotes = [d["quote"] for _, _, d in g.edges(data=True) if d.get("quote")]
    assert quotes == ["Thực hiện Kết luận số 91-KL/TW"]
    assert g.has_edge("doc-xa", "doc-tu")


def test_coverage_draws_missing_localities_as_ghosts() -> None:
    coverage = Coverage(document_id="doc-kl", level="province", map="post2025", total=3,
                        covered=[CoveredLocality(locality_id="loc-hp", name="Hải Phòng",
                                                 documents=[CoverageDocument(id="doc-tu", lag_days=86)])],
                        missing=[LocalityRef(locality_id="loc-cb", name="Cao Bằng"),
                                 LocalityRef(locality_id="loc-lc", name="Lào Cai")])
    g = coverage_view(_doc(), coverage)
    ghosts = [n for n, d in g.nodes(data=True) if d.get("ghost")]
    assert sorted(ghosts) == ["loc-cb", "loc-lc"]
    assert any("86" in d["quote"] for _, _, d in g.edges(data=True) if d.get("quote"))


def test_agency_ego_network() -> None:
    agency = AgencyDetail(id="a-sgd", name="Sở Giáo dục và Đào tạo", locality_name="Hải Phòng",
                          reports_to=[AgencySummary(id="a-ubnd", name="Ủy ban nhân dân thành phố")],
                          coordinates_with=[AgencySummary(id="a-snv", name="Sở Nội vụ")])
    g = agency_ego_view(agency)
    types = {(a, b, d["type"]) for a, b, d in g.edges(data=True)}
    assert types == {("a-sgd", "a-ubnd", "REPORTS_TO"), ("a-sgd", "a-snv", "COORDINATES_WITH")}
