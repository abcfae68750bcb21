"""Clean-up: wrapped lines re-joined, structure kept on line starts, junk and markup gone."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dirgraph.ingest.normalize import (
    fix_list_spacing,
    is_all_caps,
    is_chrome,
    is_start,
    normalize_text,
    strip_markdown,
)
from dirgraph.ingest.tables import load_table

SEEDS = (Path(__file__).resolve().parents[2].parent / "shared") / "seeds"

WRAPPED = """\
KẾ HOẠCH
Triển khai thực hiện Chỉ thị số 12-CT/TU ngày 10/01/2025 của Ban Thường vụ
Tỉnh ủy về tăng cường công tác cải cách hành chính

I. MỤC ĐÍCH, YÊU CẦU

1. Quán triệt đầy đủ nội dung Chỉ thị số 12-CT/TU đến cán bộ, công chức,
viên chức trong toàn ngành; nâng cao trách nhiệm của người đứng đầu cơ
quan, đơn vị.
2.Triển khai đồng bộ các giải pháp cải cách hành chính
a) Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực nội vụ;
b) Đẩy mạnh chuyển đổi số
- Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành
triển khai nền tảng số dùng chung.
+ Hoàn thành trong quý II/2025.
• Báo cáo kết quả về Ủy ban nhân dân tỉnh.
II- NHIỆM VỤ CỤ THỂ
2.1. Rà soát thủ tục hành chính
1) Các sở, ngành tổ chức thực hiện
| TT | Nhiệm vụ | Cơ quan chủ trì |
| 1 | Rà soát thủ tục hành chính | Sở Nội vụ |
Nơi nhận:
- Ủy ban nhân dân tỉnh (b/c);
- Lưu: VT.
"""


def test_wrapped_lines_are_joined_and_structure_kept() -> None:
    lines = normalize_text(WRAPPED).split("\n")
    assert lines == [
        "KẾ HOẠCH",
        "Triển khai thực hiện Chỉ thị số 12-CT/TU ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy về tăng "
        "cường công tác cải cách hành chính",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Quán triệt đầy đủ nội dung Chỉ thị số 12-CT/TU đến cán bộ, công chức, viên chức trong toàn "
        "ngành; nâng cao trách nhiệm của người đứng đầu cơ quan, đơn vị.",
        "2. Triển khai đồng bộ các giải pháp cải cách hành chính",
        "a) Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực nội vụ;",
        "b) Đẩy mạnh chuyển đổi số",
        "- Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành triển khai nền tảng số dùng chung.",
        "+ Hoàn thành trong quý II/2025.",
        "• Báo cáo kết quả về Ủy ban nhân dân tỉnh.",
        "II- NHIỆM VỤ CỤ THỂ",
        "2.1. Rà soát thủ tục hành chính",
        "1) Các sở, ngành tổ chức thực hiện",
        "| TT | Nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Rà soát thủ tục hành chính | Sở Nội vụ |",
        "Nơi nhận:",
        "- Ủy ban nhân dân tỉnh (b/c);",
        "- Lưu: VT.",
    ]


DOUBLE_SPACED = """\
1. Quán triệt, tuyên truyền Kết luận số 91-

KL/TW ngày 12/8/2024 của Bộ Chính trị và Kế hoạch số 407-KH/TU của Ban Thường vụ

Thành ủy đến toàn thể cán bộ, giáo viên trong toàn ngành, bảo đảm thực hiện

nghiêm túc, hiệu quả các nhiệm vụ được giao trong năm học 2024 - 2025 và

các năm tiếp theo trên địa bàn thành phố.

b) Tiếp tục nâng cao chất lượng giáo dục

Nâng cao chất lượng giáo dục toàn diện ở các bậc học, cấp học; đổi mới mạnh mẽ

phương pháp dạy và học.

2.1

Nâng cao hiệu quả quản lý nhà nước về giáo dục
"""


def test_double_spaced_pdf_copy_is_rejoined() -> None:
    lines = normalize_text(DOUBLE_SPACED).split("\n")
    assert lines == [
        "1. Quán triệt, tuyên truyền Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị và Kế hoạch số "
        "407-KH/TU của Ban Thường vụ Thành ủy đến toàn thể cán bộ, giáo viên trong toàn ngành, bảo đảm "
        "thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao trong năm học 2024 - 2025 và các năm tiếp "
        "theo trên địa bàn thành phố.",
        "b) Tiếp tục nâng cao chất lượng giáo dục",
        "Nâng cao chất lượng giáo dục toàn diện ở các bậc học, cấp học; đổi mới mạnh mẽ phương pháp dạy và học.",
        "2.1 Nâng cao hiệu quả quản lý nhà nước về giáo dục",
    ]


def test_a_running_header_beside_every_page_number_is_dropped() -> None:
    """A PDF copy repeats its running header under each page number; left in, it was glued into the
    sentence the page break cut, and read as an agency (blind set 4)."""
    head = "Trường THPT Lục Ngạn số 1 - KH thực hiện Chỉ thị 42-CT/TW năm học 2024-2025"
    text = ("a) Tổ chức sinh hoạt chuyên đề về lý tưởng cách mạng cho học sinh các khối lớp, tổ chức\n\n"
            f"                1\n{head}\n\nhằng tháng theo kế hoạch của nhà trường.\n"
            "b) Các tổ chuyên môn lồng ghép nội dung giáo dục vào bài dạy các môn Lịch sử, Ngữ văn và\n\n"
            f"                2\n{head}\n\nđiều chỉnh kế hoạch dạy học, hoàn thành trước ngày 31/10/2024.\n"
            f"{head} được phổ biến đến toàn thể giáo viên.\n")
    out = normalize_text(text)
    assert out.count(head) == 1  # only the sentence that merely starts like it stays
    assert "tổ chức hằng tháng theo kế hoạch" in out and "Ngữ văn và điều chỉnh" in out


def test_page_numbers_and_form_feeds_are_dropped() -> None:
    text = (
        "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc các nội dung của Kế hoạch\n"
        "- 2 -\n"
        "này và báo cáo kết quả về Sở Nội vụ.\n"
        "Trang 3/10\n"
        "\f\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ được giao trong kế hoạch\n"
        "4\n"
        "hằng năm theo quy định.\n"
    )
    assert normalize_text(text).split("\n") == [
        "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc các nội dung của Kế hoạch này và báo cáo kết quả "
        "về Sở Nội vụ.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ được giao trong kế hoạch hằng năm theo quy định.",
    ]


def test_metadata_block_lines_stay_separate() -> None:
    text = (
        "Số hiệu: 298/KH-UBND\nNgày ban hành: 30/12/2024\nLoại văn bản: Kế hoạch\n"
        "Nơi ban hành: Ủy ban nhân dân thành phố Hải Phòng\nNgười ký: Nguyễn Văn Tùng\n"
        "Trích yếu: Kế hoạch thực hiện Kết luận số 91-KL/TW\nngày 12/8/2024 của Bộ Chính trị\n"
        "Thực hiện Kết luận số 91-KL/TW của Bộ Chính trị, Ủy ban nhân dân thành phố ban hành Kế hoạch.\n"
    )
    assert normalize_text(text).split("\n") == [
        "Số hiệu: 298/KH-UBND", "Ngày ban hành: 30/12/2024", "Loại văn bản: Kế hoạch",
        "Nơi ban hành: Ủy ban nhân dân thành phố Hải Phòng", "Người ký: Nguyễn Văn Tùng",
        "Trích yếu: Kế hoạch thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị",
        "Thực hiện Kết luận số 91-KL/TW của Bộ Chính trị, Ủy ban nhân dân thành phố ban hành Kế hoạch.",
    ]


def test_wrapped_agency_with_colon_is_still_joined() -> None:
    text = (
        "2. Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội\n"
        "Thành phố: Tích cực tuyên truyền, vận động nhân dân tham gia.\n"
        "3. Thực hiện Kế hoạch số 281-KH/TU của Ban Thường vụ\n"
        "Tỉnh ủy, ngày 05/3/2024, Ban Thường vụ Huyện ủy ban hành kế hoạch.\n"
        "Thành ủy, ngày 12 tháng 11 năm 2024\n"
    )
    assert normalize_text(text).split("\n") == [
        "2. Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội Thành phố: Tích cực tuyên "
        "truyền, vận động nhân dân tham gia.",
        "3. Thực hiện Kế hoạch số 281-KH/TU của Ban Thường vụ Tỉnh ủy, ngày 05/3/2024, Ban Thường vụ "
        "Huyện ủy ban hành kế hoạch.",
        "Thành ủy, ngày 12 tháng 11 năm 2024",
    ]


def test_dash_wrapped_to_the_next_line_is_not_a_bullet() -> None:
    text = (
        "2. Mặt trận Tổ quốc và các tổ chức chính trị\n"
        "- xã hội thành phố tuyên truyền, vận động nhân dân, gồm:\n"
        "- các tầng lớp nhân dân;\n"
        "- đoàn viên, hội viên.\n"
    )
    assert normalize_text(text).split("\n") == [
        "2. Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố tuyên truyền, vận động nhân dân, gồm:",
        "- các tầng lớp nhân dân;",
        "- đoàn viên, hội viên.",
    ]


def test_property_lines_from_html(tmp_path: Path) -> None:
    from dirgraph.ingest.readers import read_file

    page = tmp_path / "thuoc-tinh.html"
    page.write_text(
        "<html><body><div class='content'><table>"
        "<tr><td>Số hiệu:</td><td>298/KH-UBND</td><td>Loại văn bản:</td><td>Kế hoạch</td></tr>"
        "<tr><td>Nơi ban hành:</td><td>Thành phố Hải Phòng</td><td>Người ký:</td><td>Nguyễn Văn Tùng</td></tr>"
        "</table><p>KẾ HOẠCH</p></div></body></html>",
        encoding="utf-8",
    )
    assert read_file(page).text.split("\n") == [
        "Số hiệu: 298/KH-UBND", "Loại văn bản: Kế hoạch", "Nơi ban hành: Thành phố Hải Phòng",
        "Người ký: Nguyễn Văn Tùng", "KẾ HOẠCH",
    ]


def test_header_date_line_stands_alone() -> None:
    text = "Hưng Đông, ngày 14 tháng 11 năm 2024\nKẾ HOẠCH\nthực hiện Kết luận số 91-KL/TW\n"
    assert normalize_text(text).split("\n") == [
        "Hưng Đông, ngày 14 tháng 11 năm 2024", "KẾ HOẠCH", "thực hiện Kết luận số 91-KL/TW",
    ]


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("2.Tiếp tục triển khai", "2. Tiếp tục triển khai"),
        ("2.1.Tăng cường", "2.1. Tăng cường"),
        ("a)Tổ chức quán triệt", "a) Tổ chức quán triệt"),
        ("II.NỘI DUNG", "II. NỘI DUNG"),
        ("2.1. Tăng cường", "2.1. Tăng cường"),
        ("91-KL/TW ngày 12/8/2024", "91-KL/TW ngày 12/8/2024"),
        ("12/8/2024 của Bộ Chính trị", "12/8/2024 của Bộ Chính trị"),
        ("4.0 trong giáo dục", "4.0 trong giáo dục"),
    ],
)
def test_list_number_spacing(line: str, fixed: str) -> None:
    assert fix_list_spacing(line) == fixed


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("## **II. NHIỆM VỤ, GIẢI PHÁP**", "II. NHIỆM VỤ, GIẢI PHÁP"),
        ("#### ***1.1. Tăng cường sự lãnh đạo***", "1.1. Tăng cường sự lãnh đạo"),
        ("**2.** Ban cán sự đảng", "2. Ban cán sự đảng"),
        (r"\- Tạo sự thống nhất", "- Tạo sự thống nhất"),
        ("về *đổi mới căn bản, toàn diện*, gắn với", "về đổi mới căn bản, toàn diện, gắn với"),
        ("[Kết luận số 91-KL/TW](https://example.vn/kl91)", "Kết luận số 91-KL/TW"),
        ("| 1 | **Rà soát** | Sở Nội vụ |", "| 1 | Rà soát | Sở Nội vụ |"),
    ],
)
def test_markdown_is_stripped(line: str, plain: str) -> None:
    assert strip_markdown(line) == plain


def test_markdown_table_rule_row_dropped_and_rows_kept() -> None:
    text = "| TT | Nhiệm vụ |\n|---|:---:|\n| 1 | Rà soát |\n"
    assert normalize_text(text) == "| TT | Nhiệm vụ |\n| 1 | Rà soát |"


def test_spaces_collapse() -> None:
    assert normalize_text("Hưng Đông,\u00a0 ngày 14  tháng 11\tnăm 2024   ") == "Hưng Đông, ngày 14 tháng 11 năm 2024"


@pytest.mark.parametrize(
    "line",
    ["I. MỤC ĐÍCH", "II- NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "1. Quán triệt", "2.1. Tăng cường",
     "2.1 Tăng cường", "1) Các sở", "a) Rà soát", "b. Đẩy mạnh", "- Sở Tài chính", "+ Hoàn thành",
     "• Báo cáo", "KẾ HOẠCH", "PHỤ LỤC", "Nơi nhận:", "| 1 | Rà soát |", "Điều 1. Ban hành"],
)
def test_structural_line_starts(line: str) -> None:
    assert is_start(line)


@pytest.mark.parametrize(
    "line",
    ["của Ban Chấp hành Trung ương", "04/11/2013 của Ban Chấp hành", "KL/TW ngày 12/8/2024",
     "Thành ủy và Kế hoạch số 298/KH-UBND", "IV/2024", "2024 của Bộ Chính trị", "Điều kiện bảo đảm"],
)
def test_continuation_lines_are_not_starts(line: str) -> None:
    assert not is_start(line)


def test_all_caps() -> None:
    assert is_all_caps("T/M BAN THƯỜNG VỤ")
    assert not is_all_caps("Ủy ban nhân dân")
    assert not is_all_caps("IV/2024")


@pytest.mark.parametrize("row", load_table("chrome_lines.tsv"), ids=lambda r: f"{r[0]}:{r[1]}")
def test_each_chrome_cue_drops_its_example(row: tuple[str, ...]) -> None:
    kind, _cue, example = row[0], row[1], row[2]
    body = "1. Sở Nội vụ chủ trì thực hiện."
    if kind == "block":
        text = f"{body}\n\n{example}\nKế hoạch số 12/KH-UBND về cải cách hành chính\nQuyết định số 5/QĐ-UBND\n"
        assert normalize_text(text) == body
    else:
        assert is_chrome(example)
        assert normalize_text(f"{example}\n{body}\n{example}\n") == body


@pytest.mark.parametrize(
    "line",
    ["Nội dung", "NỘI DUNG", "Sở Giáo dục và Đào tạo tải văn bản lên cổng thông tin", "1. Đăng nhập hệ thống"],
)
def test_document_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize("row", load_table("line_starts.tsv"), ids=lambda r: r[0])
def test_each_line_start_cue_opens_its_own_line(row: tuple[str, ...]) -> None:
    _cue, kind, example = row
    before = "các năm tiếp theo trên địa bàn thành phố theo đúng tiến độ được giao"
    after = "Triển khai thực hiện Chỉ thị số 12-CT/TU của Ban Thường vụ Tỉnh ủy"
    lines = normalize_text(f"{before}\n{example}\n{after}\n").split("\n")
    assert lines[0] == before
    if kind == "heading" or example.split(" ")[0].endswith(":") or row[0].endswith(":"):
        assert lines == [before, example, after]
    else:
        assert lines[1].startswith(example)


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


_WORDS = st.sampled_from(
    ["Kế", "hoạch", "số", "91-KL/TW", "ngày", "12/8/2024", "của", "Bộ", "Chính", "trị", "I.", "1.",
     "a)", "-", "|", "Nơi", "nhận:", "KẾ", "HOẠCH", "2.Tiếp", "tục", "**đậm**", "##", "\\-", "4.0",
     "Trang", "3/10", "Sở", "Nội", "vụ;", "thực", "hiện.", "Đăng", "nhập", "7"]
)
_LINES = st.lists(st.lists(_WORDS, max_size=12).map(" ".join), max_size=25).map("\n".join)


@settings(max_examples=80, deadline=None)
@given(_LINES)
def test_clean_up_keeps_the_original_characters_in_order(raw: str) -> None:
    """Only whitespace, markup and junk lines change: output characters are a subsequence."""
    out = normalize_text(raw)
    squeeze = re.compile(r"\s")
    assert _subsequence(squeeze.sub("", out), squeeze.sub("", raw))
    assert "\n\n" not in out


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not _seed_files(), reason="seed documents not present")
@pytest.mark.parametrize("seed", _seed_files(), ids=lambda p: p.name[:3])
def test_seed_items_start_lines_and_paragraphs_are_single_lines(seed: Path) -> None:
    raw = seed.read_text(encoding="utf-8")
    out = normalize_text(raw).split("\n")
    # Every Roman section, numbered or lettered item of the raw text starts a line of the output.
    item = re.compile(r"^(?:[IVX]{1,4}[.\-]\s|\d{1,2}\.\s?\S|[a-đ]\)\s)")
    raw_items = [strip_markdown(line).strip() for line in raw.splitlines()]
    raw_items = [line for line in raw_items if item.match(line)]
    assert raw_items
    for line in raw_items:
        head = fix_list_spacing(" ".join(line.split()))[:12]
        assert any(out_line.startswith(head) for out_line in out), line
    # No line continues a sentence: a lower-case line follows only a heading in capitals.
    for prev, line in itertools.pairwise(out):
        if line[:1].islower() and not is_start(line):
            assert is_all_caps(prev), (prev, line)


@pytest.mark.parametrize("char", [chr(c) for c in range(0x20, 0x250)] + list("ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ"))
def test_line_start_helpers_agree_with_their_patterns(char: str) -> None:
    """The regex-free helpers of the re-joining give the answers of the patterns they stand for."""
    from dirgraph.ingest import normalize as nz

    lower_start, number_broken, lone_number = re.compile(f"[{nz._LOWER}]"), re.compile(r"\d-$"), re.compile(r"^\d{1,3}$")
    for line in (char, char + "ác", "Kết luận số 9" + char, char + "-", "9" + char + "-", char * 3, char * 4):
        assert nz._starts_lower(line) == (lower_start.match(line) is not None)
        assert nz._number_broken(line) == (number_broken.search(line) is not None)
        assert nz._is_lone_page_number(["x" * 40, line, "y"], 1) == (lone_number.match(line) is not None)


def test_tabs_and_nbsp_inside_markup_clean_as_spaces() -> None:
    text = "**Kế\thoạch**\u00a0số 12\n#\tI. MỤC\u00a0ĐÍCH\n2.Tiếp\ttục *triển* khai\n- 3 -\n"
    assert normalize_text(text) == "Kế hoạch số 12\nI. MỤC ĐÍCH\n2. Tiếp tục triển khai"


def _strip_markdown_every_sub(line: str) -> str:
    """strip_markdown as first written: every substitution tried on every line with a markup character."""
    from dirgraph.ingest import normalize as nz

    if nz._MD_ANY.search(line) is None:
        return line
    line = nz._HTML_BREAK.sub(" ", line)
    line = nz._MD_HEADING.sub("", line)
    line = nz._MD_IMAGE.sub("", line)
    line = nz._MD_LINK.sub(r"\1", line)
    for _ in range(3):
        new = nz._MD_EMPHASIS.sub(r"\2", line)
        if new == line:
            break
        line = new
    line = nz._MD_STRAY_STARS.sub("", line)
    return nz._MD_ESCAPE.sub(r"\1", line)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["*", "**", "_", "__", "#", "# ", "![a](b)", "[x](y)", "](", "[", "]", "(", ")",
                                 "\\", "\\*", "<br>", "<BR/>", "<", " ", "Kế", "hoạch", "!", "1."])).map("".join))
def test_strip_markdown_skips_only_substitutions_that_cannot_apply(line: str) -> None:
    assert strip_markdown(line) == _strip_markdown_every_sub(line)


def test_the_eth_some_pdf_fonts_print_for_d_with_stroke_is_read_as_it() -> None:
    text = normalize_text("Sở Giáo dục và Ðào tạo; ðồng chí Bí thư")
    assert text == "Sở Giáo dục và Đào tạo; đồng chí Bí thư"


def test_a_header_table_with_line_breaks_opens_the_document_as_lines() -> None:
    """Word-to-Markdown converters put the two-column header in a table, a cell's lines joined by
    <br>; the dispatch's "V/v" title is a line of its own again. An appendix table stays rows."""
    text = normalize_text(
        "| **ỦY BAN NHÂN DÂN**<br>**HUYỆN YÊN MÔ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>Độc lập - Tự do - Hạnh phúc |\n"
        "|:---:|:---:|\n"
        "| Số: 1368/UBND-LĐTBXH<br>V/v đôn đốc thực hiện Chỉ thị số 24/CT-TTg | *Yên Mô, ngày 23 tháng 9 năm 2024* |\n"
        "\nKính gửi: Ủy ban nhân dân các xã.\n\n| TT | Nhiệm vụ<br>cụ thể | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Rà soát | Phòng Nội vụ |\n")
    lines = text.split("\n")
    assert lines[:7] == ["ỦY BAN NHÂN DÂN", "HUYỆN YÊN MÔ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: 1368/UBND-LĐTBXH",
                         "V/v đôn đốc thực hiện Chỉ thị số 24/CT-TTg", "Yên Mô, ngày 23 tháng 9 năm 2024"]
    assert "| 1 | Rà soát | Phòng Nội vụ |" in lines


def test_a_scans_stray_bar_before_an_item() -> None:
    """"| 8. Ban Nội chính …" (OCR, blind set 7) is item 8, not a table row; a real row keeps its bars."""
    assert normalize_text("| 8. Ban Nội chính Tỉnh ủy chủ trì theo dõi.").startswith("8. Ban Nội chính")
    assert normalize_text("| 1 | Rà soát | Sở Tư pháp |") == "| 1 | Rà soát | Sở Tư pháp |"


def test_a_numbered_heading_paragraph_keeps_its_body_paragraph_apart() -> None:
    """Word paragraphs are not wrapped lines: a numbered title ("1. Tuyên truyền … cho học sinh", no
    full stop) and the capitalised paragraph under it ("Lồng ghép …") stay two lines, so the title is
    the task's text (blind set 13), even where a converter split other paragraphs ("… của" / "tỉnh")
    (blind set 12)."""
    raw = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Tuyên truyền, giáo dục kỹ năng an toàn cho học sinh\n"
           "Lồng ghép nội dung phòng, chống tai nạn thương tích vào tiết sinh hoạt dưới cờ.\n"
           "2. Phó Hiệu trưởng phụ trách cơ sở vật chất\nChủ trì, phối hợp với Tổ Văn phòng rà soát.\n"
           "Các sở, ngành theo chức năng, nhiệm vụ của\nmình chủ động thực hiện; báo cáo kết quả về Ủy ban\nnhân dân"
           " tỉnh.\nThực hiện Nghị quyết của Hội đồng nhân dân tỉnh về\nphát triển nông nghiệp.\n")
    assert normalize_text(raw, paragraphs=True).split("\n")[:5] == [
        "III. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Tuyên truyền, giáo dục kỹ năng an toàn cho học sinh",
        "Lồng ghép nội dung phòng, chống tai nạn thương tích vào tiết sinh hoạt dưới cờ.",
        "2. Phó Hiệu trưởng phụ trách cơ sở vật chất", "Chủ trì, phối hợp với Tổ Văn phòng rà soát."]
