"""Document metadata and context: issuer, locality chain, kind, number, date, signer."""

from __future__ import annotations

import re

import pytest

from dirgraph.core.text import norm_key
from dirgraph.ingest.frame import parse_frame
from dirgraph.ingest.metadata import build_metadata, proper_case
from dirgraph.ingest.tables import load_table

TAIL = "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\nII. NHIỆM VỤ\n1. Đổi mới quản lý giáo dục.\n"


def _meta(text: str):  # type: ignore[no-untyped-def]
    return build_metadata(parse_frame(text), "t.txt")


def _columns(*rows: tuple[str, str]) -> str:
    """A two-column header as a converter prints it: the left column padded to 44 characters."""
    return "".join(f"{left:<44}{right}".rstrip() + "\n" for left, right in rows)


def test_headerless_district_plan_takes_the_district_the_text_names() -> None:
    text = ("KẾ HOẠCH\nthực hiện Kết luận số 91-KL/TW\n-----\nThực hiện Kế hoạch số 294-KH/TU của Ban Thường vụ "
            "Tỉnh ủy; Ban Thường vụ Huyện ủy ban hành Kế hoạch triển khai thực hiện như sau:\n" + TAIL +
            "2. Thực hiện Kế hoạch số 127-KH/HU của Huyện ủy Tam Đường về chuyển đổi số tỉnh Lai Châu.\n"
            "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nCao Trang Trọng\n")
    meta, ctx = _meta(text)
    assert meta.issuer is not None
    assert (meta.issuer.name, meta.issuer.locality) == ("Ban Thường vụ Huyện ủy", "Tam Đường")
    assert (ctx.locality, ctx.locality_level, ctx.parent_localities) == ("Tam Đường", "district", ("Lai Châu",))
    assert (meta.kind, meta.number, meta.date) == ("plan", None, None)  # never invented
    assert meta.signer is not None and (meta.signer.name, meta.signer.position) == ("Cao Trang Trọng", "Phó Bí thư")


def test_commune_date_line_gives_the_locality_chain() -> None:
    text = ("ĐẢNG CỘNG SẢN VIỆT NAM\nHưng Đông, ngày 14 tháng 11 năm 2024\nKẾ HOẠCH\nthực hiện Kết luận số "
            "91-KL/TW\n-----\nThực hiện Kế hoạch số 281-KH/ThU, Ban Thường vụ Đảng ủy ban hành kế hoạch như sau:\n"
            + TAIL)
    meta, ctx = _meta(text)
    assert meta.date == "2024-11-14"
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ban Thường vụ Đảng ủy", "Hưng Đông")
    assert ctx.parent_localities == ("Vinh", "Nghệ An")


def test_provincial_department_takes_the_province_named_in_the_text() -> None:
    text = ("KẾ HOẠCH\nthực hiện Kết luận số 91-KL/TW\n-----\nThực hiện Kế hoạch số 407-KH/TU, Sở Giáo dục và "
            "Đào tạo ban hành Kế hoạch thực hiện như sau:\n" + TAIL +
            "| 2.4 | Phát triển giáo dục đại học | Trường Đại học Hải Phòng | Các sở | Hàng năm |\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Sở Giáo dục và Đào tạo", "Hải Phòng")


def test_city_committee_without_its_city_named_falls_back_to_the_province() -> None:
    text = ("KẾ HOẠCH\ntuyên truyền Kết luận số 91-KL/TW\nCăn cứ Hướng dẫn số 203-HD/BTGTU của Ban Tuyên giáo "
            "Tỉnh ủy Lâm Đồng, Ban Thường vụ Thành ủy ban hành Kế hoạch tuyên truyền như sau:\n" + TAIL)
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ban Thường vụ Thành ủy", "Lâm Đồng")


def test_state_header_gives_issuer_number_date_and_kind() -> None:
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HÀ NỘI Độc lập - Tự do - Hạnh phúc\n"
            "Số: 456/QĐ-UBND Hà Nội, ngày 15 tháng 01 năm 2025\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thực hiện "
            "Kết luận số 91-KL/TW\nỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nCăn cứ Luật Tổ chức chính quyền địa phương "
            "ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Sỹ Thanh\n")
    meta, ctx = _meta(text)
    assert (meta.kind, meta.number, meta.date) == ("decision", "456/QĐ-UBND", "2025-01-15")
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ủy ban nhân dân thành phố", "Hà Nội")
    assert meta.title == "Quyết định Về việc ban hành Kế hoạch thực hiện Kết luận số 91-KL/TW"
    assert ctx.kind == "decision" and ctx.locality == "Hà Nội"


def test_dispatch_kind_comes_from_its_number() -> None:
    text = ("UBND TỈNH LÀO CAI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1234/SGDĐT-GDPT\nV/v triển khai Kết luận số 91-KL/TW\n"
            "Lào Cai, ngày 3 tháng 10 năm 2024\nKính gửi: Các trường trung học phổ thông.\n"
            "Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện:\n1. Quán triệt Kết luận.\n")
    meta, _ = _meta(text)
    assert (meta.kind, meta.number, meta.date) == ("dispatch", "1234/SGDĐT-GDPT", "2024-10-03")
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Sở Giáo dục và Đào tạo", "Lào Cai")


def test_body_span_is_in_the_context() -> None:
    text = "KẾ HOẠCH\ncông tác năm 2025\nSở ban hành Kế hoạch như sau:\n" + TAIL + "Nơi nhận:\n- Lưu VT.\n"
    _, ctx = _meta(text)
    assert ctx.text[ctx.body_start : ctx.body_end].startswith("I. MỤC ĐÍCH")
    assert "Nơi nhận" not in ctx.text[ctx.body_start : ctx.body_end]


def test_proper_case() -> None:
    assert proper_case("HUYỆN ỦY TAM ĐƯỜNG") == "Huyện ủy Tam Đường"
    assert proper_case("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG") == "Ủy ban nhân dân tỉnh Lâm Đồng"


@pytest.mark.parametrize(("upper", "expected"), [
    # a place name holding a word that is only part of a level word ("thành" of "thành phố",
    # "thị" of "thị xã") keeps its capital: found by the bench's fidelity check
    ("XÃ QUANG THÀNH", "Xã Quang Thành"),
    ("UBND HUYỆN THẠCH THÀNH", "UBND huyện Thạch Thành"),
    ("PHƯỜNG THÀNH CÔNG", "Phường Thành Công"),
    ("THÀNH PHỐ HẢI PHÒNG", "Thành phố Hải Phòng"),
    ("UBND THỊ XÃ SƠN TÂY", "UBND thị xã Sơn Tây"),
    ("ỦY BAN NHÂN DÂN THỊ TRẤN PHONG THỔ", "Ủy ban nhân dân thị trấn Phong Thổ"),
    ("THÀNH ỦY VINH", "Thành ủy Vinh"),
    ("ĐẢNG ỦY XÃ TÂN THÀNH", "Đảng ủy xã Tân Thành"),
    # "nhân", "dân" are lower case in "nhân dân" only, not in a name: huyện Lý Nhân, xã Dân Chủ
    ("HUYỆN LÝ NHÂN", "Huyện Lý Nhân"),
    ("ỦY BAN NHÂN DÂN PHƯỜNG ĐỒNG NHÂN", "Ủy ban nhân dân phường Đồng Nhân"),
    ("UBND XÃ DÂN CHỦ", "UBND xã Dân Chủ"),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH", "Hội đồng nhân dân tỉnh"),
    # a level word closing a place's name: xã Phước Tỉnh, xã Tứ Xã (a header line may still end
    # on a level word whose name is on the next line: "ỦY BAN NHÂN DÂN TỈNH" / "HƯNG YÊN")
    ("XÃ PHƯỚC TỈNH", "Xã Phước Tỉnh"),
    ("ỦY BAN NHÂN DÂN XÃ TỨ XÃ", "Ủy ban nhân dân xã Tứ Xã"),
    ("ỦY BAN NHÂN DÂN TỈNH", "Ủy ban nhân dân tỉnh"),
])
def test_proper_case_keeps_place_names_holding_part_of_a_level_word(upper: str, expected: str) -> None:
    assert proper_case(upper) == expected


@pytest.mark.parametrize("field", ["Văn hóa, Thể thao và Du lịch", "Lao động, Thương binh và Xã hội",
                                   "Văn hoá, Thể thao và Du lịch"])
def test_issuer_statement_keeps_a_department_field_with_a_comma(field: str) -> None:
    # "…, Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch": the comma inside the field is not the
    # clause's (found by the bench's fidelity check: the issuer came out as "Thể thao và Du lịch")
    text = ("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN\nSỞ " + field.upper() + "\nSố: 84/KH-SVHTTDL\n\nKẾ HOẠCH\n"
            "Thực hiện Kế hoạch số 17/KH-UBND của Ủy ban nhân dân tỉnh về triển khai Nghị quyết số 39-NQ/TW\n\n"
            "Thực hiện Kế hoạch số 17/KH-UBND ngày 01/05/2022 của Ủy ban nhân dân tỉnh Hưng Yên triển khai thực "
            "hiện Nghị quyết số 39-NQ/TW về chuyển đổi số, Sở " + field + " ban hành Kế hoạch thực hiện như sau:\n"
            + TAIL)
    meta, _ = _meta(text)
    assert meta.issuer is not None and meta.issuer.locality == "Hưng Yên"
    assert norm_key(meta.issuer.name) == norm_key("Sở " + field)



@pytest.mark.parametrize("lines", [
    "SỞ VĂN HOÁ, THỂ THAO\nVÀ DU LỊCH",
    "SỞ VĂN HOÁ,\nTHỂ THAO VÀ DU LỊCH",
    "SỞ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI",
])
def test_an_issuer_name_broken_across_header_lines_is_joined(lines: str) -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH\nHƯNG YÊN\n" + lines + "\nSố: 84/KH-SVHTTDL\n\nKẾ HOẠCH\n"
            "Thực hiện Kế hoạch số 17/KH-UBND ngày 01/05/2022 của Ủy ban nhân dân tỉnh\n\n" + TAIL)
    meta, _ = _meta(text)
    assert meta.issuer is not None and meta.issuer.locality == "Hưng Yên"
    assert norm_key(meta.issuer.name) == norm_key(" ".join(lines.split()))


@pytest.mark.parametrize("commune", ["MỄ SỞ", "YÊN SỞ"])
def test_a_place_name_ending_in_so_is_not_cut_as_a_department(commune: str) -> None:
    # "XÃ MỄ SỞ      Độc lập …": the column cut before a glued-on "SỞ <department>" took the
    # commune's last word for one (fidelity check at 10^5: locality "Mễ")
    text = (_columns(("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                     (f"XÃ {commune}", "Độc lập - Tự do - Hạnh phúc"))
            + "Số: 78/KH-UBND\n\nKẾ HOẠCH\nThực hiện Kế hoạch số 76/KH-UBND\n\n" + TAIL)
    meta, _ = _meta(text)
    assert meta.issuer is not None and norm_key(meta.issuer.locality) == norm_key(commune)


def test_a_header_with_marks_lost_still_gives_number_issuer_and_date() -> None:
    # OCR / PDF text: "So:", "CONG HOA XA HOI …", "ngay … thang … nam"
    text = (_columns(("ỦY BAN NHÂN DÂN", "CONG HOA XA HOI CHU NGHIA VIET NAM"),
                     ("HUYỆN TAM ĐƯỜNG", "Doc lap - Tu do - Hanh phuc"),
                     ("So: 28/KH-UBND", "Tam Đường, ngay 05 thang 3 nam 2025"))
            + "\nKẾ HOẠCH\nThực hiện Kế hoạch số 76/KH-UBND\n\n" + TAIL)
    for header in (text, re.sub(" {2,}", " ", text)):  # columns kept apart, or folded to one space
        meta, _ = _meta(header)
        assert (meta.number, meta.date) == ("28/KH-UBND", "2025-03-05")
        assert meta.issuer is not None and meta.issuer.name == "Ủy ban nhân dân huyện"
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ủy ban nhân dân huyện", "Tam Đường")


def test_an_issuer_place_with_a_mark_lost_takes_the_spelling_of_the_documents_place() -> None:
    text = (_columns(("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                     ("HUYỆN XIN MẦN", "Độc lập - Tự do - Hạnh phúc"),
                     ("Số: 82/KH-UBND", "Xín Mần, ngày 07 tháng 06 năm 2022"))
            + "\nKẾ HOẠCH\nThực hiện Kế hoạch số 76/KH-UBND\n\n" + TAIL)
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ủy ban nhân dân huyện", "Xín Mần")


def test_an_issuer_statement_with_marks_lost_takes_the_intact_header_spelling() -> None:
    # "…, So Giáo dục và Đào tao ban hành" (OCR) under an intact "SỞ GIÁO DỤC VÀ ĐÀO TẠO" header
    text = ("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 131/KH-SGDĐT\n\nKẾ HOẠCH\n"
            "Thực hiện Kế hoạch số 17/KH-UBND của Ủy ban nhân dân tỉnh về chuyển đổi số\n\n"
            "Thực hiện Kế hoạch số 17/KH-UBND ngày 01/05/2022 của Ủy ban nhân dân tỉnh, So Giáo dục và Đào tao "
            "ban hành Kế hoạch thực hiện như sau:\n" + TAIL)
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Sở Giáo dục và Đào tạo", "Ninh Bình")


def test_frame_doctests() -> None:
    import doctest

    from dirgraph.ingest import frame_lines, signature

    attempted = 0
    for module in (frame_lines, signature):
        result = doctest.testmod(module)
        assert result.failed == 0
        attempted += result.attempted
    assert attempted >= 4


def test_party_board_under_its_committee() -> None:
    text = ("TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO\n*\nSố 203-HD/BTGTU Đà Lạt, ngày 04 tháng 12 "
            "năm 2024\nHƯỚNG DẪN\nnghiên cứu, học tập Kết luận số 91-KL/TW\nI. MỤC ĐÍCH\n1. Nâng cao.\n")
    meta, _ = _meta(text)
    assert (meta.kind, meta.number, meta.date) == ("guidance", "203-HD/BTGTU", "2024-12-04")
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ban Tuyên giáo Tỉnh ủy", "Lâm Đồng")


def test_bare_organ_in_the_statement_takes_the_header_committee() -> None:
    text = ("ĐẢNG BỘ TỈNH LAI CHÂU\nHUYỆN ỦY TAM ĐƯỜNG\nKẾ HOẠCH\ncông tác năm 2025\n"
            "Ban Thường vụ ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Nâng cao.\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ban Thường vụ Huyện ủy", "Tam Đường")


def test_provincial_body_dated_in_the_capital_is_filed_under_the_province() -> None:
    text = ("Vinh, ngày 02 tháng 01 năm 2025\nKẾ HOẠCH\ncông tác năm 2025\n"
            "Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:\n" + TAIL)
    meta, ctx = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Sở Giáo dục và Đào tạo", "Nghệ An")
    assert (ctx.locality, ctx.locality_level) == ("Nghệ An", "province")


def test_central_documents_belong_to_no_locality() -> None:
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 91-KL/TW\nHà Nội, ngày 12 tháng 8 năm 2024\nKẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\n"
            "về tiếp tục thực hiện Nghị quyết số 29-NQ/TW\n-----\nTại phiên họp ngày 02/8/2024, Bộ Chính trị kết luận "
            "như sau:\n1. Nâng cao chất lượng.\nT/M BỘ CHÍNH TRỊ\nTHƯỜNG TRỰC BAN BÍ THƯ\nLương Cường\n")
    meta, ctx = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Bộ Chính trị", None)
    assert ctx.locality is None
    assert (meta.kind, meta.number, meta.date) == ("conclusion", "91-KL/TW", "2024-08-12")
    assert meta.title == "Kết luận của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW"


def test_header_and_signature_outrank_the_preamble_subject() -> None:
    text = ("HUYỆN ỦY CẨM GIÀNG\nSố 12-CTr/HU\nCẩm Giàng, ngày 5 tháng 3 năm 2024\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
            "thực hiện Nghị quyết số 07-NQ/TU\n-----\nThực hiện Nghị quyết số 07-NQ/TU, Ban Chấp hành Đảng bộ "
            "huyện xây dựng Chương trình hành động như sau:\n" + TAIL + "Nơi nhận:\n- Tỉnh ủy (b/c),\n- Lưu VPHU.\n"
            "T/M HUYỆN ỦY\nBÍ THƯ\nNguyễn Văn Bình\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Huyện ủy", "Cẩm Giàng")


def test_decision_issued_by_a_chairman_names_the_position() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nSố: 402/QĐ-UBND\nĐắk Nông, ngày 3 tháng 4 năm 2023\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch phát triển du lịch năm 2023\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
            "Căn cứ Luật Du lịch ngày 19 tháng 6 năm 2017;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định "
            "này Kế hoạch phát triển du lịch năm 2023.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Minh\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None
    assert (meta.issuer.name, meta.issuer.locality) == ("Chủ tịch Ủy ban nhân dân tỉnh", "Đắk Nông")
    assert meta.kind == "decision"


def test_chairmans_directive_signed_without_tm_is_the_chairmans() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 05/CT-UBND\nKon Tum, ngày 2 tháng 2 năm 2024\nCHỈ THỊ\n"
            "Về tăng cường phòng cháy rừng mùa khô\nMùa khô năm 2024 dự báo nắng nóng kéo dài.\n"
            "1. Các sở, ngành chủ động kiểm tra.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Ngọc Tuấn\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == (
        "Chủ tịch Ủy ban nhân dân tỉnh", "Kon Tum")


def test_a_committees_dispatch_signed_for_the_chairman_stays_the_committees() -> None:
    """A Công văn of the Ủy ban nhân dân huyện whose preamble says "Chủ tịch Ủy ban nhân dân huyện yêu
    cầu …" and that is signed "KT. CHỦ TỊCH": the committee's dispatch (blind set 3); a decision or
    directive so signed stays the chairman's (the tests above)."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN YÊN MÔ\nSố: 1368/UBND-LĐTBXH\nV/v đôn đốc thực hiện Chỉ thị số 24/CT-TTg\n"
            "Yên Mô, ngày 23 tháng 9 năm 2024\nKính gửi:\n- Phòng Giáo dục và Đào tạo huyện;\n"
            "Để tiếp tục thực hiện Chỉ thị số 24/CT-TTg, Chủ tịch Ủy ban nhân dân huyện yêu cầu Thủ trưởng các phòng, "
            "ban thực hiện một số nội dung sau:\n1. Rà soát, đánh giá kết quả.\nNơi nhận:\n- Lưu: VT.\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐinh Văn Tuấn\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Ủy ban nhân dân huyện", "Yên Mô")


def test_the_committees_office_signing_by_order_of_the_standing_committee() -> None:
    """"TỈNH ỦY QUẢNG TRỊ / VĂN PHÒNG", signed "TL. BAN THƯỜNG VỤ / PHÓ CHÁNH VĂN PHÒNG": the office's
    dispatch (blind set 6); under "THÀNH ỦY HUẾ" itself it is the standing committee's (blind set 5)."""
    text = ("TỈNH ỦY QUẢNG TRỊ\nVĂN PHÒNG\n*\nSố 1876-CV/VPTU\nV/v truyền đạt ý kiến chỉ đạo của Thường trực Tỉnh ủy\n"
            "Quảng Trị, ngày 07 tháng 02 năm 2025\nKính gửi:\n- Đảng đoàn HĐND tỉnh.\nNgày 05/02/2025, Thường trực "
            "Tỉnh ủy họp. Đồng chí Bí thư Tỉnh ủy kết luận như sau:\n1. Rà soát các chỉ tiêu năm 2025.\n"
            "Nơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\nTL. BAN THƯỜNG VỤ\nPHÓ CHÁNH VĂN PHÒNG\nHoàng Thị Minh Phương\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None and (meta.issuer.name, meta.issuer.locality) == ("Văn phòng Tỉnh ủy", "Quảng Trị")


def test_a_ward_name_two_cities_share_goes_where_the_text_points() -> None:
    """Post-2025 "phường An Hải" is in Đà Nẵng, and Hải Phòng has a unit of that name too: the plan it
    implements names "Ủy ban nhân dân thành phố Đà Nẵng" (blind set 6)."""
    text = ("ỦY BAN NHÂN DÂN\nPHƯỜNG AN HẢI\nSố: 94/KH-UBND\nAn Hải, ngày 18 tháng 8 năm 2025\nKẾ HOẠCH\n"
            "Chuyển đổi số trên địa bàn phường năm 2025\nThực hiện Kế hoạch số 214/KH-UBND ngày 21/7/2025 của Ủy ban "
            "nhân dân thành phố Đà Nẵng, Ủy ban nhân dân phường ban hành Kế hoạch như sau:\n" + TAIL +
            "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n")
    _, ctx = _meta(text)
    assert (ctx.locality, ctx.parent_localities) == ("An Hải", ("Đà Nẵng",))


def test_committee_signing_tm_stays_the_committee() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 15/KH-UBND\nKon Tum, ngày 2 tháng 2 năm 2024\nKẾ HOẠCH\n"
            "Phòng cháy rừng mùa khô\nI. MỤC ĐÍCH\n1. Chủ động.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Ngọc Tuấn\n")
    meta, _ = _meta(text)
    assert meta.issuer is not None and meta.issuer.name == "Ủy ban nhân dân tỉnh"


_HEADER_SOURCES = [
    "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "HUYỆN ỦY TAM ĐƯỜNG", "UBND HUYỆN TAM ĐƯỜNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "BAN TUYÊN GIÁO", "ĐẢNG ỦY XÃ HƯNG ĐÔNG", "THÀNH ỦY ĐÀ LẠT", "UBND TP. HỒ CHÍ MINH", "PHƯỜNG 3, QUẬN 5",
    "Ủy ban nhân dân tỉnh Lâm Đồng", "Ban Thường vụ Huyện ủy Tam Đường", "Hưng Đông", "Đà Lạt", "Tp. Vinh",
    "Sở Tư pháp tỉnh Bà Rịa - Vũng Tàu", "trên địa bàn Lai Châu", "huyen Tam Duong", "",
]


def test_cached_proper_case_and_source_places_answer_as_the_uncached_functions() -> None:
    """Both caches (header lines and short place sources recur between documents) give the plain answers,
    asked twice so the second answer comes from the cache."""
    from dirgraph.ingest.metadata import _places_in, _source_places

    for source in _HEADER_SOURCES:
        for _ in range(2):
            assert proper_case(source) == proper_case.__wrapped__(source)
            assert _source_places(source) == tuple(p for _, p in _places_in(source))
    assert _source_places("Ủy ban nhân dân tỉnh Lâm Đồng")  # the list above does reach the gazetteer


def test_a_commune_the_gazetteer_does_not_list_is_still_the_documents_place() -> None:
    """A headerless commune plan: its own statement names "xã Công Thành" (not in the gazetteer
    snapshot); the district in its title is its parent's place, not its own."""
    from dirgraph.ingest.gazetteer import lookup_place

    assert lookup_place("Công Thành") == []
    text = ("KẾ HOẠCH\ntriển khai Kế hoạch số 45-KH/HU của Ban Thường vụ Huyện ủy Yên Thành\n"
            "Thực hiện Kế hoạch số 45-KH/HU ngày 10/01/2024 của Ban Thường vụ Huyện ủy Yên Thành, "
            "Ban Chấp hành Đảng bộ xã Công Thành xây dựng Kế hoạch triển khai như sau:\n"
            "I. NHIỆM VỤ\n1. Ủy ban nhân dân xã chủ trì thực hiện.\n")
    meta, ctx = _meta(text)
    assert meta.locality == "Công Thành"
    assert ctx.locality_level == "commune"
    assert ctx.parent_localities == ("Yên Thành", "Nghệ An")
    assert meta.issuer is not None
    assert (meta.issuer.name, meta.issuer.locality) == ("Ban Chấp hành Đảng bộ xã", "Công Thành")


@pytest.mark.parametrize(("kind", "spelled"), load_table("school_types.tsv"))
def test_proper_case_of_a_school_keeps_its_kind_and_capitalises_its_name(kind: str, spelled: str) -> None:
    """"TRƯỜNG THCS LONG HƯNG": the kind stays as it is spelled, the name after it is a proper name
    (blind set 13)."""
    assert proper_case(f"TRƯỜNG {kind} LONG HƯNG") == f"Trường {spelled} Long Hưng"


def test_a_schools_issuer_keeps_the_place_in_its_proper_name() -> None:
    """"TRƯỜNG THCS LONG HƯNG" under "UBND XÃ LONG HƯNG": the school is named after the commune,
    and that place stays in its name, as it does for Báo Đồng Tháp (blind set 13)."""
    from dirgraph.ingest.pipeline import extract_text

    text = ("UBND XÃ LONG HƯNG\nTRƯỜNG THCS LONG HƯNG\nSố: 47/KH-THCSLH\nLong Hưng, ngày 22 tháng 9 năm 2025\n"
            "KẾ HOẠCH\nBảo đảm an toàn trường học\nI. MỤC ĐÍCH\n1. Xây dựng môi trường học tập an toàn.\n")
    issuer = extract_text(text, "a.txt").document.issuer
    assert issuer is not None and norm_key(issuer.name) == norm_key("Trường Trung học cơ sở Long Hưng")
    assert issuer.locality == "Long Hưng"
