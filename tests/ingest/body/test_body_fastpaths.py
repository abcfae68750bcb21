"""The extractor's fast paths (literal pre-filters, tables built once) find what the full scan finds.

Targets skip a clause without a digit and a unit pattern whose longest word is absent; role and head
lookups read tables built once per process. These cases sit on the edges of those shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dirgraph.ingest.agency_lists import share_head
from dirgraph.ingest.body import extract_body
from dirgraph.ingest.body.cues import role_cues, role_of
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.context import DocContext

Ctx = Callable[..., DocContext]


def _targets(make_ctx: Ctx, text: str) -> set[tuple[float, str | None, int | None]]:
    facts = extract_body(make_ctx(text))
    return {(float(t.value), t.unit, t.year) for t in facts.targets}  # type: ignore[arg-type]


def test_multiword_unit_across_several_spaces(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. NHIỆM VỤ\n1. Nâng cao chất lượng.\nPhấn đấu đến năm 2028 tỷ lệ hộ dùng nước sạch đạt "
            "98 phần   trăm; hỗ trợ 1.200 học  sinh khó khăn.\n")
    assert _targets(make_ctx, text) == {(98.0, "%", 2028), (1200.0, "học sinh", 2028)}


def test_year_carries_over_a_clause_without_digits(make_ctx: Ctx) -> None:
    text = ("như sau:\nII. MỤC TIÊU\n1. Mục tiêu chung.\nĐến năm 2027, củng cố mạng lưới y tế cơ sở, "
            "nâng cao chất lượng khám chữa bệnh, tỷ lệ trạm y tế có bác sĩ đạt 90%.\n")
    assert _targets(make_ctx, text) == {(90.0, "%", 2027)}


def test_clauses_without_digits_give_no_targets(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. NHIỆM VỤ\n1. Tăng cường quản lý.\n- Phấn đấu hoàn thành mục tiêu đề ra, bảo đảm chất lượng "
            "phòng học và đội ngũ giáo viên.\n")
    assert _targets(make_ctx, text) == set()


@pytest.mark.parametrize(("cue", "role"), role_cues(), ids=lambda v: str(v))
def test_role_of_every_cue_in_any_case(cue: str, role: str) -> None:
    expected = dict(role_cues())[cue]  # a cue listed twice takes its last role
    assert role_of(cue) == expected
    assert role_of(cue.upper()) == expected
    assert role_of(cue.capitalize()) == expected
    # role_of looks a cue up as written before converting it: that is exact because every table
    # key is already its own match form
    assert match_form(cue) == cue


def test_role_of_a_word_outside_the_table() -> None:
    assert role_of("không phải vai trò") == "none"


def test_share_head_gives_the_same_split_every_call() -> None:
    for _ in range(2):  # the field table is built once and must not be altered by a call
        assert share_head("Sở Nội vụ, Tài chính và Y tế") == ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế"]
        assert share_head("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_unit_hint_keeps_level_units_and_drops_bare_numbers(make_ctx: Ctx) -> None:
    # "mức độ 3" is the one unit written before its number; "năm 2025" and "Điều 3" carry no unit
    text = ("như sau:\nI. NHIỆM VỤ\n1. Chuyển đổi số.\nPhấn đấu đến năm 2026 có 80% dịch vụ công trực tuyến "
            "mức độ 4 và 100% cơ quan dùng mức   độ 3; thực hiện Điều 3 trong năm 2025.\n")
    assert _targets(make_ctx, text) == {(80.0, "%", 2026), (100.0, "%", 2026)}
    text = "như sau:\nI. NHIỆM VỤ\n1. Chuyển đổi số.\nĐạt mức độ 4 về dịch vụ công trực tuyến đến năm 2027.\n"
    assert _targets(make_ctx, text) == {(4.0, "mức độ", 2027)}


@pytest.mark.parametrize(("text", "value"), [
    ("Hoàn thành trong tháng 11/2025.", "2025-11"),
    ("Báo cáo kết quả trước ngày 30/6/2019.", "2019-06-30"),
    ("Hoàn thành trong quý IV năm 2024.", "2024-Q4"),
    ("Hoàn thành trước ngày 15 hằng tháng.", None),  # no year: nothing dated
])
def test_narrative_deadline_needs_a_year(text: str, value: str | None) -> None:
    from dirgraph.ingest.body.deadlines import parse_narrative

    found = parse_narrative(text)
    assert (found.value if found is not None and found.kind == "by" else None) == value


def test_split_mentions_hands_out_a_fresh_list_each_call() -> None:
    from dirgraph.ingest.body.mentions import split_mentions

    first = split_mentions("Sở Y tế, Sở Tài chính")
    first.append("changed")
    assert split_mentions("Sở Y tế, Sở Tài chính") == ["Sở Y tế", "Sở Tài chính"]


def test_appendix_start_depends_on_where_the_search_starts() -> None:
    from dirgraph.ingest.body.appendix_flat import appendix_start

    text = "1. Nội dung.\nPHỤ LỤC\nSTT Nhiệm vụ Chủ trì Thời gian thực hiện\n1 Tổ chức Sở Y tế Quý IV/2025\n"
    at = text.index("PHỤ LỤC")
    assert appendix_start(text, 0) == at
    assert appendix_start(text, at + 1) is None
    assert appendix_start(text, 0) == at  # asked again after another start: the cache keys on both


@pytest.mark.parametrize(("name", "central"), [
    ("Bộ Y tế", True), ("Bộ Giáo dục và Đào tạo tỉnh", True), ("Sở Y tế", False), ("Bộ đội Biên phòng tỉnh", False),
])
def test_is_central_by_table_prefix(name: str, central: bool) -> None:
    from dirgraph.ingest.agencies import is_central

    assert is_central(name) is central


def _duties(text: str, *, explicit: bool = True) -> set[tuple[str, str]]:
    from dirgraph.ingest.body.duties import analyze_line
    from dirgraph.ingest.body.lines import Line

    found = analyze_line(Line(0, len(text), text, ((0, 0),)), [], explicit=explicit)
    return {(d.agency, d.role) for d in found.duties}


@pytest.mark.parametrize(("text", "expected"), [
    # no subject: only a hand-over ("giao", "chỉ đạo", "yêu cầu") or a lead's partners give duties
    ("Giao Phòng Tư pháp chủ trì, phối hợp với Công an xã rà soát các thủ tục; hoàn thành trong quý II/2026.",
     {("Phòng Tư pháp", "leads"), ("Công an xã", "coordinates")}),
    ("Yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc.", {("các cơ quan, đơn vị", "implements")}),
    ("Chỉ đạo các trường học triển khai thực hiện kế hoạch.", {("các trường học", "implements")}),
    # no subject and no hand-over: the sentence is skipped before its clauses are read
    ("Tổ chức kiểm tra, giám sát việc thực hiện; báo cáo kết quả định kỳ.", set()),
    ("Tăng cường tuyên truyền, phổ biến; thực hiện thường xuyên.", set()),
])
def test_a_sentence_without_subject_gives_only_handed_over_duties(text: str, expected: set[tuple[str, str]]) -> None:
    assert _duties(text) == expected
    assert _duties(text, explicit=False) == expected


def test_head_words_are_their_own_match_form() -> None:
    """starts_agency looks a matched head up as written before converting it: exact only because
    every lower-case key of the head table is already its own match form."""
    from dirgraph.ingest.body.mentions import _head_capitals

    heads = [head for head in _head_capitals() if not head.isupper()]
    assert heads
    assert all(match_form(head) == head for head in heads)


@pytest.mark.parametrize("filler_words", [3, 400])  # a short item is read through the cache, a long one is not
def test_task_text_and_labelled_deadline_with_and_without_the_item_cache(make_ctx: Ctx, filler_words: int) -> None:
    filler = " ".join(["rà soát"] * filler_words)
    text = (f"Kế hoạch như sau:\nII. NHIỆM VỤ\n1. Sở Tư pháp:\n- Chủ trì tuyên truyền pháp luật; {filler}.\n"
            "- Thời gian thực hiện: trong tháng 10/2026.\n2. Phòng Văn hóa:\n- Chủ trì tuyên truyền; "
            f"{filler}.\n- Thời gian thực hiện: trong tháng 10/2026.\n")
    for _ in range(2):  # asked twice: the second answer of the short items comes from the cache
        tasks = {t.id: t for t in extract_body(make_ctx(text)).tasks}
        assert tasks["II.1"].text == "Sở Tư pháp: Chủ trì tuyên truyền pháp luật; " + filler + "."
        assert tasks["II.2"].text.startswith("Phòng Văn hóa: Chủ trì tuyên truyền;")
        for task in tasks.values():
            assert task.deadline is not None and (task.deadline.kind, task.deadline.value) == ("by", "2026-10")
