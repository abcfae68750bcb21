"""Appendix task tables, as pipe rows and as PDF text with flattened columns."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from dirgraph.ingest.body import extract_body
from dirgraph.ingest.body.appendix import appendix_rows
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.context import DocContext

PIPE = """như sau:
I. NHIỆM VỤ
1. Hoàn thiện thể chế (chi tiết tại Phụ lục kèm theo).
Nơi nhận:
- Như trên;
CHỦ TỊCH
PHỤ LỤC
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2025 của UBND tỉnh)
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| I | Hoàn thiện thể chế |  |  |  |  |
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Sở Y tế; Sở Nội vụ | Quý II/2025 | Báo cáo |
| 2 | Ban hành quy chế chia sẻ dữ liệu | Sở Y tế, UBND các huyện |  | Hằng năm | Quyết định |
"""

# A PDF appendix whose columns were flattened into broken lines (page header repeated mid-row).
FLAT_LINES = """như sau:
Nơi nhận:
PHỤ LỤC
Các nhiệm vụ trọng tâm
TT Nhiệm vụ
Cơ quan
chủ trì
Cơ quan phối hợp
Thời gian
thực hiện
1 Công tác tuyên truyền, quán triệt Nghị quyết của Bộ Chính trị
1.1 Tổ chức học tập, quán triệt Nghị quyết
Các sở ngành địa
phương

Hoàn thành
trong Quý
IV/2025
1.2
Nâng cao chất lượng giáo dục mầm non, giáo dục
phổ thông
Sở Giáo dục và
Đào tạo, Sở Lao
động, Thương
binh và Xã hội
Sở Kế hoạch và Đầu tư;
các sở, ngành liên quan
Hàng năm
"""

FLAT_JOINED = """như sau:
Nơi nhận:
PHỤ LỤC
(Kèm theo Kế hoạch) TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện
1 Công tác tuyên truyền của Bộ Chính trị
1.1 Phát triển cơ sở giáo dục đại học Trường Đại học Hải Phòng Các sở, ngành liên quan Hàng năm TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện tiếp tục phần nhiệm vụ sau trang
1.2 Bảo đảm cơ sở vật chất Sở Tài chính Sở Nội vụ, Trường Đại học Hải Phòng Năm 2026
"""


def _rows(text: str) -> list[tuple[str, list[str], list[str], str | None]]:
    text = unicodedata.normalize("NFC", text)
    return [(r.number, r.leads, r.partners, r.deadline.value if r.deadline else None) for r in appendix_rows(text, 0)]


def test_pipe_table_rows_with_group_rows() -> None:
    assert _rows(PIPE) == [
        ("I", [], [], None),
        ("I.1", ["Sở Tư pháp"], ["Sở Y tế", "Sở Nội vụ"], "2025-Q2"),
        ("I.2", ["Sở Y tế", "UBND các huyện"], [], "annually"),
    ]


def test_flattened_lines() -> None:
    assert _rows(FLAT_LINES) == [
        ("1", [], [], None),
        ("1.1", ["Các sở ngành địa phương"], [], "2025-Q4"),
        ("1.2", ["Sở Giáo dục và Đào tạo", "Sở Lao động, Thương binh và Xã hội"],
         ["Sở Kế hoạch và Đầu tư", "các sở, ngành liên quan"], "annually"),
    ]


def test_flattened_rows_joined_by_the_reader() -> None:
    assert _rows(FLAT_JOINED) == [
        ("1", [], [], None),
        ("1.1", ["Trường Đại học Hải Phòng"], ["Các sở, ngành liên quan"], "annually"),
        ("1.2", ["Sở Tài chính"], ["Sở Nội vụ", "Trường Đại học Hải Phòng"], "2026"),
    ]


def test_appendix_rows_become_tasks_assignments_and_edges(make_ctx: Callable[..., DocContext]) -> None:
    facts = extract_body(make_ctx(PIPE))
    ids = [t.id for t in facts.tasks]
    assert ids == ["I.1", "PL.I", "PL.I.1", "PL.I.2"]
    roles = {(match_form(a.agency.name), a.role, a.task) for a in facts.assignments}
    assert {("sở tư pháp", "leads", "PL.I.1"), ("sở y tế", "coordinates", "PL.I.1"),
            ("sở nội vụ", "coordinates", "PL.I.1"), ("sở y tế", "leads", "PL.I.2")} <= roles
    edges = {(match_form(r.source.name), r.type, match_form(r.target.name)) for r in facts.agency_relations}
    assert edges == {("sở tư pháp", "coordinates_with", "sở y tế"), ("sở tư pháp", "coordinates_with", "sở nội vụ")}


WORD_TABLE = """PHỤ LỤC
| STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành |
|  |  | Chủ trì | Phối hợp |  |
| 1 | Xây dựng cơ sở dữ liệu ngành | Sở Y tế | Sở Tài chính, Công an tỉnh | Tháng 9/2025 |
|  | (tiếp theo) dữ liệu dân cư | UBND các huyện |  |  |
| 2 | Đào tạo nhân lực số | Sở Nội vụ |  | Thường xuyên |
"""


def test_word_table_with_a_spanning_header_and_a_continued_row() -> None:
    assert _rows(WORD_TABLE) == [
        ("1", ["Sở Y tế", "UBND các huyện"], ["Sở Tài chính", "Công an tỉnh"], "2025-09"),
        ("2", ["Sở Nội vụ"], [], "continuous"),
    ]


FLAT_GROUPS = """như sau:
PHỤ LỤC
STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian
I Tuyên truyền
1 Tổ chức hội nghị quán triệt cho cán bộ sau
10 năm thực hiện Nghị quyết Sở Nội vụ Các sở, ngành Quý I/2025
2 Biên soạn tài liệu Sở Văn hóa, Thể thao và Du lịch Năm 2025
II Hạ tầng
1 Nâng cấp mạng Sở Khoa học và Công nghệ Các huyện Hằng năm
"""


def test_flat_rows_under_roman_groups_and_wrapped_numbers() -> None:
    assert _rows(FLAT_GROUPS) == [
        ("I", [], [], None),
        ("I.1", ["Sở Nội vụ"], ["Các sở, ngành"], "2025-Q1"),
        ("I.2", ["Sở Văn hóa, Thể thao và Du lịch"], [], "2025"),
        ("II", [], [], None),
        ("II.1", ["Sở Khoa học và Công nghệ"], ["Các huyện"], "annually"),
    ]
