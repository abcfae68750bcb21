"""The whole extraction on the seed documents, scored with the project's scorer (skipped without seeds)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from dirgraph.ingest import pipeline
from dirgraph.ingest.pipeline import extract_file, extract_text

SHARED = (Path(__file__).resolve().parents[2].parent / "shared")
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds"
SCORER = SHARED / "eval" / "score.py"
MY_GROUPS = ("document", "documents", "relations")

needs_seeds = pytest.mark.skipif(not (SEEDS.is_dir() and GOLD.is_dir() and SCORER.is_file()),
                                 reason="shared seeds, gold files or scorer not present")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dirgraph_seed_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_records() -> dict[str, dict[str, object]]:
    records = {}
    for gold_file in sorted(GOLD.glob("*.json")):
        source = json.loads(gold_file.read_text(encoding="utf-8"))["source"]
        record = extract_file(SEEDS / source)
        assert record.warnings == [], (source, record.warnings)
        records[gold_file.name] = record.to_json_dict()
    return records


@needs_seeds
def test_seed_scores_reach_the_target(seed_records: dict[str, dict[str, object]]) -> None:
    score = _scorer()
    corpus = {group: score.Tally() for group in score.GROUPS}
    for name, pred in seed_records.items():
        gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
        for group, tally in score.score_document(gold, pred).items():
            corpus[group].merge(tally)
    for group in MY_GROUPS:
        assert corpus[group].prf()[2] >= 0.95, (group, corpus[group].prf())


@needs_seeds
def test_every_fact_has_provenance_in_the_text(seed_records: dict[str, dict[str, object]]) -> None:
    for pred in seed_records.values():
        for group in ("documents", "relations"):
            for fact in pred[group]:  # type: ignore[attr-defined]
                prov = fact["provenance"]
                assert prov["file"] == pred["source"] and 0 <= prov["start"] < prov["end"] and prov["quote"]


TEXT = ("KẾ HOẠCH\nthực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị\n-----\n"
        "Thực hiện Kết luận số 91-KL/TW, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\nII. NHIỆM VỤ\n1. Đổi mới quản lý.\n"
        "Nơi nhận:\n- Thường trực Tỉnh ủy (b/c),\n- Ủy ban nhân dân huyện (t/h),\n- Lưu.\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n")


def test_recipients_give_reports_to_and_implements() -> None:
    record = extract_text(TEXT, "t.txt")
    assert record.warnings == []
    issuer = record.document.issuer
    assert issuer is not None and issuer.name == "Ban Thường vụ Huyện ủy"
    reports = [(r.source.name, r.target.name) for r in record.agency_relations if r.type == "reports_to"]
    assert ("Ban Thường vụ Huyện ủy", "Thường trực Tỉnh ủy") in reports
    selfs = [(a.agency.name, a.role) for a in record.assignments if a.task == "SELF"]
    assert ("Ủy ban nhân dân huyện", "implements") in selfs
    assert [r.marker for r in record.recipients] == ["b/c", "t/h"]


def test_a_report_reports_to_its_addressee_a_dispatch_does_not() -> None:
    """"Kính gửi: Ủy ban nhân dân tỉnh" on a Báo cáo: the issuing Sở reports to it (blind set 5); the
    addressees of a dispatch are the ones asked to act, not whom it reports to."""
    head = ("UBND TỈNH BẾN TRE\nSỞ Y TẾ\nSố: 1875/BC-SYT\nBến Tre, ngày 12 tháng 6 năm 2024\n")
    report = (head + "BÁO CÁO\nKết quả 3 năm thực hiện Nghị quyết số 05-NQ/TU\nKính gửi: Ủy ban nhân dân tỉnh Bến Tre.\n"
              "Thực hiện Công văn số 2764/UBND-KGVX, Sở Y tế báo cáo kết quả như sau:\nI. KẾT QUẢ THỰC HIỆN\n"
              "1. Đã kiện toàn mạng lưới.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nLê Văn Nghĩa\n")
    record = extract_text(report, "bc.txt")
    reports = {(r.source.name, r.target.name) for r in record.agency_relations if r.type == "reports_to"}
    assert reports == {("Sở Y tế", "Ủy ban nhân dân tỉnh")}
    dispatch = report.replace("1875/BC-SYT", "1875/SYT-NVY").replace("BÁO CÁO\nKết quả", "V/v báo cáo kết quả")
    record = extract_text(dispatch, "cv.txt")
    assert not [r for r in record.agency_relations if r.type == "reports_to"]


def test_a_failing_extractor_does_not_lose_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extract_relations", broken)
    record = extract_text(TEXT, "t.txt")
    assert record.warnings == ["references: RuntimeError: boom"]
    assert record.document.kind == "plan" and record.recipients


def test_unreadable_file_raises_a_one_line_ingest_error(tmp_path: Path) -> None:
    from dirgraph.core.errors import IngestError

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError) as info:
        extract_file(empty)
    assert "empty.txt" in str(info.value) and "\n" not in str(info.value)


def test_recipient_lines_split_by_the_agency_list_rules() -> None:
    text = ("KẾ HOẠCH\nphòng, chống dịch năm 2025\nI. MỤC ĐÍCH\n1. Chủ động.\nNơi nhận:\n"
            "- Các chi bộ, đảng bộ trực thuộc (t/h);\n- Ban Tuyên giáo, Văn phòng Tỉnh ủy (b/c);\n- Lưu VT.\n"
            "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n")
    record = extract_text(text, "t.txt")
    selfs = [a.agency.name for a in record.assignments if a.task == "SELF"]
    assert selfs == ["Các chi bộ, đảng bộ trực thuộc"]
    assert len([r for r in record.agency_relations if r.type == "reports_to"]) == 2


def test_text_without_any_structure_of_the_genre_is_refused(tmp_path: Path) -> None:
    from dirgraph.core.errors import IngestError
    from dirgraph.ingest.pipeline import extract_file

    note = tmp_path / "ghi-chu.txt"
    note.write_text("Danh sách mua sắm: gạo, nước mắm, rau muống.\nNhớ gọi điện cho chị Lan.\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no recognizable"):
        extract_file(note)


def test_warm_up_text_reaches_every_stage() -> None:
    """warm_up() must load what a real document loads: frame, references, places, body, Nơi nhận."""
    from dirgraph.ingest.normalize import normalize_text
    from dirgraph.ingest.pipeline import _WARM_UP_TEXT, extract_text, warm_up

    warm_up()
    record = extract_text(normalize_text(_WARM_UP_TEXT), "warm-up.txt")
    assert record.warnings == []
    assert (record.document.kind, record.document.locality) == ("plan", "Nghệ An")
    assert record.documents and record.tasks and record.recipients


def test_warm_up_text_reaches_a_recurring_deadline_and_a_plural_recipient() -> None:
    """The deadline cue table and the agency-list head words are built by warm_up, not by a first document."""
    from dirgraph.ingest.normalize import normalize_text
    from dirgraph.ingest.pipeline import _WARM_UP_TEXT, extract_text

    record = extract_text(normalize_text(_WARM_UP_TEXT), "warm-up.txt")
    assert [t.deadline.kind for t in record.tasks if t.deadline].count("recurring") == 1
    assert "Các sở, ban, ngành" in [r.agency.name for r in record.recipients if r.agency]


def test_warm_up_imports_the_format_libraries_and_freezes_the_loaded_state() -> None:
    """A fresh process: after warm_up the first .docx or .pdf imports nothing heavy inside the clock,
    and the loaded tables sit outside the cyclic collector's generations."""
    import subprocess
    import sys

    code = ("import gc, sys; from dirgraph.ingest.pipeline import warm_up; "
            "assert 'docx' not in sys.modules and 'pdfplumber' not in sys.modules; warm_up(); "
            "print('docx' in sys.modules, 'pdfplumber' in sys.modules, gc.get_freeze_count() > 50_000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "True"]


@pytest.mark.parametrize("line", [
    "Các Ban Xây dựng Đảng, Trung tâm Chính trị, Văn phòng Thành ủy", "UBND các xã, phường, đặc khu; Sở Y tế",
    "Lưu: VT", "Như trên", "Thường trực Tỉnh ủy", "Sở Nội vụ, Sở Tài chính và các cơ quan liên quan", "",
])
def test_cached_recipient_split_answers_as_the_plain_split(line: str) -> None:
    """The cache keeps the split of each Nơi nhận line; asked twice, both answers are the plain computation."""
    from dirgraph.ingest.agency_lists import split_agency_list
    from dirgraph.ingest.pipeline import _NOT_RECIPIENT, _SEMICOLON, _split_recipient

    plain = [p for chunk in _SEMICOLON.split(line) for p in
             (q.strip(" -–,;.") for q in split_agency_list(chunk.strip(" -–,;."))) if p and not _NOT_RECIPIENT.match(p)]
    assert list(_split_recipient(line)) == plain
    assert list(_split_recipient(line)) == plain


NOTICE = ("| THÀNH ỦY HUẾ * Số 386-TB/TU | ĐẢNG CỘNG SẢN VIỆT NAM Huế, ngày 27 tháng 02 năm 2025 |\n"
          "THÔNG BÁO KẾT LUẬN\ncủa đồng chí Bí thư Thành ủy về triển khai thực hiện Nghị quyết số 59-NQ/TW\n-----\n"
          "Ngày 24/02/2025, Ban Thường vụ Thành ủy họp nghe Ban Tuyên giáo và Dân vận Thành ủy báo cáo dự thảo Kế "
          "hoạch thực hiện Nghị quyết số 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị (Tờ trình số 45-TTr/BTGDVTU ngày "
          "19/02/2025). Đồng chí Bí thư Thành ủy kết luận như sau:\n"
          "1. Giao Văn phòng Thành ủy theo dõi, đôn đốc việc thực hiện Thông báo này.\n"
          "Ban Thường vụ Thành ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.\n"
          "| Nơi nhận: - Thường trực Thành ủy, - Lưu Văn phòng Thành ủy. | T/L BAN THƯỜNG VỤ CHÁNH VĂN PHÒNG "
          "Hồ Thị Thanh Tâm |\n")


def test_a_notice_signed_by_order_of_the_standing_committee() -> None:
    """A Thông báo kết luận signed "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG" (blind set 5): the standing
    committee issues it; "thông báo để X biết, thực hiện" has X implement it; the Tờ trình in brackets
    after the resolution is a document of its own, cited."""
    record = extract_text(NOTICE, "tb.txt")
    issuer = record.document.issuer
    assert issuer is not None and issuer.name == "Ban Thường vụ Thành ủy"
    assert record.document.signer is not None and record.document.signer.name == "Hồ Thị Thanh Tâm"
    selfs = {(a.agency.name, a.role) for a in record.assignments if a.task == "SELF"}
    assert ("các cơ quan, đơn vị liên quan", "implements") in selfs
    assert not any(name.startswith("Ban Thường vụ") for name, _ in selfs)
    relations = {(r.source, r.type, r.target) for r in record.relations}
    assert ("SELF", "cites", "45-TTr/BTGDVTU") in relations


def test_a_schools_recipient_lines_name_each_unit() -> None:
    """"- Các tổ chuyên môn, Tổ Văn phòng (t/h);", "- Liên đội, Chi đoàn trường (t/h);": each unit of
    a school carries the plan out (blind set 13)."""
    text = ("TRƯỜNG THCS HÒA BÌNH\nSố: 12/KH-THCS\nHòa Bình, ngày 02 tháng 10 năm 2025\nKẾ HOẠCH\nAn toàn trường học\n"
            "I. MỤC ĐÍCH\n1. Bảo đảm an toàn cho học sinh.\nNơi nhận:\n- Các tổ chuyên môn, Tổ Văn phòng (t/h);\n"
            "- Liên đội, Chi đoàn trường (t/h);\n- Lưu: VT.\nHIỆU TRƯỞNG\nNguyễn Văn An\n")
    record = extract_text(text, "a.txt")
    names = {a.agency.name for a in record.assignments if a.task == "SELF"}
    assert {"Các tổ chuyên môn", "Tổ Văn phòng", "Liên đội", "Chi đoàn trường"} <= names


def test_a_ministers_decision_names_each_unit_head_charged_with_it() -> None:
    """"Chánh Văn phòng Bộ, Chánh Thanh tra Bộ, Vụ trưởng các Vụ, Cục trưởng các Cục, Viện trưởng Viện
    Năng lượng … chịu trách nhiệm thi hành": one head per comma (blind set 12)."""
    from dirgraph.ingest.agency_lists import split_agency_list

    assert split_agency_list("Chánh Văn phòng Bộ, Chánh Thanh tra Bộ, Vụ trưởng các Vụ, Cục trưởng các Cục, "
                             "Viện trưởng Viện Năng lượng") == [
        "Chánh Văn phòng Bộ", "Chánh Thanh tra Bộ", "Vụ trưởng các Vụ", "Cục trưởng các Cục",
        "Viện trưởng Viện Năng lượng"]


def test_mass_organisations_abbreviated_in_the_recipient_list_are_each_filed() -> None:
    """"- Hội LHPN, Hội ND, Hội CCB, Huyện đoàn;": four bodies, their names spelled out (blind set 9)."""
    text = ("ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ\nSố: 21/KH-UBND\nSơn Hà, ngày 07 tháng 8 năm 2023\nKẾ HOẠCH\nTín dụng chính sách\n"
            "I. MỤC ĐÍCH\n1. Nâng cao hiệu quả.\nNơi nhận:\n- Hội LHPN, Hội ND, Hội CCB, Huyện đoàn (t/h);\n- Lưu: VT.\n"
            "CHỦ TỊCH\nNguyễn Văn An\n")
    names = {a.agency.name for a in extract_text(text, "a.txt").assignments if a.task == "SELF"}
    assert {"Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Huyện đoàn"} <= names


def test_a_board_named_after_ban_splits_a_list_and_the_lower_case_ban_does_not() -> None:
    """"Ban Gia đình - Xã hội, Ban Tuyên giáo Hội LHPN tỉnh" are two boards; "sở, ban, ngành" one group
    (blind set 13)."""
    from dirgraph.ingest.agency_lists import split_agency_list

    assert split_agency_list("Văn phòng Hội, Ban Gia đình - Xã hội") == ["Văn phòng Hội", "Ban Gia đình - Xã hội"]
    assert split_agency_list("Các sở, ban, ngành tỉnh") == ["Các sở, ban, ngành tỉnh"]
