"""Targets: quantified goals with their unit and year; the scope of a policy is not a target."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dirgraph.ingest.body import extract_body
from dirgraph.ingest.body.cues import target_units
from dirgraph.ingest.context import DocContext

Ctx = Callable[..., DocContext]


def _targets(make_ctx: Ctx, text: str) -> set[tuple[float, str | None, int | None]]:
    facts = extract_body(make_ctx(text))
    return {(float(t.value), t.unit, t.year) for t in facts.targets}  # type: ignore[arg-type]


def test_year_in_the_sentence_and_none_without(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. NHIỆM VỤ\n1. Đầu tư cơ sở vật chất.\nPhấn đấu đến năm 2030 tỷ lệ phòng học được kiên cố hóa "
            "đạt 100%. Bảo đảm ngân sách chi cho giáo dục tối thiểu 20% tổng chi ngân sách nhà nước.\n")
    assert _targets(make_ctx, text) == {(100.0, "%", 2030), (20.0, "%", None)}


def test_a_date_as_the_horizon_gives_the_year(make_ctx: Ctx) -> None:
    """"bảo đảm đến ngày 31/12/2025 có 100% tàu cá …" (blind set 4)."""
    text = ("như sau:\nI. NHIỆM VỤ\n2. Quản lý tàu cá.\nỦy ban nhân dân các xã quản lý chặt chẽ tàu cá; bảo đảm đến "
            "ngày 31/12/2025 có 100% tàu cá duy trì kết nối thiết bị giám sát hành trình.\n")
    assert _targets(make_ctx, text) == {(100.0, "%", 2025)}


def test_a_bare_year_in_a_clause_that_strives_for_the_goal(make_ctx: Ctx) -> None:
    """"phấn đấu năm 2024 giảm ít nhất 30% số vụ cháy rừng so với năm 2023": 2024, not the baseline
    (blind sets 2 and 6); without "phấn đấu" a bare year stays no target year."""
    text = ("như sau:\nI. NHIỆM VỤ\n1. Phòng cháy rừng.\nPhấn đấu năm 2024 giảm ít nhất 30% số vụ cháy rừng so với năm "
            "2023.\n2. Tăng trưởng.\nBan cán sự đảng xây dựng kịch bản, phấn đấu tốc độ tăng trưởng GRDP năm 2025 đạt 8% "
            "trở lên.\n3. Kết quả.\nTỷ lệ hộ nghèo năm 2023 còn 2,5%.\n")
    assert _targets(make_ctx, text) == {(30.0, "%", 2024), (8.0, "%", 2025), (2.5, "%", None)}


def test_a_goal_line_led_by_its_year_carries_it_to_every_clause(make_ctx: Ctx) -> None:
    """"3. Mục tiêu đến năm 2030: trồng mới …; chuyển hóa 10.000 ha …; … 52%." (blind set 6): every
    clause is by 2030; the "." of the item's own "3." does not end the sentence the year leads."""
    text = ("như sau:\nĐiều 1. Phạm vi và mục tiêu\n3. Mục tiêu đến năm 2030: trồng mới 6.000 ha rừng gỗ lớn; chuyển "
            "hóa 10.000 ha rừng trồng gỗ nhỏ sang gỗ lớn; duy trì tỷ lệ che phủ rừng ổn định ở mức 52%.\n")
    assert _targets(make_ctx, text) == {(6000.0, "ha", 2030), (10000.0, "ha", 2030), (52.0, "%", 2030)}


def test_heading_year_applies_below(make_ctx: Ctx) -> None:
    text = ("như sau:\nII. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n- 100% bệnh viện triển khai bệnh án điện tử;\n"
            "- Tối thiểu 95,5% người dân có hồ sơ sức khỏe điện tử;\n- Xây dựng mới 12 trường học đạt chuẩn.\n")
    assert _targets(make_ctx, text) == {(100.0, "%", 2030), (95.5, "%", 2030), (12.0, "trường", 2030)}


def test_scope_and_results_are_not_targets(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. TÌNH HÌNH\n1. Năm học vừa qua tỷ lệ tốt nghiệp đạt 99%.\nII. NHIỆM VỤ\n"
            "1. Miễn học phí cho trẻ em mẫu giáo 5 tuổi; thực hiện giáo dục bắt buộc 9 năm; dạy học 2 buổi/ngày.\n")
    assert _targets(make_ctx, text) == set()


def test_level_unit_precedes_its_number(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. NHIỆM VỤ\n1. Nâng cao chất lượng.\n- Duy trì phổ cập giáo dục tiểu học mức độ 3, "
            "xóa mù chữ mức độ 2.\n")
    assert _targets(make_ctx, text) == {(3.0, "mức độ", None), (2.0, "mức độ", None)}


@pytest.mark.parametrize("unit", target_units(), ids=lambda u: u.written)
def test_every_unit_entry(make_ctx: Ctx, unit) -> None:  # type: ignore[no-untyped-def]
    amount = f"{unit.written} 4" if unit.position == "before" else f"40{'' if unit.written.startswith('%') else ' '}{unit.written}"
    text = f"như sau:\nI. NHIỆM VỤ\n1. Phát triển.\nPhấn đấu đến năm 2027 đạt {amount} theo kế hoạch.\n"
    value = 4.0 if unit.position == "before" else 40.0
    assert (value, unit.filed, 2027) in _targets(make_ctx, text)


def test_each_value_takes_its_own_year(make_ctx: Ctx) -> None:
    text = ("như sau:\nII. MỤC TIÊU\n1. Mục tiêu cụ thể\na) Đến năm 2025:\n"
            "- Tỷ lệ huy động trẻ đến trường đạt 95%; 1.500 học sinh được hỗ trợ.\n"
            "b) Phấn đấu tỷ lệ trường đạt chuẩn đạt 80% vào năm 2026 và 100% vào năm 2030.\n"
            "c) Đến năm 2027 giảm tỷ lệ hộ nghèo 1,5%, đến năm 2029 còn dưới 1%.\n")
    assert _targets(make_ctx, text) == {(95.0, "%", 2025), (1500.0, "học sinh", 2025), (80.0, "%", 2026),
                                        (100.0, "%", 2030), (1.5, "%", 2027), (1.0, "%", 2029)}


def test_a_dated_sentence_is_not_a_year_heading(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. NHIỆM VỤ\n1. Tổ chức sơ kết\nTổ chức hội nghị sơ kết trong năm 2025.\n"
            "Bảo đảm tối thiểu 20% ngân sách cho giáo dục.\n")
    assert _targets(make_ctx, text) == {(20.0, "%", None)}


def test_indicator_table(make_ctx: Ctx) -> None:
    text = ("như sau:\nII. MỤC TIÊU\n| TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Đến năm 2030 |\n"
            "| 1 | Tỷ lệ trường đạt chuẩn quốc gia | % | 60 | 80,5 |\n"
            "| 2 | Số phòng học được xây mới | Phòng học | 120 | 1.200 |\n| 3 | Ghi chú | | | |\n")
    assert _targets(make_ctx, text) == {(60.0, "%", 2025), (80.5, "%", 2030), (120.0, "phòng học", 2025),
                                        (1200.0, "phòng học", 2030)}


def test_a_reached_age_is_a_target_but_an_age_group_is_not(make_ctx: Ctx) -> None:
    text = ("như sau:\nII. MỤC TIÊU\n1. Mục tiêu đến năm 2030\n- Tuổi thọ bình quân của người dân đạt 75,5 tuổi;\n"
            "- 100% người từ 60 tuổi trở lên được khám sức khỏe định kỳ.\n")
    assert _targets(make_ctx, text) == {(75.5, "tuổi", 2030), (100.0, "%", 2030)}


def test_phan_dau_nam_gives_the_year(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. NHIỆM VỤ\n1. Bảo vệ môi trường.\n"
            "Phấn đấu năm 2026 tỷ lệ hộ gia đình phân loại rác tại nguồn đạt 60%.\n")
    assert _targets(make_ctx, text) == {(60.0, "%", 2026)}


def test_a_leading_year_covers_the_whole_paragraph(make_ctx: Ctx) -> None:
    text = ("như sau:\nII. MỤC TIÊU\nĐến năm 2028, 90% thôn có nhà văn hóa đạt chuẩn; 70% hộ gia đình "
            "được công nhận gia đình văn hóa.\n")
    assert _targets(make_ctx, text) == {(90.0, "%", 2028), (70.0, "%", 2028)}


def test_a_leading_phan_dau_nam_covers_the_paragraph(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. MỤC TIÊU\nPhấn đấu năm 2026, tỷ lệ hộ nghèo giảm còn dưới 1,5%; 100% hộ nghèo có "
            "thẻ bảo hiểm y tế.\n")
    assert _targets(make_ctx, text) == {(1.5, "%", 2026), (100.0, "%", 2026)}


def test_a_target_table_with_a_two_row_header(make_ctx: Ctx) -> None:
    """"Kế hoạch các năm" spans the year columns, named on the row below (blind set 8)."""
    text = ("như sau:\nII. MỤC TIÊU\n| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch các năm | | |\n|---|---|---|---|---|---|\n"
            "| | | | Năm 2026 | Năm 2027 | Năm 2028 |\n| 1 | Lượt khách đến các điểm du lịch cộng đồng | lượt | 420.000 | 480.000 | 550.000 |\n"
            "| 2 | Doanh thu từ du lịch cộng đồng | tỷ đồng | 95,5 | 118 | 140 |\n")
    found = _targets(make_ctx, text)
    assert {(420000.0, "lượt", 2026), (550000.0, "lượt", 2028), (95.5, "tỷ đồng", 2026), (140.0, "tỷ đồng", 2028)} <= found
