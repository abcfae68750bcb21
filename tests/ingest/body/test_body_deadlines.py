"""Deadlines from time cells and from completion phrases in task sentences."""

from __future__ import annotations

import pytest

from dirgraph.ingest.body.cues import deadline_cues
from dirgraph.ingest.body.deadlines import parse_cell, parse_narrative


def _deadlines(make_ctx, text: str) -> dict[str, tuple[str, str] | None]:  # type: ignore[no-untyped-def]
    """Each task's deadline as (kind, value), None without one: what the body tests compare."""
    from dirgraph.ingest.body import extract_body

    return {t.id: (t.deadline.kind, t.deadline.value) if t.deadline else None
            for t in extract_body(make_ctx(text)).tasks}


@pytest.mark.parametrize(
    ("cell", "kind", "value"),
    [
        ("Hoàn thành\ntrong Quý\nIV/2024", "by", "2024-Q4"),
        ("Quý I năm 2025", "by", "2025-Q1"),
        ("Tháng 6/2025", "by", "2025-06"),
        ("Trước ngày 30/6/2025", "by", "2025-06-30"),
        ("Trước ngày 31 tháng 12 năm 2025", "by", "2025-12-31"),  # the long form of a date
        ("Năm 2026", "by", "2026"),
        ("Giai đoạn 2025 - 2030", "by", "2030"),
        ("Hàng năm", "recurring", "annually"),
        ("Thường xuyên", "recurring", "continuous"),
    ],
)
def test_time_cells(cell: str, kind: str, value: str) -> None:
    deadline = parse_cell(cell)
    assert deadline is not None
    assert (deadline.kind, deadline.value) == (kind, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("xây dựng kế hoạch thực hiện, hoàn thành trong quý IV/2024; tăng cường kiểm tra", "2024-Q4"),
        ("Tổ chức hội nghị quán triệt trong quý I/2025.", "2025-Q1"),
        ("Báo cáo kết quả trước ngày 15/12/2025.", "2025-12-15"),
        ("Hoàn thành việc sơ tán dân trước 17 giờ ngày 24/9/2025.", "2025-09-24"),  # an urgent dispatch (blind 11)
        ("báo cáo tình hình trước 16h00 ngày 25/9/2025.", "2025-09-25"),
        ("- Thời gian thực hiện: Hằng năm.", "annually"),
        ("Sắp xếp lại các điểm trường lẻ; chậm nhất đến năm 2027 hoàn thành việc sáp nhập.", "2027"),
        ("Chậm nhất trong năm 2026 phải hoàn thành cấp giấy chứng nhận.", "2026"),
        # a resolution's clause writes its date out in words (blind set 6)
        ("ban hành quy định trình tự, thủ tục, hoàn thành trước ngày 31 tháng 3 năm 2025; báo cáo kết quả.", "2025-03-31"),
    ],
)
def test_narrative_deadlines(sentence: str, value: str) -> None:
    deadline = parse_narrative(sentence)
    assert deadline is not None and deadline.value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "phấn đấu đến năm 2030 tỷ lệ phòng học được kiên cố hóa đạt 100%",
        "cụ thể chỉ tiêu, nhiệm vụ trong chương trình, kế hoạch hằng năm",
        "Thường xuyên theo dõi, kiểm tra việc thực hiện Nghị quyết số 29-NQ/TW, ngày 04/11/2013.",
    ],
)
def test_horizons_and_adverbs_are_not_deadlines(sentence: str) -> None:
    assert parse_narrative(sentence) is None


@pytest.mark.parametrize(("cue", "value"), deadline_cues())
def test_every_recurring_cue(cue: str, value: str) -> None:
    deadline = parse_cell(cue.capitalize())
    assert deadline is not None and (deadline.kind, deadline.value) == ("recurring", value)


def test_a_labelled_deadline_after_the_lead_sentence_of_a_task(make_ctx) -> None:  # type: ignore[no-untyped-def]
    from dirgraph.ingest.body import extract_body

    text = ("Kế hoạch như sau:\nII. NHIỆM VỤ\n1. Rà soát, cập nhật danh sách hộ nghèo. Thời gian: trong quý III/2025.\n"
            "2. Tuyên truyền về chính sách giảm nghèo bền vững. Thời gian: thường xuyên.\n")
    tasks = {t.id: t.deadline for t in extract_body(make_ctx(text)).tasks}
    assert tasks["II.1"] is not None and (tasks["II.1"].kind, tasks["II.1"].value) == ("by", "2025-Q3")
    assert tasks["II.2"] is not None and (tasks["II.2"].kind, tasks["II.2"].value) == ("recurring", "continuous")


def test_a_completion_phrase_later_in_the_item_paragraph(make_ctx) -> None:  # type: ignore[no-untyped-def]
    from dirgraph.ingest.body import extract_body

    text = ("Kế hoạch như sau:\nII. NHIỆM VỤ\n1. Số hóa hồ sơ hộ tịch. Phòng Tư pháp chủ trì thực hiện, "
            "hoàn thành trước ngày 31/10/2025.\n")
    deadline = extract_body(make_ctx(text)).tasks[0].deadline
    assert deadline is not None and deadline.value == "2025-10-31"


def test_a_completion_phrase_in_the_paragraph_under_a_task_title(make_ctx) -> None:  # type: ignore[no-untyped-def]
    """A short title line, then its paragraph: "…, hoàn thành trong tháng 10/2025." dates the task
    (blind set 3, a ward's plan); a goal's horizon in such a paragraph still does not."""
    text = ("Kế hoạch như sau:\nII. NHIỆM VỤ\n1. Kiện toàn Trung tâm Phục vụ hành chính công phường\n"
            "Bố trí đủ công chức tiếp nhận hồ sơ; trang bị máy quét tại bộ phận một cửa, hoàn thành trong tháng 10/2025.\n"
            "2. Phát triển công dân số\nPhấn đấu đến năm 2030 có 80% người dân trưởng thành có tài khoản định danh.\n")
    assert _deadlines(make_ctx, text) == {"II.1": ("by", "2025-10"), "II.2": None}


@pytest.mark.parametrize(("clause", "value"), [
    ("Ủy ban Kiểm tra Huyện ủy giám sát việc thực hiện Chương trình này hằng năm.", "annually"),
    ("Duy trì hoạt động của các tổ hòa giải ở cơ sở thường xuyên.", "continuous"),
    ("Văn phòng đôn đốc các đơn vị cập nhật số liệu hằng tháng.", "monthly"),
    # a reporting day before the rhythm (blind set 7): "trước ngày 10 tháng 12 hằng năm tổng hợp, báo cáo"
    ("Sở Tư pháp chủ trì; trước ngày 10 tháng 12 hằng năm tổng hợp, báo cáo Ủy ban nhân dân tỉnh.", "annually"),
    ("các huyện triển khai; trước ngày 10/12 hằng năm báo cáo kết quả.", "annually"),
    # a subject before the report, the rhythm after it (blind sets 3, 5, 9, 13)
    ("Hội cơ sở báo cáo kết quả về Ban Thường vụ (qua Ban Gia đình - Xã hội) định kỳ hằng quý, trước ngày 20.",
     "quarterly"),
    ("các khoa, phòng báo cáo kết quả thực hiện về Phòng Kế hoạch tổng hợp trước ngày 25 hằng tháng.", "monthly"),
    # the rhythm as a clause of its own closing the item (blind set 12)
    ("Viện Năng lượng chủ trì cập nhật dự báo cung cầu điện, xăng dầu; định kỳ hằng quý.", "quarterly"),
    # the report an advising office prepares for the issuer (blind set 10)
    ("Phòng Văn hóa - Xã hội theo dõi; tham mưu Ủy ban nhân dân xã báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"
     " trước ngày 15/12 hằng năm.", "annually"),
])
def test_duty_verb_with_a_closing_recurring_cue(clause: str, value: str) -> None:
    from dirgraph.ingest.body.deadlines import _recurring_clause
    from dirgraph.ingest.body.textform import match_form

    found = _recurring_clause(match_form(clause))
    assert found is not None and found.value == value


@pytest.mark.parametrize("clause", [
    "Kiểm tra cơ sở vật chất các trung tâm giáo dục thường xuyên.",
    "Theo dõi việc xây dựng kế hoạch hằng năm.",
])
def test_kinds_of_things_are_not_recurring_deadlines(clause: str) -> None:
    from dirgraph.ingest.body.deadlines import _recurring_clause
    from dirgraph.ingest.body.textform import match_form

    assert _recurring_clause(match_form(clause)) is None


def test_a_recurring_cue_opening_the_paragraph_under_a_task_title(make_ctx) -> None:  # type: ignore[no-untyped-def]
    """"Hằng năm, …" / "Thường xuyên …" opening a task's paragraph sets its rhythm (blind sets 3 and 4,
    two annotators); the same adverb in a later clause, or opening a one-line item, does not."""
    text = ("Kế hoạch như sau:\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Bảo đảm an toàn hồ, đập\n"
            "Hằng năm, trước mùa mưa lũ, rà soát hiện trạng các hồ, đập, trạm bơm.\n"
            "2. Bảo vệ nguồn nước\nThường xuyên kiểm tra, xử lý hành vi xả thải ra sông.\n"
            "3. Bố trí trụ sở dôi dư\nThực hiện kịp thời chế độ, chính sách; thường xuyên rà soát trụ sở dôi dư.\n")
    assert _deadlines(make_ctx, text) == {"III.1": ("recurring", "annually"), "III.2": ("recurring", "continuous"),
                                          "III.3": None}


@pytest.mark.parametrize("cue", [cue for cue, _ in deadline_cues()])
def test_every_recurring_cue_as_a_paragraph_opener(cue: str) -> None:
    from dirgraph.ingest.body.deadlines import parse_opener

    found = parse_opener(f"{cue.capitalize()}, tổ chức rà soát, cập nhật danh sách.")
    assert found is not None and found.kind == "recurring"
    assert parse_opener(f"Tổ chức rà soát {cue}.") is None


def test_an_annual_programme_of_checks_is_not_the_tasks_rhythm() -> None:
    """"đưa … vào chương trình kiểm tra, giám sát hằng năm" names the programme (blind set 4)."""
    assert parse_narrative("Ủy ban Kiểm tra Đảng ủy xã đưa nội dung thực hiện Kế hoạch vào chương trình kiểm tra, "
                           "giám sát hằng năm; kiểm tra việc thực hiện ở các chi bộ.") is None
    found = parse_narrative("Ủy ban Kiểm tra Huyện ủy giám sát việc thực hiện Chương trình này hằng năm.")
    assert found is not None and found.value == "annually"


@pytest.mark.parametrize(("sentence", "value"), [
    ("Ưu tiên kiên cố hoá kênh mương, hoàn thành trong giai đoạn 2026 - 2030.", "2030"),  # blind set 4
    ("Nâng cấp đường giao thông, hoàn thành trong giai đoạn từ năm 2026 đến năm 2030.", "2030"),
])
def test_completed_within_a_period_is_due_by_its_end(sentence: str, value: str) -> None:
    found = parse_narrative(sentence)
    assert found is not None and (found.kind, found.value) == ("by", value)
    assert parse_narrative("Phấn đấu giai đoạn 2026 - 2030 tăng trưởng bình quân 8%.") is None


def test_annual_advice_on_a_report_and_an_agencys_duties_opening_with_a_rhythm(make_ctx) -> None:  # type: ignore[no-untyped-def]
    """"hằng năm tham mưu … báo cáo kết quả" is an annual report; an agency's heading, then duties
    opening "Thường xuyên tuyên truyền …", is a continuous task (blind set 5)."""
    text = ("Kế hoạch như sau:\nIV. TỔ CHỨC THỰC HIỆN\n1. Ban Dân vận Huyện ủy chủ trì hướng dẫn, theo dõi việc thực "
            "hiện Kế hoạch này; hằng năm tham mưu Ban Thường vụ Huyện ủy báo cáo kết quả về Ban Thường vụ Tỉnh ủy.\n"
            "2. Báo Quảng Bình, Đài Phát thanh và Truyền hình Quảng Bình\nThường xuyên tuyên truyền, phổ biến kiến thức "
            "phòng cháy, chữa cháy rừng.\n")
    assert _deadlines(make_ctx, text) == {"IV.1": ("recurring", "annually"), "IV.2": ("recurring", "continuous")}
    assert parse_narrative("Sở Tài chính hằng năm tham mưu xây dựng dự toán.") is None


def test_an_item_opening_with_its_rhythm(make_ctx) -> None:  # type: ignore[no-untyped-def]
    """"2. Định kỳ hằng quý, các đơn vị báo cáo kết quả về Công an tỉnh" (blind set 9): quarterly, and
    the units report to the Công an tỉnh."""
    from dirgraph.ingest.body import extract_body

    text = ("như sau:\nV. TỔ CHỨC THỰC HIỆN\n1. Các đơn vị xây dựng kế hoạch, hoàn thành trước ngày 31/5/2025.\n"
            "2. Định kỳ hằng quý, các đơn vị, địa phương báo cáo kết quả về Công an tỉnh.\n")
    facts = extract_body(make_ctx(text))
    assert {t.id: t.deadline.value if t.deadline else None for t in facts.tasks} == {"V.1": "2025-05-31", "V.2": "quarterly"}
    assert ("các đơn vị, địa phương", "reports_to", "Công an tỉnh") in {
        (r.source.name, r.type, r.target.name) for r in facts.agency_relations}
