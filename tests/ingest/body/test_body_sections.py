"""Numbering → tree: Roman, Arabic, dotted and letter items nest with SCHEMA ids."""

from __future__ import annotations

import pytest

from dirgraph.ingest.body.cues import section_kinds
from dirgraph.ingest.body.lines import logical_lines
from dirgraph.ingest.body.section_kinds import classify
from dirgraph.ingest.body.sections import build_tree, parse_marker

PLAN = """I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt đầy đủ nội dung Kết luận.
II- NHIỆM VỤ, GIẢI PHÁP
1. Nhiệm vụ chung
1.1. Tăng cường sự lãnh đạo của cấp ủy
a) Đổi mới công tác quản lý.
- Rà soát các quy định.
Đoạn văn không đánh số thuộc mục a.
b) Nâng cao chất lượng đội ngũ.
2. Nhiệm vụ cụ thể
### ***2.1. Phát triển mạng lưới trường lớp***
III – TỔ CHỨC THỰC HIỆN
**1.** Sở Giáo dục và Đào tạo chủ trì thực hiện.
2) Sở Y tế phối hợp thực hiện.
"""


def _tree(text: str):  # type: ignore[no-untyped-def]
    return build_tree(logical_lines(text, 0, len(text)))


def test_ids_follow_printed_numbering() -> None:
    body = _tree(PLAN)
    ids = [item.id for item in body.items]
    assert ids == ["I", "I.1", "II", "II.1", "II.1.1", "II.1.1.a", "II.1.1.b", "II.2", "II.2.1", "III", "III.1", "III.1.2"]


def test_bullets_and_paragraphs_belong_to_their_item() -> None:
    body = _tree(PLAN)
    item = next(i for i in body.items if i.id == "II.1.1.a")
    assert [line.text[:8] for line in item.lines] == ["a) Đổi m", "- Rà soá", "Đoạn văn"]


def test_kinds_come_from_the_top_heading() -> None:
    kinds = {item.id: item.kind for item in _tree(PLAN).items}
    assert kinds["I.1"] == "purpose"
    assert kinds["II.1.1.a"] == "tasks"
    assert kinds["III.1"] == "organization"


def test_directive_without_sections_uses_its_numbers() -> None:
    text = "1. Sở Y tế chủ trì giám sát dịch bệnh.\n2. Các huyện triển khai thực hiện.\na) Tổ chức tiêm chủng.\n"
    body = _tree(text)
    assert [(i.id, i.kind) for i in body.items] == [("1", "directive"), ("2", "directive"), ("2.a", "directive")]


def test_numbering_restarts_under_a_new_section() -> None:
    text = "I. NỘI DUNG\n1. Việc một.\n2. Việc hai.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ thực hiện.\n"
    assert [i.id for i in _tree(text).items] == ["I", "I.1", "I.2", "II", "II.1"]


def test_wrapped_pdf_lines_are_rejoined() -> None:
    text = ("1. Tăng cường sự lãnh đạo, chỉ đạo, quản lý điều hành thực hiện đổi\n\n"
            "mới căn bản, toàn diện giáo dục và đào tạo của các cấp ủy đảng\n\n"
            "trên địa bàn.\n2. Việc hai.\n")
    body = _tree(text)
    assert [i.id for i in body.items] == ["1", "2"]
    assert body.items[0].heading.endswith("trên địa bàn.")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("II- NHIỆM VỤ", ("roman", "II", "NHIỆM VỤ")),
        ("2.Tiếp tục cụ thể hóa", ("arabic", "2", "Tiếp tục cụ thể hóa")),
        ("2.1.3 Nội dung", ("dotted3", "2.1.3", "Nội dung")),
        ("đ) Phát triển", ("letter", "đ", "Phát triển")),
        ("- Rà soát", None),
        ("29-NQ/TW đã đề ra", None),
        # a scheme's parts (blind set 11): "PHẦN III. NHIỆM VỤ", "Phần thứ hai: …", "PHẦN THỨ NĂM"
        ("PHẦN III. NHIỆM VỤ, GIẢI PHÁP", ("roman", "III", "NHIỆM VỤ, GIẢI PHÁP")),
        ("Phần thứ hai: Mục tiêu", ("roman", "II", "Mục tiêu")),
        ("PHẦN THỨ NĂM. TỔ CHỨC THỰC HIỆN", ("roman", "V", "TỔ CHỨC THỰC HIỆN")),
        ("Phần lớn các xã đã hoàn thành", None),
        ("PHAN III. NHIEM VU", ("roman", "III", "NHIEM VU")),  # marks lost in a scan
        ("PHÂN V. TỔ CHỨC THỰC HIỆN", ("roman", "V", "TỔ CHỨC THỰC HIỆN")),
        ("Phan Văn Trị chủ trì", None),
    ],
)
def test_markers(line: str, expected: tuple[str, str, str] | None) -> None:
    assert parse_marker(line) == expected


@pytest.mark.parametrize(("start", "kind"), section_kinds())
def test_every_section_kind_entry_classifies(start: str, kind: str) -> None:
    assert classify(f"III. {start.upper()} CHUNG") == kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "tasks"), ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "situation"),
     ("ĐIỀU KHOẢN THI HÀNH", "other")],
)
def test_headings_classify_by_start_then_by_phrase(heading: str, kind: str) -> None:
    assert classify(heading) == kind


def test_a_directive_sentence_item_is_not_a_section() -> None:
    text = "1. Nâng cao chất lượng giáo dục.\n2. Tổ chức thực hiện tốt các chương trình giáo dục trên địa bàn toàn tỉnh.\n"
    assert [i.kind for i in _tree(text).items] == ["directive", "directive"]


def test_clean_text_with_letter_items_is_not_rejoined() -> None:
    text = ("1. Sở Giáo dục và Đào tạo, Sở Lao động, Thương binh và Xã hội, Sở Nội vụ\n"
            "Chủ trì, phối hợp với các đơn vị liên quan triển khai thực hiện.\n"
            "a) Tổ chức quán triệt.\nb) Tổ chức sơ kết.\nc) Tổ chức tổng kết.\n")
    body = _tree(text)
    assert body.items[0].heading == "Sở Giáo dục và Đào tạo, Sở Lao động, Thương binh và Xã hội, Sở Nội vụ"


def test_upper_class_has_no_lower_case_letters() -> None:
    import re

    from dirgraph.ingest.body.textform import UPPER

    upper = re.compile(f"[{UPPER}]")
    assert upper.match("Đ") and upper.match("Ư") and upper.match("Ạ")
    assert not any(upper.match(ch) for ch in "đăơưạảấ")


@pytest.mark.parametrize(("heading", "kind"), [
    ("III. NHIEM VU VA GIAI PHAP", "tasks"),  # blind set 6: a Word file's headings without their marks
    ("I. MUC ĐICH, YÊU CÂU", "purpose"),
    ("IV. TỔ CHỨC THUC HIỆN", "organization"),
    ("V. KINH PHI THUC HIEN", "funding"),
    ("II. CÁC BƯỚC KHÁC", "other"),
])
def test_a_heading_that_lost_its_marks_still_classifies(heading: str, kind: str) -> None:
    assert classify(heading) == kind


def test_a_scanned_items_full_stop_read_as_a_comma() -> None:
    """OCR (blind set 7): "6, Ban cán sự đảng …" right after item 5 is item 6; "2, Ban …" after item 5
    is not an item."""
    body = _tree("5. Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra.\n6, Ban cán sự đảng lãnh đạo rà soát.\n"
                 "7. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.\n")
    assert [item.id for item in body.items] == ["5", "6", "7"]
    body = _tree("5. Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra.\n2, Ban cán sự đảng lãnh đạo rà soát.\n")
    assert [item.id for item in body.items] == ["5"]


def test_a_regulations_articles_take_their_chapters_kind() -> None:
    """A Quy chế's articles in "Chương II NỘI DUNG VÀ TRÁCH NHIỆM PHỐI HỢP" and "Chương III TỔ CHỨC
    THỰC HIỆN" are tasks whatever their own title ("Chế độ họp"); "Chương I QUY ĐỊNH CHUNG" gives
    none; the chapter lines belong to no article (blind set 11)."""
    text = ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc phối hợp.\n"
            "Điều 2. Nguyên tắc phối hợp\nBảo đảm sự lãnh đạo của Đảng.\n"
            "Chương II\nNỘI DUNG VÀ TRÁCH NHIỆM PHỐI HỢP\nĐiều 3. Trách nhiệm của Ủy ban nhân dân tỉnh\n"
            "1. Chỉ đạo các sở tạo điều kiện.\nĐiều 4. Chế độ họp\nHội nghị liên tịch được tổ chức định kỳ.\n"
            "Chương III. TỔ CHỨC THỰC HIỆN\nĐiều 5. Sửa đổi, bổ sung Quy chế\nVăn phòng chủ trì tổng hợp.\n")
    body = _tree(text)
    kinds = {item.id: item.kind for item in body.items}
    assert {kinds["1"], kinds["2"]} <= {"purpose", "other"}
    assert kinds["3"] == kinds["3.1"] == "organization"  # "Trách nhiệm của …" by its own title
    assert kinds["4"] == "tasks" and kinds["5"] == "organization"  # by their chapters
    article_2 = next(item for item in body.items if item.id == "2")
    assert all("Chương" not in line.text and "NỘI DUNG" not in line.text for line in article_2.lines)
