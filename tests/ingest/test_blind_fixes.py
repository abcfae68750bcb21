"""Regression tests for the error causes the blind evaluation found (docs/EVAL_BLIND.md).

Why: each cause is a rule of the genre, so each test uses a fresh snippet, not fixture text.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dirgraph.ingest.body.deadlines import parse_narrative
from dirgraph.ingest.body.duties import analyze_line
from dirgraph.ingest.body.lines import Line
from dirgraph.ingest.body.mentions import mention_end
from dirgraph.ingest.frame import parse_frame
from dirgraph.ingest.metadata import build_metadata
from dirgraph.ingest.pipeline import extract_file, extract_text
from dirgraph.ingest.readers import read_file


def test_issuer_column_glued_to_the_date_line_gives_the_district_locality() -> None:
    text = (
        "ĐẢNG BỘ TỈNH GIA LAI ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "HUYỆN ỦY CHƯ SÊ Chư Sê, ngày 3 tháng 4 năm 2024\n"
        "Số 21-KH/HU\n"
        "KẾ HOẠCH\nthực hiện công tác dân vận năm 2024\n"
        "I. NHIỆM VỤ\n1. Các chi bộ tổ chức quán triệt đến đảng viên.\n"
    )
    frame = parse_frame(text)
    assert frame.issuer_lines[-1] == "HUYỆN ỦY CHƯ SÊ"
    meta, _ = build_metadata(frame, "x.txt")
    assert meta.locality == "Chư Sê"


@pytest.mark.parametrize(("sentence", "value"), [
    ("Rà soát hồ sơ địa chính; thực hiện thường xuyên.", "continuous"),
    ("Cập nhật dữ liệu dân cư; thực hiện liên tục.", "continuous"),
    ("Theo dõi tình hình dịch; hằng quý báo cáo kết quả về Sở.", "quarterly"),
    ("Theo dõi tình hình dịch; hàng quý báo cáo kết quả về Sở.", "quarterly"),
    ("Nắm tình hình dư luận; tổng hợp hằng tháng.", "monthly"),
    ("Nắm tình hình dư luận; tổng hợp hàng tháng.", "monthly"),
    ("Đôn đốc thực hiện; báo cáo UBND huyện trước ngày 10/12 hằng năm.", "annually"),
    ("Đôn đốc thực hiện; báo cáo UBND huyện trước ngày 10/12 hàng năm.", "annually"),
    ("Đôn đốc thực hiện; định kỳ hằng năm báo cáo Huyện ủy.", "annually"),
])
def test_recurring_clause_in_a_task_sentence(sentence: str, value: str) -> None:
    found = parse_narrative(sentence)
    assert found is not None and (found.kind, found.value) == ("recurring", value)


@pytest.mark.parametrize("sentence", [
    "Phát triển giáo dục thường xuyên đa dạng về hình thức.",
    "Thường xuyên theo dõi, kiểm tra việc thực hiện.",
    "Báo cáo kết quả thực hiện kế hoạch hằng năm.",
])
def test_recurring_word_without_an_action_is_not_a_deadline(sentence: str) -> None:
    assert parse_narrative(sentence) is None


def test_a_dated_completion_outranks_a_recurring_report() -> None:
    found = parse_narrative("Xây dựng kế hoạch, hoàn thành trong tháng 8/2025; định kỳ hằng quý báo cáo.")
    assert found is not None and (found.kind, found.value) == ("by", "2025-08")


@pytest.mark.parametrize(("text", "name"), [
    ("Báo Gia Lai duy trì chuyên mục về chuyển đổi số.", "Báo Gia Lai"),
    ("Văn phòng Huyện ủy tổng hợp kết quả, báo cáo.", "Văn phòng Huyện ủy"),
    ("Trung tâm Y tế huyện Là đơn vị đầu mối; chủ trì tổ chức.", "Trung tâm Y tế huyện"),
    ("các ban xây dựng Đảng của Tỉnh ủy phối hợp thực hiện.", "các ban xây dựng Đảng của Tỉnh ủy"),
])
def test_agency_mention_ends_before_the_duty(text: str, name: str) -> None:
    end = mention_end(text, 0)
    assert end is not None and text[:end] == name


_DISPATCH = """SỞ Y TẾ
TỈNH GIA LAI
Số: 310/SYT-VP Gia Lai, ngày 3 tháng 4 năm 2024
V/v phòng, chống bệnh sởi
Kính gửi: Các phòng, đơn vị trực thuộc Sở.
Sở Y tế đề nghị các đơn vị thực hiện một số nội dung sau:
1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì tổ chức tiêm vắc xin; hoàn thành trước ngày 20/4/2024.
2. Phòng Nghiệp vụ Y theo dõi, đôn đốc việc tổ chức.
Sở Y tế đề nghị các phòng, đơn vị quan tâm, phối hợp thực hiện./.
"""


def test_closing_request_of_a_dispatch_is_the_documents_own() -> None:
    record = extract_text(_DISPATCH, "cv.txt")
    closing = {(a.task, a.agency.name, a.role) for a in record.assignments if "phòng, đơn vị" in a.agency.name}
    assert closing == {("SELF", "các phòng, đơn vị", "coordinates")}


def _targets(text: str) -> set[tuple[float, str]]:
    doc = f"ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 5/KH-UBND Gia Lai, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\nbảo vệ môi trường\n{text}"
    return {(float(t.value), t.unit) for t in extract_text(doc, "t.txt").targets}


def test_counted_stations_and_rates_per_population_are_targets() -> None:
    text = ("I. MỤC TIÊU\n- Lắp đặt 12 trạm quan trắc nước mặt tự động.\n"
            "- Giảm tỷ lệ mắc sởi xuống dưới 15 ca/100.000 dân.\n")
    assert _targets(text) == {(12.0, "trạm"), (15.0, "ca/100.000 dân")}


def test_a_level_naming_the_kind_of_a_counted_thing_is_not_a_target() -> None:
    text = "I. MỤC TIÊU\n- 70% hộ gia đình sử dụng dịch vụ công trực tuyến mức độ 4.\n- Phổ cập giáo dục tiểu học mức độ 3.\n"
    assert _targets(text) == {(70.0, "%"), (3.0, "mức độ")}


def test_html_footer_table_with_br_cells_gives_recipients_and_signature(tmp_path: Path) -> None:
    page = (
        "<html><body><header class='site-header'>Cổng thông tin</header><article>"
        "<table class='doc-header'><tr><td>ĐẢNG BỘ TỈNH GIA LAI<br>ĐẢNG ỦY XÃ IA GRAI<br>Số 12-KH/ĐU</td>"
        "<td>ĐẢNG CỘNG SẢN VIỆT NAM<br><em>Ia Grai, ngày 3 tháng 4 năm 2025</em></td></tr></table>"
        "<p><strong>KẾ HOẠCH</strong></p><p>tuyên truyền chuyển đổi số năm 2025</p>"
        "<p>I. NHIỆM VỤ</p><p>1. Các chi bộ tổ chức quán triệt đến đảng viên; hoàn thành trước ngày 30/5/2025.</p>"
        "<table class='doc-footer'><tr><td><strong>Nơi nhận:</strong><br>- Ban Thường vụ Huyện ủy (b/c),"
        "<br>- Các chi bộ trực thuộc (t/h),<br>- Lưu VP.</td>"
        "<td><strong>T/M ĐẢNG ỦY<br>BÍ THƯ</strong><br><br><strong>Trần Văn Nam</strong></td></tr></table>"
        "</article><footer>Bản quyền</footer></body></html>"
    )
    path = tmp_path / "kh.html"
    path.write_text(page, encoding="utf-8")
    lines = read_file(path).text.splitlines()
    assert "- Các chi bộ trực thuộc (t/h)," in lines
    assert "Trần Văn Nam" in lines and "Bản quyền" not in lines and lines[0].startswith("| ĐẢNG BỘ")
    record = extract_file(path)
    assert record.document.signer is not None and record.document.signer.name == "Trần Văn Nam"
    assert ("SELF", "implements") in {(a.task, a.role) for a in record.assignments
                                      if a.agency.name.lower() == "các chi bộ trực thuộc"}


def test_a_wide_data_table_with_br_cells_stays_a_table(tmp_path: Path) -> None:
    page = ("<html><body><article><p>PHỤ LỤC</p><table><tr><td>1</td><td>Rà soát</td><td>Sở Y tế<br>Sở Tài chính</td>"
            "<td>Quý II/2025</td></tr></table></article></body></html>")
    path = tmp_path / "pl.html"
    path.write_text(page, encoding="utf-8")
    assert "| 1 | Rà soát | Sở Y tế Sở Tài chính | Quý II/2025 |" in read_file(path).text


def test_recipient_and_closing_facts_differing_in_case_are_one_assignment() -> None:
    text = ("SỞ Y TẾ\nTỈNH GIA LAI\nSố: 9/KH-SYT Gia Lai, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\nphòng, chống bệnh sởi\n"
            "I. NHIỆM VỤ\n1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì giám sát ca bệnh.\n"
            "Trên đây là Kế hoạch phòng, chống bệnh sởi, Sở Y tế yêu cầu các đơn vị trực thuộc triển khai thực hiện./.\n"
            "Nơi nhận:\n- Các đơn vị trực thuộc (t/h);\n- Lưu: VT.\nGIÁM ĐỐC\nLê Văn Hòa\n")
    record = extract_text(text, "kh.txt")
    selfs = [a for a in record.assignments if a.task == "SELF" and "trực thuộc" in a.agency.name]
    assert len(selfs) == 1 and selfs[0].role == "implements"


def test_overseeing_others_work_is_not_doing_it() -> None:
    text = "Phòng Kế hoạch theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch."
    line = Line(start=0, end=len(text), text=text)
    found = analyze_line(line, ["Phòng Kế hoạch"])
    assert {(d.agency, d.role) for d in found.duties} == {("Phòng Kế hoạch", "supervises")}


@pytest.mark.parametrize("opening", ["Nhận được Kế hoạch này", "Nhận được Hướng dẫn này", "Trên đây là Kế hoạch"])
def test_closing_formula_after_the_last_item_is_the_documents_own(opening: str) -> None:
    text = ("ĐẢNG BỘ TỈNH GIA LAI\nHUYỆN ỦY CHƯ SÊ\nSố 21-KH/HU Chư Sê, ngày 3 tháng 4 năm 2024\nKẾ HOẠCH\n"
            "tuyên truyền năm 2024\nI. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo Huyện ủy chủ trì tổ chức hội nghị.\n"
            "2. Ủy ban Kiểm tra Huyện ủy kiểm tra, giám sát việc học tập.\n"
            f"{opening}, đề nghị các chi bộ trực thuộc nghiêm túc triển khai thực hiện.\n")
    record = extract_text(text, "kh.txt")
    facts = {(a.task, a.agency.name, a.role) for a in record.assignments if "chi bộ" in a.agency.name}
    assert facts == {("SELF", "các chi bộ trực thuộc", "implements")}
    assert ("I.2", "implements") not in {(a.task, a.role) for a in record.assignments}
