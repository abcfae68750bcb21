"""The frame: header, title, preamble, body span, signature block and Nơi nhận list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dirgraph.ingest.frame import parse_frame
from dirgraph.ingest.signature import title_position

PARTY_DOCX = """| ĐẢNG BỘ TỈNH LAI CHÂU | ĐẢNG CỘNG SẢN VIỆT NAM |
| HUYỆN ỦY TAM ĐƯỜNG | |
| * | Tam Đường, ngày 15 tháng 11 năm 2024 |
| Số 150-KH/HU | |
KẾ HOẠCH
thực hiện Kết luận số 91-KL/TW, ngày 12/8/2024 của Bộ Chính trị
-----
Thực hiện Kế hoạch số 294-KH/TU, ngày 30/10/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa Kết luận số 91-KL/TW thành nhiệm vụ của huyện.
II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao chất lượng giáo dục toàn diện.
III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy chủ trì hướng dẫn quán triệt.
Trên đây là Kế hoạch thực hiện Kết luận số 91-KL/TW, yêu cầu các chi, đảng bộ triển khai thực hiện.
| Nơi nhận: | T/M BAN THƯỜNG VỤ |
| - TT Tỉnh ủy (b/c), | PHÓ BÍ THƯ |
| - Ban Tuyên giáo Tỉnh ủy (để báo cáo), | |
| - Các chi, đảng bộ trực thuộc (t/h), | Cao Trang Trọng |
| - Lưu. | |
"""

STATE_GLUED = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG Độc lập - Tự do - Hạnh phúc
Số: 123/KH-UBND Lâm Đồng, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
Thực hiện Chỉ thị số 15/CT-TTg ngày 20/6/2024 của Thủ tướng Chính phủ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH
1. Triển khai có hiệu quả Chỉ thị số 15/CT-TTg.
II. NHIỆM VỤ
1. Rà soát mạng lưới trường lớp.
Nơi nhận:
- Văn phòng Chính phủ (b/c);
- Các sở, ban, ngành (t/h);
- Lưu: VT, VX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Nguyễn Văn An
"""

DRAFT = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số:      /KH-SGDĐT
Hải Phòng, ngày      tháng 12 năm 2024
KẾ HOẠCH
Tổ chức Hội khỏe Phù Đổng năm học 2024 - 2025
I. MỤC ĐÍCH, YÊU CẦU
1. Đẩy mạnh phong trào thể dục thể thao.
"""

DISPATCH = """UBND TỈNH LÀO CAI
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1234/SGDĐT-GDPT
V/v triển khai thực hiện Kết luận số 91-KL/TW
Lào Cai, ngày 3 tháng 10 năm 2024
Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố.
Thực hiện Công văn số 567/UBND-VX ngày 20/9/2024 của UBND tỉnh, Sở Giáo dục và Đào tạo đề nghị các đơn vị:
1. Tổ chức quán triệt Kết luận số 91-KL/TW.
2. Báo cáo kết quả về Sở trước ngày 30/11/2024.
Nơi nhận:
- Như trên;
- UBND tỉnh (b/c);
- Lưu: VT, GDPT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Văn Bình
"""


def test_party_header_from_a_docx_table() -> None:
    frame = parse_frame(PARTY_DOCX)
    assert frame.number == "150-KH/HU"
    assert (frame.place, frame.date) == ("Tam Đường", "2024-11-15")
    assert frame.issuer_lines == ["ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY TAM ĐƯỜNG"]
    assert frame.kind == "plan"
    assert frame.title == "Kế hoạch thực hiện Kết luận số 91-KL/TW, ngày 12/8/2024 của Bộ Chính trị"


def test_party_frame_spans_and_signature() -> None:
    frame = parse_frame(PARTY_DOCX)
    text = frame.text
    assert text[frame.preamble_span[0] :].startswith("Thực hiện Kế hoạch số 294-KH/TU")
    assert text[frame.body_span[0] :].startswith("I. MỤC ĐÍCH, YÊU CẦU")
    body = text[frame.body_span[0] : frame.body_span[1]]
    assert "Trên đây là Kế hoạch" in body and "Nơi nhận" not in body
    assert len(frame.purpose_spans) == 1
    assert text[frame.purpose_spans[0][0] : frame.purpose_spans[0][1]].rstrip().endswith("của huyện.")
    assert frame.closing_span is not None
    sig = frame.signature
    assert sig is not None
    assert (sig.prefix, sig.position, sig.name, sig.authority) == ("T/M", "Phó Bí thư", "Cao Trang Trọng", "BAN THƯỜNG VỤ")


def test_recipients_keep_their_markers() -> None:
    frame = parse_frame(PARTY_DOCX)
    got = [(r.text, r.marker) for r in frame.recipients]
    assert got == [
        ("TT Tỉnh ủy", "b/c"),
        ("Ban Tuyên giáo Tỉnh ủy", "để báo cáo"),
        ("Các chi, đảng bộ trực thuộc", "t/h"),
        ("Lưu", None),
    ]


def test_state_header_with_glued_columns() -> None:
    frame = parse_frame(STATE_GLUED)
    assert frame.number == "123/KH-UBND"
    assert (frame.place, frame.date) == ("Lâm Đồng", "2025-03-05")
    assert frame.issuer_lines == ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"]
    assert frame.title == "Kế hoạch Thực hiện Chỉ thị số 15/CT-TTg ngày 20/6/2024 của Thủ tướng Chính phủ"
    sig = frame.signature
    assert sig is not None and (sig.prefix, sig.position, sig.name) == ("TM.", "Phó Chủ tịch", "Nguyễn Văn An")
    assert [(r.text, r.marker) for r in frame.recipients][:2] == [
        ("Văn phòng Chính phủ", "b/c"), ("Các sở, ban, ngành", "t/h")]


def test_unsigned_draft_has_no_number_and_no_date() -> None:
    frame = parse_frame(DRAFT)
    assert frame.number is None and frame.number_printed is not None
    assert frame.date is None
    assert frame.place == "Hải Phòng"
    assert frame.signature is None


def test_dispatch_subject_line_is_the_title() -> None:
    frame = parse_frame(DISPATCH)
    assert frame.kind is None  # no kind line: metadata takes the kind from the number
    assert frame.number == "1234/SGDĐT-GDPT"
    assert frame.title == "V/v triển khai thực hiện Kết luận số 91-KL/TW"
    assert frame.date == "2024-10-03"
    assert frame.text[frame.preamble_span[0] :].startswith("Kính gửi")
    assert frame.text[frame.body_span[0] :].startswith("1. Tổ chức quán triệt")


def test_dispatch_under_a_legal_database_block_keeps_its_subject_line() -> None:
    """"Ngày ban hành: 06/10/2025" in the database's block is no preamble: the dispatch's header, and
    its "V/v" title, come after it (blind set 4)."""
    text = ("Thuộc tính văn bản\nSố hiệu: 1234/SGDĐT-GDPT\nLoại văn bản: Công văn\nNgười ký: Trần Văn Bình\n"
            "Ngày ban hành: 03/10/2024\nNgày hiệu lực: Đã biết\nTình trạng: Còn hiệu lực\n" + DISPATCH)
    frame = parse_frame(text)
    assert frame.title == "V/v triển khai thực hiện Kết luận số 91-KL/TW"
    assert frame.text[frame.preamble_span[0] :].startswith("Kính gửi")


def test_legal_database_block() -> None:
    text = ("Số hiệu: 91-KL/TW\nLoại văn bản: Kết luận\nNgày ban hành: 12/08/2024\n"
            "Cơ quan ban hành: Ban Chấp hành Trung ương\nNgười ký: Trần Cẩm Tú\n"
            "Kết luận của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW\n")
    frame = parse_frame(text)
    assert frame.legal == {"number": "91-KL/TW", "kind": "Kết luận", "date": "12/08/2024",
                           "issuer": "Ban Chấp hành Trung ương", "signer": "Trần Cẩm Tú"}


@pytest.mark.parametrize(
    ("printed", "position"),
    [("PHÓ GIÁM ĐỐC", "Phó Giám đốc"), ("BÍ THƯ", "Bí thư"), ("CHỦ TỊCH", "Chủ tịch"),
     ("PHÓ BÍ THƯ", "Phó Bí thư"), ("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Phó Chủ tịch thường trực")],
)
def test_position_lines_are_title_cased(printed: str, position: str) -> None:
    assert title_position(printed) == position


def test_odd_input_does_not_raise() -> None:
    for text in ["", "\n\n", "| |", "KẾ HOẠCH", "Nơi nhận:", "T/M BAN THƯỜNG VỤ"]:
        parse_frame(text)


def test_docx_cells_glued_into_one_line() -> None:
    text = ("| ĐẢNG BỘ TỈNH LAI CHÂU HUYỆN ỦY TAM ĐƯỜNG * Số 150-KH/HU | ĐẢNG CỘNG SẢN VIỆT NAM Tam Đường, ngày 15 "
            "tháng 11 năm 2024 |\nKẾT LUẬN\nCỦA BAN THƯỜNG VỤ HUYỆN ỦY\nvề tiếp tục thực hiện Nghị quyết số "
            "29-NQ/TW\n-----\nBan Thường vụ Huyện ủy kết luận như sau:\n1. Nâng cao chất lượng.\n"
            "| Nơi nhận: - TT Tỉnh ủy (b/c), - Lưu. | T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ (Đã ký) Cao Trang Trọng |\n")
    frame = parse_frame(text)
    assert frame.issuer_lines == ["ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY TAM ĐƯỜNG"]
    assert (frame.number, frame.place, frame.date) == ("150-KH/HU", "Tam Đường", "2024-11-15")
    assert frame.title == "Kết luận của Ban Thường vụ Huyện ủy về tiếp tục thực hiện Nghị quyết số 29-NQ/TW"
    sig = frame.signature
    assert sig is not None and (sig.prefix, sig.position, sig.name) == ("T/M", "Phó Bí thư", "Cao Trang Trọng")
    assert [(r.text, r.marker) for r in frame.recipients] == [("TT Tỉnh ủy", "b/c"), ("Lưu", None)]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("T/M BỘ CHÍNH TRỊ\nTHƯỜNG TRỰC BAN BÍ THƯ\nTrần Cẩm Tú", ("T/M", "Thường trực ban bí thư", "Trần Cẩm Tú")),
        ("T/M BAN BÍ THƯ\nTrần Cẩm Tú", ("T/M", None, "Trần Cẩm Tú")),
        ("TL. BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nLê Văn Cường", ("TL.", "Chánh văn phòng", "Lê Văn Cường")),
        ("BỘ TRƯỞNG\n(Đã ký)\nNGUYỄN KIM SƠN", (None, "Bộ trưởng", "Nguyễn Kim Sơn")),
        ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐại tá Lường Văn Quyết", ("KT.", "Phó Giám đốc", "Lường Văn Quyết")),  # blind 9
    ],
)
def test_signature_blocks(block: str, expected: tuple[str | None, str | None, str | None]) -> None:
    frame = parse_frame(f"KẾ HOẠCH\ncông tác năm 2025\nI. MỤC ĐÍCH\n1. Nâng cao.\n{block}\n")
    sig = frame.signature
    assert sig is not None and (sig.prefix, sig.position, sig.name) == expected


def test_pdf_two_column_closing_is_unglued() -> None:
    text = ("KẾ HOẠCH\nchuyển đổi số ngành giáo dục\nI. MỤC ĐÍCH\n1. Nâng cao.\n"
            "Nơi nhận: KT. GIÁM ĐỐC\n- UBND thành phố (b/c); PHÓ GIÁM ĐỐC\n- Sở Khoa học và Công nghệ (để phối hợp);\n"
            "- Phòng GDĐT các quận, huyện (t/h); (Đã ký)\n- Lưu: VT, VP. Đỗ Minh Khang\n")
    frame = parse_frame(text)
    sig = frame.signature
    assert sig is not None and (sig.prefix, sig.position, sig.name) == ("KT.", "Phó Giám đốc", "Đỗ Minh Khang")
    assert [(r.text, r.marker) for r in frame.recipients] == [
        ("UBND thành phố", "b/c"), ("Sở Khoa học và Công nghệ", "để phối hợp"),
        ("Phòng GDĐT các quận, huyện", "t/h"), ("Lưu: VT, VP", None)]
    assert "Nơi nhận" not in text[frame.body_span[0] : frame.body_span[1]]


_DECISION_WITH_PLAN = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK NÔNG
Số: 402/QĐ-UBND
Đắk Nông, ngày 3 tháng 4 năm 2023

QUYẾT ĐỊNH
Ban hành Kế hoạch phát triển du lịch cộng đồng năm 2023

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Luật Du lịch ngày 19 tháng 6 năm 2017;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch cộng đồng năm 2023.
Điều 2. Giám đốc Sở Văn hóa, Thể thao và Du lịch, Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 2;
- Bộ Văn hóa, Thể thao và Du lịch (b/c);
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Minh

ỦY BAN NHÂN DÂN
TỈNH ĐẮK NÔNG

KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2023
(Ban hành kèm theo Quyết định số 402/QĐ-UBND ngày 03/4/2023 của Chủ tịch UBND tỉnh)

I. MỤC ĐÍCH, YÊU CẦU
1. Khai thác tiềm năng văn hóa các dân tộc.
II. NHIỆM VỤ
1. Xây dựng sản phẩm du lịch cộng đồng tại các buôn.
III. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch chủ trì triển khai Kế hoạch.
"""


def test_plan_attached_after_a_decision_signature_is_body() -> None:
    frame = parse_frame(_DECISION_WITH_PLAN)
    text = frame.text
    decision = text[frame.body_span[0] : frame.body_span[1]]
    assert "Điều 2." in decision and "Nơi nhận" not in decision
    assert frame.signature is not None and frame.signature.name == "Trần Văn Minh"
    assert [r.marker for r in frame.recipients] == [None, "b/c", None]
    assert len(frame.attached_spans) == 1
    a, b = frame.attached_spans[0]
    attached = text[a:b]
    assert attached.startswith("I. MỤC ĐÍCH") and attached.rstrip().endswith("chủ trì triển khai Kế hoạch.")
    assert any(text[s:e].startswith("I. MỤC ĐÍCH") for s, e in frame.purpose_spans)
    span = frame.execution_span
    assert span is not None and text[span[0] : span[1]] == (
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch, Chủ tịch Ủy ban nhân dân các huyện")


def test_a_paragraph_after_the_title_is_not_part_of_it() -> None:
    """A directive's opening paragraph follows its subject line with no separator (blind set 5)."""
    text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH\nSố: 04/CT-UBND\nQuảng Bình, ngày 22 tháng 3 năm 2024\nCHỈ THỊ\n"
            "Về việc tăng cường các biện pháp cấp bách phòng cháy, chữa cháy rừng mùa khô năm 2024\n"
            "Năm 2023, trên địa bàn tỉnh xảy ra 9 vụ cháy rừng, làm thiệt hại 31,6 ha rừng trồng. Theo dự báo, "
            "mùa khô năm 2024 nắng nóng đến sớm.\nThực hiện Chỉ thị số 12/CT-TTg, Chủ tịch Ủy ban nhân dân tỉnh "
            "chỉ thị:\n1. Sở Nông nghiệp và Phát triển nông thôn chủ trì kiểm tra.\n")
    frame = parse_frame(text)
    assert frame.title == ("Chỉ thị Về việc tăng cường các biện pháp cấp bách phòng cháy, chữa cháy rừng mùa khô "
                           "năm 2024")
    assert text[frame.preamble_span[0] :].startswith("Năm 2023")


def test_execution_article_with_addressees_set_off_by_semicolons() -> None:
    """"Điều 3. Chánh Văn phòng …; Giám đốc các sở, …; Chủ tịch … chịu trách nhiệm thi hành": the
    semicolons separate addressees, they do not start the clause (blind set 4)."""
    text = ("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; "
            "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách "
            "nhiệm thi hành Quyết định này./.\nNơi nhận:\n- Như Điều 3;\nCHỦ TỊCH\nNguyễn Văn An\n")
    frame = parse_frame(text)
    span = frame.execution_span
    assert span is not None and text[span[0] : span[1]].startswith("Chánh Văn phòng Ủy ban nhân dân tỉnh;")


def test_a_decision_without_attachment_has_no_attached_span() -> None:
    text = _DECISION_WITH_PLAN.split("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\n\nKẾ HOẠCH")[0]
    frame = parse_frame(text)
    assert frame.attached_spans == []
    assert frame.signature is not None and frame.signature.name == "Trần Văn Minh"


def test_pdf_signer_name_glued_to_a_recipient_line() -> None:
    text = ("BÁO CÁO\nkết quả công tác phòng, chống dịch năm 2024\nI. KẾT QUẢ\n1. Đã tiêm chủng đầy đủ.\n"
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- UBND tỉnh (b/c); KT. CHỦ TỊCH\n- Sở Y tế (b/c); PHÓ CHỦ TỊCH\n"
            "- Các xã, thị trấn; Nguyễn Thị Lan\n- Lưu: VT, YT.\n")
    frame = parse_frame(text)
    sig = frame.signature
    assert sig is not None and (sig.position, sig.name) == ("Phó Chủ tịch", "Nguyễn Thị Lan")
    assert [r.text for r in frame.recipients] == ["UBND tỉnh", "Sở Y tế", "Các xã, thị trấn", "Lưu: VT, YT"]


def test_signer_name_after_a_recipient_line_ending_in_a_comma() -> None:
    """A Word closing laid out with tabs, not a table: "- Các huyện ủy … (t/h),<tab>Lương Thị Hải"
    (blind set 4)."""
    text = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 60-NQ/TW\nI. NHIỆM VỤ\n1. Sắp xếp tổ chức bộ máy.\n"
            "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Ban Bí thư (b/c), PHÓ BÍ THƯ THƯỜNG TRỰC\n- Các đồng chí Tỉnh ủy viên,\n"
            "- Các huyện ủy, thành ủy (t/h), Lương Thị Hải\n- Lưu Văn phòng Tỉnh ủy.\n")
    sig = parse_frame(text).signature
    assert sig is not None and sig.name == "Lương Thị Hải"


def test_report_title_stops_where_the_intro_paragraph_was_glued_on() -> None:
    text = ("ỦY BAN NHÂN DÂN HUYỆN TÂN YÊN\nSố: 88/BC-UBND Tân Yên, ngày 2 tháng 12 năm 2024\nBÁO CÁO\n"
            "Kết quả thực hiện Kế hoạch số 51/KH-UBND ngày 10/3/2024 của Ủy ban nhân dân huyện về phát triển "
            "cây ăn quả năm 2024 Kế hoạch số 51/KH-UBND ngày 10/3/2024 được triển khai đến các xã. "
            "Ủy ban nhân dân huyện báo cáo kết quả như sau:\nI. KẾT QUẢ\n1. Trồng mới 120 ha.\n")
    frame = parse_frame(text)
    assert frame.title == ("Báo cáo Kết quả thực hiện Kế hoạch số 51/KH-UBND ngày 10/3/2024 của Ủy ban nhân dân "
                           "huyện về phát triển cây ăn quả năm 2024")
    assert frame.text[frame.preamble_span[0] :].startswith("Kế hoạch số 51/KH-UBND ngày 10/3/2024 được")


def test_title_with_a_sentence_cue_glued_on() -> None:
    text = ("KẾ HOẠCH\nphòng, chống thiên tai năm 2025 Thực hiện Chỉ thị số 05/CT-UBND ngày 02/01/2025, "
            "Ủy ban nhân dân xã ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Chủ động ứng phó.\n")
    frame = parse_frame(text)
    assert frame.title == "Kế hoạch phòng, chống thiên tai năm 2025"


def test_signature_and_recipients_after_an_appendix_table_are_read() -> None:
    """Some plans put the PHỤ LỤC table before the closing block; the signer must not be lost."""
    text = "\n".join([
        "ỦY BAN NHÂN DÂN HUYỆN QUỲ HỢP",
        "Số: 45/KH-UBND",
        "Quỳ Hợp, ngày 05 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Phát triển chăn nuôi bền vững năm 2024",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nâng cao giá trị sản xuất chăn nuôi.",
        "II. NHIỆM VỤ",
        "1. Rà soát quy hoạch vùng chăn nuôi tập trung.",
        "PHỤ LỤC: DANH MỤC NHIỆM VỤ",
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
        "| 1 | Rà soát quy hoạch | Phòng Nông nghiệp và Phát triển nông thôn | Các xã | Quý II/2024 |",
        "Nơi nhận:",
        "- UBND tỉnh (b/c);",
        "- Các xã, thị trấn (t/h);",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Văn Sơn",
    ])
    frame = parse_frame(text)
    assert frame.signature is not None and frame.signature.name == "Trần Văn Sơn"
    assert [r.marker for r in frame.recipients][:2] == ["b/c", "t/h"]
    assert frame.body_span[1] <= text.index("PHỤ LỤC")


@given(st.text(alphabet=st.sampled_from([*"Sở Giáo dục *#>\\_|:-", "\t", "\u00a0", "\u2003", "\u200b", "\n"])))
def test_line_cleaning_precheck_agrees_with_its_pattern(value: str) -> None:
    """The substring pre-check must say "needs cleaning" exactly when the regex would."""
    from dirgraph.ingest.frame_lines import _NEEDS_CLEANING, _may_need_cleaning

    assert _may_need_cleaning(value) == (_NEEDS_CLEANING.search(value) is not None)


@given(st.lists(st.sampled_from(["ỦY BAN NHÂN DÂN", " ", "   ", "\t", "TỈNH", "NGHỆ AN", "CỘNG HÒA XÃ HỘI", "ĐẢNG CỘNG SẢN VIỆT NAM",
                                 "Độc lập -", "Hạnh phúc", "VIỆT NAM", "*", "Số: 12/KH", "ngày", "tháng", ":", "SỞ ", "UBND ",
                                 "HUYỆN ỦY", "BAN THƯỜNG VỤ", "Cà Mau", "C", "Đ", "3", "CONG HOA XA HOI",
                                 "Doc lap -", "D"])).map("".join))
def test_column_cut_look_ahead_only_skips_positions_no_cut_starts_at(line: str) -> None:
    """_COLUMN_CUT opens with (?=[\\sCĐD]) for speed: the same cuts as its alternatives alone."""
    import re

    from dirgraph.ingest import frame as fr

    pattern = fr._COLUMN_CUT.pattern
    assert pattern.startswith("(?=[\\sCĐD])(?:") and pattern.endswith(")")
    plain = re.compile(pattern[len("(?=[\\sCĐD])(?:") : -1])
    assert [m.span() for m in fr._COLUMN_CUT.finditer(line)] == [m.span() for m in plain.finditer(line)]


@given(st.lists(st.sampled_from(["Kế hoạch", " ", "  ", "\n", "\t", "\u00a0", "\u200b", "*", "**", "#", ">", "\\", "_", "__",
                                 "\x01", "a", "Đ"])).map("".join))
def test_split_lines_cleans_each_line_as_clean_line_does(text: str) -> None:
    """The whole-text shortcut (no line needs cleaning) never changes a line's clean text."""
    from dirgraph.ingest.frame_lines import clean_line, split_lines

    assert [line.clean for line in split_lines(text)] == [c for raw in text.split("\n") if (c := clean_line(raw))]


@given(st.lists(st.sampled_from(["(", ")", "[", "]", " ", "đã ký", "Đã ký", "ĐÃ KÝ", "chữ ký", "Chữ ký", "dấu", "ký", "KÝ",
                                 "Nguyễn Văn An", "CHỦ TỊCH", "x"])).map("".join))
def test_signed_marks_are_dropped_as_by_the_pattern(line: str) -> None:
    from dirgraph.ingest import signature

    for repl in (" ", ""):
        assert signature._drop_signed(line, repl) == signature._SIGNED.sub(repl, line)


def test_legal_key_first_character_gate_never_turns_a_key_away() -> None:
    """A line the gate skips cannot have a legal key's norm_key: checked for every character of the BMP,
    followed by a tone mark, a key's own words or nothing."""
    from dirgraph.core.text import norm_key
    from dirgraph.ingest.frame import _legal_initials, _may_open_legal_key

    initials = _legal_initials()
    skipped = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and not _may_open_legal_key(chr(c))]
    assert len(skipped) > 50_000 and "1" in skipped and "T" not in skipped
    for suffix in ("", "\u0301", "ố hiệu", "\u0323y ban hành", " ban hành"):
        assert [c for c in skipped if norm_key(c + suffix)[:1] in initials] == []


def test_legal_block_is_read_past_skipped_lines() -> None:
    from dirgraph.ingest.frame import parse_frame

    text = ("1. Thông tin\n- Số hiệu: 12/KH-UBND\nLoại văn bản: Kế hoạch\nNgày ban hành:\n05/03/2024\n"
            "Người ký: Nguyễn Văn A\nCƠ QUAN BAN HÀNH: UBND tỉnh Lai Châu\nKẾ HOẠCH\nTriển khai\n")
    legal = parse_frame(text).legal
    assert legal == {"kind": "Kế hoạch", "date": "05/03/2024", "signer": "Nguyễn Văn A",
                     "issuer": "UBND tỉnh Lai Châu"}


@pytest.mark.parametrize("raw", [
    "ỦY BAN NHÂN DÂN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN ỦY TAM ĐƯỜNG ĐẢNG CỘNG SẢN VIỆT NAM",
    "TỈNH NGHỆ AN\tĐộc lập - Tự do - Hạnh phúc", "Số: 12-KH/HU   Tam Đường, ngày 5 tháng 3 năm 2024",
    "  *  ", "", "Kế hoạch", "SỞ Y TẾ Số: 5/KH-SYT", "ĐẢNG BỘ TỈNH LAI CHÂU HUYỆN ỦY TAM ĐƯỜNG",
])
def test_cached_header_fragments_are_the_plain_cut(raw: str) -> None:
    """Each piece, cached per raw line, lands where the plain cut of that line at its offset puts it."""
    from itertools import pairwise

    from dirgraph.ingest.frame import _COLUMN_CUT, _fragments
    from dirgraph.ingest.frame_lines import Line, clean_line

    text = "KẾ HOẠCH\n" + raw + "\n"
    line = Line(9, 9 + len(raw), raw.strip())
    plain = []
    cuts = [0, *(m.start() for m in _COLUMN_CUT.finditer(raw) if m.start() > 0), len(raw)]
    for a, b in pairwise(cuts):
        piece = raw[a:b]
        if clean_line(piece):
            lead = len(piece) - len(piece.lstrip())
            plain.append(Line(9 + a + lead, 9 + b, clean_line(piece)))
    assert _fragments(text, [line]) == plain
    assert _fragments(text, [line]) == plain  # the second answer comes from the cache


def test_a_title_subject_in_capitals_is_the_title() -> None:
    """Party programmes print the whole subject in capitals under the kind line; it is the title
    (kept as printed), while a decision's authority line in capitals is not."""
    text = ("THÀNH ỦY TAM KỲ\nSố 15-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nTam Kỳ, ngày 20 tháng 7 năm 2021\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\nTHỰC HIỆN KẾT LUẬN SỐ 01-KL/TW, NGÀY 18/5/2021 CỦA BỘ CHÍNH TRỊ\n-----\n"
            "Thực hiện Kết luận số 01-KL/TW, Thành ủy Tam Kỳ xây dựng Chương trình hành động như sau:\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc Kết luận.\n")
    frame = parse_frame(text)
    assert frame.title == "Chương trình hành động THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW, NGÀY 18/5/2021 CỦA BỘ CHÍNH TRỊ"
    decision = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 1520/QĐ-UBND\nBình Định, ngày 20 tháng 5 năm 2024\n"
                "QUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống ma túy năm 2024\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
                "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n")
    assert parse_frame(decision).title == "Quyết định Ban hành Kế hoạch phòng, chống ma túy năm 2024"


def test_a_number_wrapped_in_its_header_column() -> None:
    """pdftotext -layout prints "Số: 214 /KH-" and, under it in the same column, "UBND" beside the
    date (blind set 9): the number is whole, and the place is still read."""
    from dirgraph.ingest.pipeline import extract_text

    text = ("          ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "           HUYỆN SƠN HÀ                                Độc lập - Tự do - Hạnh phúc\n"
            "       Số:    214     /KH-\n"
            "                UBND                                Sơn Hà, ngày 07 tháng 8 năm 2023\n\n"
            "                                             KẾ HOẠCH\n"
            "          Tiếp tục thực hiện Kết luận số 06-KL/TW ngày 10/6/2021 của Ban Bí thư\n\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao hiệu quả tín dụng chính sách.\n")
    document = extract_text(text, "h.txt").document
    assert (document.number, document.date) == ("214/KH-UBND", "2023-08-07")


def test_an_underscore_rule_under_the_issuer_is_no_part_of_its_name() -> None:
    """Word headers draw the short rule under the issuer as a paragraph "_" (or "___"), which lands
    between the name and "Số:" once a cell's paragraphs are joined (blind set 10)."""
    from dirgraph.ingest.pipeline import extract_text

    text = ("| ỦY BAN NHÂN DÂN XÃ HÒA PHÚ _ Số: 45/KH-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do"
            " - Hạnh phúc ___ Hòa Phú, ngày 06 tháng 10 năm 2025 |\nKẾ HOẠCH\nPhát triển người tham gia bảo hiểm"
            " xã hội\nI. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa Kế hoạch của tỉnh.\n")
    document = extract_text(text, "h.docx").document
    assert document.issuer is not None and document.issuer.name == "Ủy ban nhân dân xã"
    assert (document.number, document.date) == ("45/KH-UBND", "2025-10-06")


def test_a_dispatch_subject_in_the_header_cell_after_its_number() -> None:
    """An HTML or Word header cell whose lines were joined: "… Số: 3187/UBND-TCKH V/v đẩy nhanh …"
    still gives the dispatch its "V/v" title (blind set 14)."""
    text = ("| ỦY BAN NHÂN DÂN HUYỆN TRIỆU SƠN Số: 3187/UBND-TCKH V/v đẩy nhanh giải ngân vốn đầu tư công năm 2024"
            " | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Triệu Sơn, ngày 12 tháng 9 năm 2024 |\n"
            "Kính gửi:\n- Các chủ đầu tư.\nThực hiện Công văn của tỉnh, Ủy ban nhân dân huyện yêu cầu:\n"
            "1. Các chủ đầu tư rà soát kế hoạch.\n")
    frame = parse_frame(text)
    assert frame.title == "V/v đẩy nhanh giải ngân vốn đầu tư công năm 2024"
    assert frame.number == "3187/UBND-TCKH"


def test_a_caption_in_brackets_under_the_title_is_not_part_of_it() -> None:
    """A scheme names the decision that approved it under its title (blind set 11)."""
    text = ("SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 112/ĐA-SKHCN\nĐồng Nai, ngày 25 tháng 9 năm 2025\nĐỀ ÁN\n"
            "Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo giai đoạn 2026 - 2030\n"
            "(Được Ủy ban nhân dân tỉnh phê duyệt tại Quyết định số 3125/QĐ-UBND ngày 15/10/2025)\n"
            "PHẦN I. SỰ CẦN THIẾT\n1. Tỉnh đã hỗ trợ 46 dự án.\n")
    assert parse_frame(text).title == "Đề án Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo giai đoạn 2026 - 2030"


def test_a_position_on_a_line_of_its_own_between_recipients_stays_whole() -> None:
    """A PDF's two columns interleaved line by line: "PHÓ CHỦ TỊCH" between two recipient lines is
    the signature's, the deputy's position whole (blind set 13)."""
    text = ("ỦY BAN NHÂN DÂN XÃ PHÙ CỪ\nSố: 88/KH-UBND\nPhù Cừ, ngày 10 tháng 10 năm 2025\nKẾ HOẠCH\nXây dựng nông thôn mới\n"
            "I. MỤC ĐÍCH\n1. Hoàn thành tiêu chí.\n"
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- UBND tỉnh (b/c); KT. CHỦ TỊCH\n- Sở Nông nghiệp và Môi trường (b/c);\n"
            "PHÓ CHỦ TỊCH\n- Các thôn (t/h);\n- Lưu: VT, KT. Đỗ Văn Khải\n")
    frame = parse_frame(text)
    assert frame.signature is not None and frame.signature.position == "Phó Chủ tịch"
    assert frame.signature.name == "Đỗ Văn Khải"
    assert [r.text for r in frame.recipients][:2] == ["UBND tỉnh", "Sở Nông nghiệp và Môi trường"]


def test_a_signers_name_printed_under_the_recipient_list() -> None:
    """A text copy prints the position, then the Nơi nhận list, then the name (blind set 8)."""
    text = ("HUYỆN ỦY CẨM KHÊ\nSố 120-BC/HU\nCẩm Khê, ngày 10 tháng 9 năm 2024\nBÁO CÁO\nSơ kết 3 năm\n"
            "I. KẾT QUẢ\n1. Các chi bộ đã quán triệt.\nTrên đây là báo cáo sơ kết.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n"
            "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Ban Tuyên giáo Tỉnh ủy (b/c),\n- Thường trực Huyện ủy,\n"
            "- Các chi, đảng bộ cơ sở,\n- Lưu Văn phòng Huyện ủy.\n\nNguyễn Đình Khôi\n")
    frame = parse_frame(text)
    assert frame.signature is not None and (frame.signature.position, frame.signature.name) == ("Bí thư", "Nguyễn Đình Khôi")
