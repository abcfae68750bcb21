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


IN_SECTION = """như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa Nghị quyết.
II. NHIỆM VỤ CỤ THỂ VÀ PHÂN CÔNG THỰC HIỆN
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| **1** | **Cải cách thủ tục hành chính** | | | |
| 1.1 | Rà soát thủ tục hành chính | Sở Tư pháp | Quỹ Đầu tư phát triển tỉnh; các ngân hàng thương mại | Quý III/2025 |
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính chủ trì theo dõi, tổng hợp.
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| 1 | Báo cáo sơ kết | Sở Tài chính | Sở Nội vụ | Quý IV/2025 |
Nơi nhận:
- Như trên;
"""


def test_a_table_printed_inside_a_numbered_section_is_numbered_under_it(make_ctx: Callable[..., DocContext]) -> None:
    """SCHEMA.md's PL. prefix is for appendix tables; a task table printed as the content of section II
    numbers its rows II.1, II.1.1 (blind set 4). Under a section with numbered items of its own the
    rows stay PL., so no two tasks share an id. A semicolon in a cell always ends an agency."""
    facts = extract_body(make_ctx(IN_SECTION))
    ids = [t.id for t in facts.tasks]
    assert {"II.1", "II.1.1", "III.1", "PL.1"} <= set(ids) and len(ids) == len(set(ids))
    child = next(t for t in facts.tasks if t.id == "II.1.1")
    assert child.parent == "II.1" and child.section == "NHIỆM VỤ CỤ THỂ VÀ PHÂN CÔNG THỰC HIỆN"
    partners = {match_form(a.agency.name) for a in facts.assignments if a.task == "II.1.1" and a.role == "coordinates"}
    assert partners == {"quỹ đầu tư phát triển", "các ngân hàng thương mại"}


def test_a_decisions_attached_plan_keeps_its_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A decision issuing a plan "kèm theo": the plan's table is read with the plan, under its section."""
    from dirgraph.ingest.pipeline import extract_text

    text = ("ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nSố: 1873/QĐ-UBND\nTây Ninh, ngày 20 tháng 8 năm 2025\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch thực hiện Nghị quyết số 68-NQ/TW\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị quyết số 68-NQ/TW.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\nCHỦ TỊCH\nNguyễn Văn An\n"
            "KẾ HOẠCH\nThực hiện Nghị quyết số 68-NQ/TW\n(Ban hành kèm theo Quyết định số 1873/QĐ-UBND ngày 20/8/2025)\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa Nghị quyết.\nII. NHIỆM VỤ CỤ THỂ\n"
            "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
            "| 1 | Đối thoại với doanh nghiệp | Sở Tài chính | Hiệp hội Doanh nghiệp tỉnh | Hằng năm |\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính theo dõi, tổng hợp.\n")
    record = extract_text(text, "qd.txt")
    ids = [t.id for t in record.tasks]
    assert "II.1" in ids and not any(i.startswith("PL.") for i in ids)


FLAT_GLUED_GROUPS = """như sau:
Nơi nhận:
PHỤ LỤC
DANH MỤC NHIỆM VỤ CỤ THỂ
TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện 1 Hạ tầng số và dữ liệu số
1.1 Nâng cấp đường truyền tại bộ phận một cửa Văn phòng HĐND và UBND phường Các tổ dân phố Quý III/2025
1.2 Số hóa dữ liệu đất đai Phòng Kinh tế Công an phường Tháng 11/2025 2 Dịch vụ công và tiện ích số
2.1 Số hóa hồ sơ thủ tục hành chính Phòng Văn hóa - Xã hội Các phòng chuyên môn Thường xuyên
2.2 Kích hoạt tài khoản định danh điện tử Công an phường Các tổ dân phố Tháng 12/2025
4
"""


def test_a_group_row_glued_to_the_row_before_and_a_page_number_after_the_table() -> None:
    """pdftotext joins a group row onto the end of the row above it ("… Tháng 11/2025 2 Dịch vụ công …")
    and leaves the page number under the table (blind set 6): group 2 is a row, "4" is none."""
    numbers = [r[0] for r in _rows(FLAT_GLUED_GROUPS)]
    assert numbers == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    rows = {r.number: r for r in appendix_rows(unicodedata.normalize("NFC", FLAT_GLUED_GROUPS), 0)}
    assert rows["2"].text == "Dịch vụ công và tiện ích số" and rows["1.2"].deadline is not None
    assert rows["1.2"].deadline.value == "2025-11"
    # the joint office of the council and the committee is one lead, not "Văn phòng" and "HĐND"
    assert rows["1.1"].leads == ["Văn phòng HĐND và UBND phường"] and rows["1.1"].partners == ["Các tổ dân phố"]


FLAT_WRAPPED_CELLS = """như sau:
Nơi nhận:
PHỤ LỤC
DANH MỤC NHIỆM VỤ CỤ THỂ
TT
Nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
3.1
Tuyên truyền về chuyển đổi số
Phòng Văn hóa - Xã hội
Các tổ dân phố
Quý IV/2025
3.2
Mở lớp "Bình dân học vụ số" cho
người dân
Phòng Văn
hóa - Xã hội;
Đoàn TNCS
Hồ Chí Minh
phường
Các tổ dân
phố
Hằng tháng
3.3
Sơ kết, đánh giá kết quả thực hiện
Kế hoạch
Văn phòng
HĐND và
UBND phường
Các cơ quan,
đơn vị
Tháng
12/2025
"""


def test_flattened_cells_wrapped_over_several_lines() -> None:
    """pdftotext without -layout prints each cell on its own lines, wrapped (blind set 6): a lead cell
    listing agencies with ";" goes on after it, a joint office goes on after "Văn phòng", and "Tháng"
    alone on a line opens the time cell."""
    rows = {r[0]: r[1:] for r in _rows(FLAT_WRAPPED_CELLS)}
    assert rows["3.2"] == (["Phòng Văn hóa - Xã hội", "Đoàn TNCS Hồ Chí Minh phường"], ["Các tổ dân phố"], "monthly")
    assert rows["3.3"] == (["Văn phòng HĐND và UBND phường"], ["Các cơ quan, đơn vị"], "2025-12")


def test_an_office_alone_in_the_lead_cell_is_followed_by_the_partner_cell() -> None:
    text = FLAT_WRAPPED_CELLS.replace("Văn phòng\nHĐND và\nUBND phường\nCác cơ quan,\nđơn vị", "Văn phòng\nCông an phường")
    assert {r[0]: r[1:] for r in _rows(text)}["3.3"] == (["Văn phòng"], ["Công an phường"], "2025-12")


def test_a_semicolon_closing_the_lead_cell_before_a_plural_partner() -> None:
    """Seed 002 ends its lead cells with ";": "Các sở, ngành …" after it is the partner cell."""
    text = FLAT_WRAPPED_CELLS.replace("Đoàn TNCS\nHồ Chí Minh\nphường\n", "")
    assert {r[0]: r[1:] for r in _rows(text)}["3.2"] == (["Phòng Văn hóa - Xã hội"], ["Các tổ dân phố"], "monthly")


def test_a_group_row_printed_as_one_spanning_cell() -> None:
    """"| I. HOÀN THIỆN QUY ĐỊNH |" across the table is group I; rows 1, 2 under it are I.1, I.2."""
    text = ("như sau:\nNơi nhận:\nPHỤ LỤC\n| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
            "| I. HOÀN THIỆN QUY ĐỊNH |\n| 1 | Ban hành văn bản | Sở Tư pháp | Sở Tài chính | Năm 2025 |\n"
            "| II. TUYÊN TRUYỀN |\n| 1 | Tuyên truyền Luật Đất đai | Sở Tư pháp | Báo Bình Phước | Thường xuyên |\n")
    assert [r[0] for r in _rows(text)] == ["I", "I.1", "II", "II.1"]


ROLES_IN_CELL = """PHỤ LỤC
| STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian | Ghi chú |
| 1 | Tuyên truyền chính sách | Chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Công an xã, Đoàn Thanh niên xã | Hằng tháng | Lồng ghép |
| 2 | Vận động hộ cận nghèo | Phòng Kinh tế (chủ trì); Công an xã, các thôn (phối hợp) | Thường xuyên | |
| 3 | Rà soát doanh nghiệp | Chủ trì: Phòng Kinh tế Phối hợp: Thuế cơ sở 3 | Quý II/2026 | |
| 4 | Theo dõi tiến độ | Văn phòng HĐND và UBND xã | Hằng năm | |
"""


def test_roles_written_inside_one_executor_cell(make_ctx: Callable[..., DocContext]) -> None:
    """One "Cơ quan thực hiện" column whose cells label the roles ("Chủ trì: X; phối hợp: Y",
    "X (chủ trì); Y (phối hợp)"): a data row is no second header, each label gives its role, and a
    cell with no label names who carries the task out (blind set 10)."""
    facts = extract_body(make_ctx(ROLES_IN_CELL))
    assert [t.id for t in facts.tasks] == ["PL.1", "PL.2", "PL.3", "PL.4"]
    roles = {(match_form(a.agency.name), a.role, a.task) for a in facts.assignments}
    assert roles == {
        ("phòng văn hóa - xã hội", "leads", "PL.1"), ("công an xã", "coordinates", "PL.1"),
        ("đoàn thanh niên", "coordinates", "PL.1"),
        ("phòng kinh tế", "leads", "PL.2"), ("công an xã", "coordinates", "PL.2"), ("các thôn", "coordinates", "PL.2"),
        ("phòng kinh tế", "leads", "PL.3"), ("thuế cơ sở 3", "coordinates", "PL.3"),
        ("văn phòng hội đồng nhân dân và ủy ban nhân dân xã", "implements", "PL.4"),
    }
    edges = {(match_form(r.source.name), match_form(r.target.name)) for r in facts.agency_relations
             if r.type == "coordinates_with"}
    assert ("phòng kinh tế", "thuế cơ sở 3") in edges and ("phòng văn hóa - xã hội", "công an xã") in edges


SCHEDULE = """V. LỊCH THỰC HIỆN
| TT | Tháng | Nội dung | Người/bộ phận thực hiện |
| 1 | 9/2025 | Kiện toàn Ban an toàn trường học | Hiệu trưởng; Phó Hiệu trưởng |
| 2 | 10/2025 | Tập huấn sơ cứu ban đầu | Tổ Văn phòng |
"""


def test_a_month_by_month_schedule_is_a_task_table() -> None:
    """A school's "Tháng | Nội dung | Người/bộ phận thực hiện" schedule: the month is the row's
    deadline and the people or units carry it out (blind set 13)."""
    rows = appendix_rows(unicodedata.normalize("NFC", SCHEDULE), 0)
    assert [(r.number, r.others, r.deadline.value if r.deadline else None) for r in rows] == [
        ("1", [("Hiệu trưởng", "implements"), ("Phó Hiệu trưởng", "implements")], "2025-09"),
        ("2", [("Tổ Văn phòng", "implements")], "2025-10"),
    ]
