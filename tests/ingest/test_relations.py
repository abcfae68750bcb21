"""SELF and document-to-document relations, one test per cue of relation_cues.tsv."""

from __future__ import annotations

import doctest

import pytest

from dirgraph.ingest import relations as relations_module
from dirgraph.ingest.pipeline import extract_text
from dirgraph.ingest.tables import alternatives, load_table


def _relations(text: str) -> set[tuple[str, str, str]]:
    record = extract_text(text, "t.txt")
    assert record.warnings == []
    return {(r.source, r.type, r.target) for r in record.relations}


def _plan(preamble: str, body: str = "1. Nâng cao chất lượng giáo dục.", kind: str = "KẾ HOẠCH",
          subject: str = "công tác giáo dục năm 2025") -> str:
    return (f"{kind}\n{subject}\n-----\n{preamble}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n"
            f"II. NHIỆM VỤ\n{body}\nNơi nhận:\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n")


KL91 = "Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị"


def test_module_doctests() -> None:
    result = doctest.testmod(relations_module)
    assert result.attempted >= 6 and result.failed == 0


def _cue_rows(category: str) -> list[tuple[str, str]]:
    return [(p, row[2]) for row in load_table("relation_cues.tsv") if row[0] == category for p in alternatives(row[1])]


@pytest.mark.parametrize(("phrase", "expected"), _cue_rows("self"))
def test_self_cues(phrase: str, expected: str) -> None:
    text = _plan(f"{phrase[:1].upper()}{phrase[1:]} {KL91}, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    assert _relations(text) == {("SELF", expected, "91-KL/TW")}


@pytest.mark.parametrize(("phrase", "expected"), _cue_rows("self-start"))
def test_clause_opening_cues(phrase: str, expected: str) -> None:
    text = _plan(f"{phrase[:1].upper()}{phrase[1:]} {KL91}, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    assert _relations(text) == {("SELF", expected, "91-KL/TW")}


@pytest.mark.parametrize(("phrase", "expected"), _cue_rows("retro"))
def test_retrospective_cues_are_cites(phrase: str, expected: str) -> None:
    text = _plan(f"Đánh giá, {phrase} {KL91}; Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    assert _relations(text) == {("SELF", expected, "91-KL/TW")}


@pytest.mark.parametrize(("phrase", "expected"), _cue_rows("nested"))
def test_nested_cues_link_the_two_documents(phrase: str, expected: str) -> None:
    source = "Kết luận số 95-KL/TW ngày 01/9/2024 của Bộ Chính trị"
    target = "Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI"
    text = _plan(f"Thực hiện {source} {phrase} {target}, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    assert _relations(text) == {("SELF", "implements", "95-KL/TW"), ("95-KL/TW", expected, "29-NQ/TW")}


@pytest.mark.parametrize(("phrase", "_unused"), _cue_rows("filler"))
def test_filler_words_between_cue_and_document(phrase: str, _unused: str) -> None:
    text = _plan(f"Thực hiện Kế hoạch số 45-KH/TU ngày 01/9/2024 của Ban Thường vụ Tỉnh ủy triển khai thực hiện "
                 f"{phrase} {KL91}, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    assert _relations(text) == {("SELF", "implements", "45-KH/TU"), ("45-KH/TU", "implements", "91-KL/TW")}


def test_a_plans_continue_is_implements_a_conclusions_is_continues() -> None:
    nested = (f"Thực hiện Kế hoạch số 45-KH/TU ngày 01/9/2024 của Ban Thường vụ Tỉnh ủy về tiếp tục thực hiện "
              f"{KL91}, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    assert ("45-KH/TU", "implements", "91-KL/TW") in _relations(_plan(nested))
    directive = _plan("Để tiếp tục thực hiện có hiệu quả Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, "
                      "Ban Thường vụ Tỉnh ủy yêu cầu:", kind="CHỈ THỊ",
                      subject="về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    assert _relations(directive) == {("SELF", "continues", "05-CT/TW")}


def test_documents_named_only_in_tasks_are_cites_and_strongest_type_wins() -> None:
    body = (f"1. Triển khai thực hiện Quyết định số 1585/QĐ-TTg ngày 07/12/2023 của Thủ tướng Chính phủ.\n"
            f"2. Quán triệt {KL91}.\n3. Kế hoạch này thay thế Kế hoạch số 10-KH/HU ngày 01/02/2019.")
    text = _plan(f"Thực hiện {KL91}, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:", body=body)
    assert _relations(text) == {
        ("SELF", "implements", "91-KL/TW"), ("SELF", "cites", "1585/QĐ-TTg"), ("SELF", "cites", "10-KH/HU")}


def test_list_items_share_the_cue_and_descriptions_do_not_leak() -> None:
    """The list shares "Thực hiện"; the description after the list ("thực hiện Kết luận 91") is said of
    both plans the bare "và" joins, but never of SELF (blind set 3: "Kế hoạch số 245-KH/TU … và Kế hoạch
    số 301-KH/TU … về thực hiện Nghị quyết số 57-NQ/TW")."""
    pre = ("Thực hiện Kế hoạch số 407-KH/TU ngày 06/11/2024 của Ban Thường vụ Thành ủy và Kế hoạch số 298/KH-UBND "
           f"ngày 30/12/2024 của Ủy ban nhân dân thành phố thực hiện {KL91} tiếp tục thực hiện Nghị quyết số "
           "29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI, Sở Giáo dục và Đào tạo ban hành "
           "Kế hoạch thực hiện như sau:")
    assert _relations(_plan(pre)) == {
        ("SELF", "implements", "407-KH/TU"), ("SELF", "implements", "298/KH-UBND"),
        ("407-KH/TU", "implements", "91-KL/TW"), ("298/KH-UBND", "implements", "91-KL/TW"),
        ("91-KL/TW", "continues", "29-NQ/TW")}


def test_the_list_goes_on_after_an_items_description() -> None:
    """"Thực hiện Chỉ thị A … về <its subject> và Chỉ thị B …": B shares the verb (blind set 5)."""
    pre = ("Thực hiện Chỉ thị số 13-CT/TW ngày 12/01/2017 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối "
           "với công tác quản lý, bảo vệ và phát triển rừng và Chỉ thị số 12/CT-TTg ngày 11/3/2024 của Thủ tướng "
           "Chính phủ về tăng cường công tác phòng cháy, chữa cháy rừng, Ủy ban nhân dân tỉnh ban hành Kế hoạch:")
    assert _relations(_plan(pre)) == {("SELF", "implements", "13-CT/TW"), ("SELF", "implements", "12/CT-TTg")}


def test_a_description_after_a_list_is_not_said_of_an_item_described_on_its_own() -> None:
    """ "Chỉ thị A về X và Kế hoạch B về thực hiện Z": A has its own description, so only B implements Z."""
    pre = ("Căn cứ Chỉ thị số 21-CT/TU ngày 02/3/2024 của Tỉnh ủy về tăng cường công tác tuyên truyền và Kế hoạch "
           f"số 298/KH-UBND ngày 30/12/2024 của Ủy ban nhân dân tỉnh về thực hiện {KL91}, Ban Thường vụ Huyện ủy "
           "ban hành Kế hoạch như sau:")
    got = _relations(_plan(pre))
    assert ("298/KH-UBND", "implements", "91-KL/TW") in got
    assert ("21-CT/TU", "implements", "91-KL/TW") not in got


def test_semicolon_lists_in_the_purpose_section() -> None:
    text = ("KẾ HOẠCH\ncông tác giáo dục\n-----\nBan Thường vụ Đảng ủy ban hành kế hoạch như sau:\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n2. Tiếp tục cụ thể hoá các nhiệm vụ tại Nghị quyết số 29-NQ/TW, ngày 04/11/2013 "
            "của Ban Chấp hành Trung ương Đảng khoá XI (viết tắt là Nghị quyết số 29-NQ/TW); Nghị quyết Đại hội XIII "
            "của Đảng; Nghị quyết số 39-NQ/TW ngày 18/7/2023 của Bộ Chính trị về xây dựng tỉnh và các nghị quyết "
            "khác.\nII. NỘI DUNG\n1. Nâng cao chất lượng.\n")
    assert _relations(text) == {
        ("SELF", "implements", "29-NQ/TW"), ("SELF", "implements", "Nghị quyết Đại hội XIII"),
        ("SELF", "implements", "39-NQ/TW")}


def test_a_document_cannot_act_on_a_later_one() -> None:
    body = ("1. Thực hiện Chương trình hành động số 69-CTr/TU, ngày 26/12/2014 của Tỉnh ủy về thực hiện Nghị quyết "
            f"số 29-NQ/TW, {KL91} về tiếp tục thực hiện Nghị quyết số 29-NQ/TW.")
    got = _relations(_plan(f"Thực hiện {KL91}, Ban Thường vụ ban hành Kế hoạch:", body=body))
    assert ("69-CTr/TU", "implements", "91-KL/TW") not in got
    assert ("69-CTr/TU", "implements", "29-NQ/TW") in got
    assert ("SELF", "cites", "29-NQ/TW") not in got


def test_a_document_that_implements_nothing_has_no_implements_edge() -> None:
    text = _plan("Nhằm nâng cao chất lượng giáo dục, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:",
                 body="1. Rà soát, sắp xếp mạng lưới trường lớp theo Luật Giáo dục số 43/2019/QH14.")
    assert _relations(text) == {("SELF", "cites", "43/2019/QH14")}


def test_a_clause_between_two_mentions_does_not_pass_the_verb_on() -> None:
    pre = ("Theo Báo cáo số 238/BC-SKHCN ngày 25/6/2025 của Sở Khoa học và Công nghệ, đến nay một số địa phương "
           "chưa ban hành kế hoạch theo yêu cầu tại Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân "
           "thành phố. Ủy ban nhân dân thành phố có ý kiến như sau:")
    assert _relations(_plan(pre)) == {("SELF", "based_on", "238/BC-SKHCN"), ("SELF", "cites", "124/KH-UBND")}


def test_purpose_section_numbered_with_arabic_numerals() -> None:
    text = ("KẾ HOẠCH\ncông tác giáo dục\n-----\nBan Thường vụ Đảng ủy ban hành kế hoạch như sau:\n"
            f"1. MỤC ĐÍCH, YÊU CẦU\nQuán triệt {KL91}.\n2. NHIỆM VỤ\nThực hiện Quyết định số 1585/QĐ-TTg.\n")
    assert _relations(text) == {("SELF", "implements", "91-KL/TW"), ("SELF", "cites", "1585/QĐ-TTg")}


def test_a_proposal_is_cited_not_a_basis() -> None:
    text = _plan("Căn cứ Luật Giáo dục số 43/2019/QH14;\nXét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số "
                 "15/TTr-SNV ngày 02/3/2024.", kind="QUYẾT ĐỊNH")
    assert _relations(text) == {("SELF", "based_on", "43/2019/QH14"), ("SELF", "cites", "15/TTr-SNV")}


def test_a_submission_considered_is_cited_not_a_basis() -> None:
    """"Xét Tờ trình số …" (a council resolution's preamble, blind set 6): the mention starts at its kind
    word, so the cue before it is "Xét" alone."""
    text = _plan("Căn cứ Luật Giáo dục số 43/2019/QH14;\nXét Tờ trình số 612/TTr-UBND ngày 25 tháng 11 năm 2024 "
                 "của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra của Ban Kinh tế - Ngân sách.", kind="NGHỊ QUYẾT")
    assert _relations(text) == {("SELF", "based_on", "43/2019/QH14"), ("SELF", "cites", "612/TTr-UBND")}


def test_a_review_of_a_document_cites_it() -> None:
    text = _plan("Thực hiện Công văn số 310/UBND-VX ngày 02/5/2025 của Ủy ban nhân dân tỉnh về việc sơ kết việc "
                 "thực hiện Chỉ thị số 08/CT-UBND ngày 18/8/2023 của Ủy ban nhân dân tỉnh, Sở Y tế hướng dẫn như sau:")
    assert _relations(text) == {("SELF", "implements", "310/UBND-VX"), ("310/UBND-VX", "cites", "08/CT-UBND")}


def test_the_plan_a_decision_issues_speaks_for_the_decision() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nSố: 402/QĐ-UBND\nĐắk Nông, ngày 3 tháng 4 năm 2023\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch phòng, chống thiên tai năm 2023\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
            "Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2023.\n"
            "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nTrần Văn Minh\n\nKẾ HOẠCH\nPhòng, chống thiên tai năm 2023\n"
            "(Kèm theo Quyết định số 402/QĐ-UBND ngày 03/4/2023 của Chủ tịch UBND tỉnh)\n"
            "Thực hiện Chỉ thị số 05/CT-TTg ngày 02/3/2023 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành "
            "Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Rà soát các khu dân cư ven sông.\n")
    rels = _relations(text)
    assert ("SELF", "implements", "05/CT-TTg") in rels
    assert ("SELF", "based_on", "Luật Phòng, chống thiên tai") in rels
    record = extract_text(text, "t.txt")
    assert [t.id for t in record.tasks] == ["I.1"]


def _mention_at(start: int) -> relations_module.Mention:
    return relations_module.Mention(start, start + 5, f"Kết luận {start}", "conclusion", None)


@pytest.mark.parametrize("starts", [[3, 12, 12, 40], [40, 3, 12]])  # sorted (bisection) and not (filter)
def test_mentions_are_grouped_by_paragraph_in_their_order(starts: list[int]) -> None:
    mentions = [_mention_at(s) for s in starts]
    units = [(0, 10), (11, 20), (21, 30), (31, 50)]
    grouped = list(relations_module._by_unit(mentions, units))
    expected = [(a, [m for m in mentions if a <= m.start < b]) for a, b in units]
    assert grouped == [(a, ms) for a, ms in expected if ms]


@pytest.mark.parametrize("gap", [
    ", ", " và ", " về thực hiện ", " về tiếp tục thực hiện ", ", đồng thời thực hiện ", " của ", "; ",
    " quán triệt và triển khai thực hiện có hiệu quả ", " về việc tổng kết việc thực hiện ", "", " (sau đây gọi tắt là X) ",
])
def test_cached_gap_readings_answer_as_the_plain_functions(gap: str) -> None:
    """nested_cue and _is_separator_gap are cached per gap; asked twice, both answers are the plain ones."""
    from dirgraph.ingest.relations import _is_separator_gap, nested_cue

    for _ in range(2):
        assert nested_cue(gap) == nested_cue.__wrapped__(gap)
        assert _is_separator_gap(gap) == _is_separator_gap.__wrapped__(gap)


def test_a_purpose_heading_that_lost_its_marks_still_speaks_for_the_document() -> None:
    """"I. MUC ĐICH, YÊU CÂU" (a Word file's heading without its marks, blind set 6): "Quán triệt, triển khai
    Chỉ thị số 993/CT-BGDĐT" there is what the plan implements."""
    text = ("KẾ HOẠCH\nphòng, chống bạo lực học đường\n-----\nPhòng Giáo dục và Đào tạo xây dựng Kế hoạch như sau:\n"
            "I. MUC ĐICH, YÊU CÂU\n1. Quán triệt, triển khai nghiêm túc Chỉ thị số 993/CT-BGDĐT ngày 12/4/2019 của Bộ "
            "trưởng Bộ Giáo dục và Đào tạo.\nII. NHIEM VU\n1. Tuyên truyền.\nNơi nhận:\n- Lưu VT.\nTRƯỞNG PHÒNG\n"
            "Nguyễn Văn An\n")
    assert _relations(text) == {("SELF", "implements", "993/CT-BGDĐT")}


def test_a_goals_section_opening_the_body_states_its_purpose() -> None:
    """A programme whose first section is "I. MỤC TIÊU" (no MỤC ĐÍCH) says there what it carries out
    (blind set 6); where a MỤC ĐÍCH section exists, a later MỤC TIÊU only cites."""
    goals_first = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 21-NQ/TW\n-----\nThực hiện Nghị quyết số 21-NQ/TW "
                   "ngày 16/6/2022 của Ban Chấp hành Trung ương, Ban Thường vụ xây dựng Chương trình hành động như sau:\n"
                   "I. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao năng lực lãnh đạo của tổ chức cơ sở đảng, gắn với thực hiện "
                   "Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
                   "1. Nâng cao chất lượng sinh hoạt chi bộ.\nNơi nhận:\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n")
    assert _relations(goals_first) == {("SELF", "implements", "21-NQ/TW"), ("SELF", "implements", "21-KL/TW")}
    purpose_then_goals = _plan(f"Căn cứ {KL91},").replace(
        "II. NHIỆM VỤ", "II. MỤC TIÊU\nGắn với thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành "
        "Trung ương.\nIII. NHIỆM VỤ")
    assert _relations(purpose_then_goals) == {("SELF", "based_on", "91-KL/TW"), ("SELF", "cites", "21-KL/TW")}


def test_linked_with_carrying_out_is_the_documents_own_link() -> None:
    """"Triển khai Quyết định số 155/QĐ-TTg và Kế hoạch số 97/KH-UBND trong năm 2024, gắn với thực hiện Nghị
    quyết số 20-NQ/TW": the plan is linked to 20-NQ/TW; the decision and the plan named before do not
    implement it (blind set 7)."""
    text = _plan("Căn cứ Luật Giáo dục số 43/2019/QH14;").replace(
        "1. Nâng cao nhận thức.", "1. Triển khai có hiệu quả Quyết định số 155/QĐ-TTg và Kế hoạch số 97/KH-UBND trong "
        "năm 2024, gắn với thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.")
    relations = _relations(text)
    assert ("SELF", "implements", "20-NQ/TW") in relations
    assert not any(target == "20-NQ/TW" and source != "SELF" for source, _, target in relations)


def test_and_continuing_after_a_documents_subject_is_the_documents_own_link() -> None:
    """"thực hiện Nghị quyết 70 … về <its subject> và tiếp tục thực hiện Chương trình 24 …": the plan's
    own link to 24 (a plan carrying on a programme implements it, SCHEMA.md), not the resolution's
    (blind set 12)."""
    text = _plan("Thực hiện Nghị quyết số 70-NQ/TW, ngày 20/8/2025 của Bộ Chính trị về bảo đảm an ninh năng lượng "
                 "quốc gia đến năm 2030 và tiếp tục thực hiện Chương trình hành động số 24-CTr/TU, ngày 12/6/2020 "
                 "của Tỉnh ủy Trà Vinh, Ban Thường vụ Tỉnh ủy ban hành Chương trình như sau:")
    assert _relations(text) == {("SELF", "implements", "70-NQ/TW"), ("SELF", "implements", "24-CTr/TU")}
    guidance = _plan("Thực hiện Hướng dẫn số 95-HD/BTGTU, ngày 02/5/2024 của Ban Tuyên giáo Tỉnh ủy về nghiên cứu, "
                     "quán triệt và triển khai thực hiện Nghị quyết số 44-NQ/TW của Ban Chấp hành Trung ương, Ban "
                     "Thường vụ Huyện ủy ban hành Kế hoạch như sau:")
    assert ("95-HD/BTGTU", "implements", "44-NQ/TW") in _relations(guidance)
