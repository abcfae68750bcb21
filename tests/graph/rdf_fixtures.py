"""A small hand-built graph whose edges carry quotes (the gold seeds carry none)."""

from __future__ import annotations

from dirgraph.graph.model import (
    AgencyNode,
    DocKind,
    DocumentNode,
    EdgeProvenance,
    EdgeType,
    Graph,
    Level,
    LocalityLevel,
    LocalityNode,
    TaskNode,
)

PLAN = "doc-298-kh-ubnd--hai-phong-2024"
KL91 = "doc-91-kl-tw-2024"
NQ29 = "doc-29-nq-tw-2013"
TASK = "task-298-kh-ubnd--hai-phong-2024-ii-1"
DEPT = "agency-so-giao-duc-va-dao-tao--hai-phong"
FIN = "agency-so-tai-chinh--hai-phong"
UBND = "agency-uy-ban-nhan-dan--hai-phong"
HP = "loc-hai-phong"


def _prov(quote: str = "", doc: str = PLAN) -> EdgeProvenance:
    return EdgeProvenance(document=doc, file="kh-298.txt", start=0, end=len(quote), quote=quote)


def quoted_graph() -> Graph:
    """A province plan implementing 91-KL/TW with quoted relations, assignments and agency edges."""
    g = Graph()
    g.add_node(LocalityNode(id=HP, name="Hải Phòng", level=LocalityLevel.PROVINCE, code="31", province="Hải Phòng"))
    g.add_node(DocumentNode(id=PLAN, kind=DocKind.PLAN, number="298/KH-UBND", date="2024-12-30", year=2024,
                            title="Kế hoạch thực hiện Kết luận số 91-KL/TW", issuer_id=UBND,
                            issuer_name="Ủy ban nhân dân thành phố", locality_id=HP, locality_name="Hải Phòng",
                            level=Level.PROVINCE, placeholder=False, source="kh-298.txt", sha256="ab" * 32))
    g.add_node(DocumentNode(id=KL91, kind=DocKind.CONCLUSION, number="91-KL/TW", date="2024-08-12", year=2024,
                            issuer_name="Bộ Chính trị", level=Level.CENTRAL))
    g.add_node(DocumentNode(id=NQ29, kind=DocKind.RESOLUTION, number="29-NQ/TW", date="2013-11-04", year=2013,
                            level=Level.CENTRAL))
    for agency_id, name, level in ((DEPT, "Sở Giáo dục và Đào tạo", Level.DEPARTMENT),
                                   (FIN, "Sở Tài chính", Level.DEPARTMENT),
                                   (UBND, "Ủy ban nhân dân thành phố", Level.PROVINCE)):
        g.add_node(AgencyNode(id=agency_id, name=name, locality_name="Hải Phòng", locality_id=HP, level=level))
        g.add_edge(EdgeType.LOCATED_IN, agency_id, HP)
    g.add_node(TaskNode(id=TASK, document_id=PLAN, local_id="II.1", text="Đổi mới quản lý giáo dục",
                        deadline_kind="by", deadline_value="2025-Q2", deadline_date="2025-06-30"))
    g.add_edge(EdgeType.HAS_TASK, PLAN, TASK, _prov())
    g.add_edge(EdgeType.LOCATED_IN, PLAN, HP)
    g.add_edge(EdgeType.ISSUED_BY, PLAN, UBND, _prov())
    g.add_edge(EdgeType.IMPLEMENTS, PLAN, KL91, _prov())
    g.add_edge(EdgeType.IMPLEMENTS, PLAN, KL91, _prov("Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024"))
    g.add_edge(EdgeType.CONTINUES, KL91, NQ29, _prov("Kết luận số 91-KL/TW về tiếp tục thực hiện Nghị quyết số 29-NQ/TW"))
    g.add_edge(EdgeType.LEADS, DEPT, TASK, _prov("Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Tài chính"))
    g.add_edge(EdgeType.COORDINATES, FIN, TASK, _prov("phối hợp với Sở Tài chính"))
    g.add_edge(EdgeType.PART_OF, DEPT, UBND)
    g.add_edge(EdgeType.PART_OF, FIN, UBND)
    g.add_edge(EdgeType.COORDINATES_WITH, DEPT, FIN, _prov("chủ trì, phối hợp với Sở Tài chính"))
    g.add_edge(EdgeType.COORDINATES_WITH, DEPT, FIN, _prov("phối hợp chặt chẽ với Sở Tài chính"))
    g.add_edge(EdgeType.REPORTS_TO, DEPT, UBND, _prov("báo cáo Ủy ban nhân dân thành phố"))
    return g
