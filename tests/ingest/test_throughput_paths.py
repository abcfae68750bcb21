"""The throughput shortcuts of extraction give exactly what the plain computation gives.

Each case sits on an edge of one shortcut: a line's duties read once per text and mapped to each
line's place, the bare serials found per digit run instead of per character, an agency reference
handed out again, and the light (non-frozen) line and duty records.
"""

from __future__ import annotations

import re

import pytest

from dirgraph.core.text import clean_spaces
from dirgraph.ingest.agencies import canonical_agency
from dirgraph.ingest.body.appendix_flat import _HEADER, _find_header
from dirgraph.ingest.body.duties import Duty, _analyze, analyze_line
from dirgraph.ingest.body.lines import Line, logical_lines
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.docnumbers import kind_from_word
from dirgraph.ingest.references import _BARE_SERIAL, Mention, _bare_word_re, _resolve_bare, find_mentions

_LINE = ("Sở Y tế chủ trì, phối hợp với Sở Tài chính và Ủy ban nhân dân các huyện triển khai thực hiện; "
         "định kỳ báo cáo Ủy ban nhân dân tỉnh.")


def _plain(line: Line, subjects: list[str], offset: int = 0, explicit: bool = False) -> tuple[list[Duty], list]:
    found = _analyze(line, subjects, offset, explicit)
    return found.duties, found.links


@pytest.mark.parametrize("explicit", [False, True])
def test_cached_reading_of_a_line_matches_the_plain_one_at_any_place(explicit: bool) -> None:
    first = Line(40, 40 + len(_LINE), _LINE, ((0, 40),))
    later = Line(900, 900 + len(_LINE), _LINE, ((0, 900),))
    for line in (first, later, first):  # the second reading of each text comes from the cache
        found = analyze_line(line, [], explicit=explicit)
        assert (found.duties, found.links) == _plain(line, [], explicit=explicit)
    duties = analyze_line(later, []).duties
    assert duties and all(900 <= d.start < d.end <= later.end for d in duties)


def test_cached_reading_maps_a_rejoined_line_through_its_pieces() -> None:
    # a PDF line wrapped after "phối hợp": two physical lines, joined with one space
    text = "như sau:\n1. Sở Y tế chủ trì, phối hợp\nvới Sở Tài chính tổ chức kiểm tra; báo cáo kết quả.\n"
    lines = logical_lines(text + "a\nb\nc\n", 0, len(text) + 6)
    joined = next(line for line in lines if len(line.pieces) > 1)
    subjects = ["Sở Y tế"]
    for _ in range(2):
        found = analyze_line(joined, subjects, offset=3)
        assert (found.duties, found.links) == _plain(joined, subjects, offset=3)
    assert analyze_line(joined, subjects, offset=3).duties[0].end == joined.to_source(joined.text.index(";"))


def test_cached_reading_hands_out_fresh_lists() -> None:
    line = Line(0, len(_LINE), _LINE, ((0, 0),))
    found = analyze_line(line, [])
    count = len(found.duties)
    found.duties.clear()  # callers extend and filter what they get
    assert len(analyze_line(line, []).duties) == count


def _bare_by_full_scan(text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """The former scan: the serial pattern tried at every character of the text."""
    by_serial = {}
    for m in mentions:
        if m.number and (serial := re.match(r"\d+", m.number)):
            by_serial.setdefault((m.kind, serial.group(0).lstrip("0")), m.key)
    serials = {k[1] for k in by_serial if k[1]}
    spans = [(m.start, m.end) for m in mentions]
    out = []
    for sm in _BARE_SERIAL.finditer(text):
        if sm.group(1).lstrip("0") not in serials:
            continue
        wm = _bare_word_re().search(text, max(0, sm.start() - 40), sm.start())
        if wm is None or any(a <= wm.start() < b for a, b in spans):
            continue
        key = by_serial.get((kind_from_word(clean_spaces(wm.group("word"))) or "", sm.group(0).lstrip("0")))
        if key:
            out.append((wm.start(), sm.end(), key))
    return out


@pytest.mark.parametrize("tail", [
    "Quán triệt Kết luận 91 đến cán bộ.",
    "Quán triệt Kết luận 091 và Kết luận 91, 191, 910.",
    "Kết luận 91-KL không phải; Kết luận 91/KL cũng không; số 12/91 và x91 thì không.",
    "Kết luận 91 / TW; Kết luận 91 - KL; Kết luận 0091; Kết luận ٩١.",
    "Kết luận 9191, Kết luận 1991, Kết luận ٠91, Kết luận 91٣ và cuối cùng Kết luận 91",
])
def test_bare_serials_per_digit_run_match_the_full_scan(tail: str) -> None:
    text = f"Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị. {tail}"
    mentions = find_mentions(text)
    found = _resolve_bare(text, mentions, [(m.start, m.end) for m in mentions])
    assert [(m.start, m.end, m.key) for m in found] == _bare_by_full_scan(text, mentions)


def test_bare_serial_with_leading_zeros_resolves() -> None:
    text = "Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị. Quán triệt Kết luận 091."
    mentions = find_mentions(text)
    found = _resolve_bare(text, mentions, [(m.start, m.end) for m in mentions])
    assert [(text[m.start : m.end], m.key) for m in found] == [("Kết luận 091", "91-KL/TW")]


@pytest.mark.parametrize("form", [
    "phụ lục\nstt nhiệm vụ cơ quan chủ trì thời gian thực hiện\n1 tuyên truyền",
    "biểu kèm theo\ntt nội dung công việc đơn vị thời hạn hoàn thành",
    "stt nhiệm vụ",
    "mattt nhiệm vụ; tt nhiệm vụ sau",
    "sttt nội dung; xtt tên; ttt tên việc đến tiến độ",
    "không có bảng nào ở đây, chỉ có chữ tt rời.",
    "",
])
def test_appendix_header_found_at_tt_as_by_full_search(form: str) -> None:
    for pos in range(len(form) + 1):
        full, quick = _HEADER.search(form, pos), _find_header(form, pos)
        assert (full and full.span()) == (quick and quick.span())


def test_agency_reference_is_filed_per_document_place() -> None:
    def ctx(place: str) -> DocContext:
        return DocContext(source="a.txt", text=f"ỦY BAN NHÂN DÂN TỈNH {place.upper()}\n", locality=place,
                          locality_level="province")
    first, again = canonical_agency("UBND tỉnh", ctx("Nghệ An")), canonical_agency("UBND tỉnh", ctx("Nghệ An"))
    other = canonical_agency("UBND tỉnh", ctx("Hà Tĩnh"))
    assert first == again and first.name == "Ủy ban nhân dân tỉnh" and first.locality == "Nghệ An"
    assert other.locality == "Hà Tĩnh" and first.locality == "Nghệ An"


def test_light_records_keep_value_equality_and_hash() -> None:
    a, b = Line(1, 5, "Sở Y tế", ((0, 1),)), Line(1, 5, "Sở Y tế", ((0, 1),))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert Duty("Sở Y tế", "leads", 1, 5) == Duty("Sở Y tế", "leads", 1, 5)
    assert Duty("Sở Y tế", "leads", 1, 5) != Duty("Sở Y tế", "leads", 1, 6)
