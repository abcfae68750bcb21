"""Work the body extractors share or skip gives what the plain computation gives.

Each test holds the plain form (the code the shortcut replaced) and compares the two on real-looking
inputs, including the edges of the shortcut: a quote that needs no folding, the two unit hints that
replace one alternation, the heading-year word test, the one-pass section kinds, the document's
place chain built from a text-free part, and the per-document agency keys of the collector.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dirgraph.core.text import spaced_once as tidy_already
from dirgraph.ingest.body import extract_body
from dirgraph.ingest.body.lines import Line
from dirgraph.ingest.body.sections import Item, build_tree, walk
from dirgraph.ingest.body.targets import _HEADING_YEAR, _has_unit
from dirgraph.ingest.context import DocContext

Ctx = Callable[..., DocContext]

_WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


@pytest.mark.parametrize("space", _WHITESPACE, ids=lambda c: f"U+{ord(c):04X}")
def test_tidy_already_agrees_with_split_and_join_for_every_whitespace(space: str) -> None:
    for text in (f"Sở Y tế{space}chủ trì", f"{space}Sở Y tế", f"Sở Y tế{space}", f"Sở{space}{space}Y tế",
                 f"Sở {space}Y tế", space, f"a{space}"):
        assert tidy_already(text) == (" ".join(text.split()) == text), repr(text)


@pytest.mark.parametrize("text", [
    "", "1. Ủy ban nhân dân các xã chủ trì, phối hợp triển khai.", "  Sở Y tế", "Sở Y tế  ", "Sở  Y tế",
    "Sở Y tế\nchủ trì", "Sở\u200bY tế", "Sở Y tế\u00a0tỉnh", "Sở Y tế\x00", "\u2028",
])
def test_tidy_already_on_spans(text: str) -> None:
    folded = " ".join(text.split()) == text
    if tidy_already(text):
        assert folded
    if text.isprintable():  # a non-printable text ("\u200b") just takes the split and join
        assert tidy_already(text) == folded


def test_provenance_quote_is_the_folded_span() -> None:
    text = "Sở Y tế chủ trì,\n  phối hợp  với Sở Tài chính.\tTiếp theo"
    ctx = DocContext(source="a.txt", text=text)
    for start, end in ((0, 16), (0, len(text)), (17, 30), (3, 3), (len(text) - 10, len(text))):
        assert ctx.provenance(start, end).quote == " ".join(text[start:end].split())


def _units_after_and_before() -> re.Pattern[str]:
    """The one alternation the two hints replace (the plain form)."""
    from dirgraph.ingest.body.cues import target_units

    after: list[str] = []
    before: list[str] = []
    for unit in target_units():
        written = re.escape(unit.written).replace(r"\ ", r"\s+")
        (before if unit.position == "before" else after).append(written)
    hint = rf"\d\s*(?:{'|'.join(after)})"
    return re.compile(hint + rf"|(?:{'|'.join(before)})\s+\d" if before else hint)


@pytest.mark.parametrize("form", [
    "phấn đấu đến năm 2030 tỷ lệ đạt 100%", "mức độ 4", "mức   độ 3 và 2 trường", "thực hiện điều 3 năm 2025",
    "1. tăng cường quản lý", "đạt 98 phần   trăm", "có 1.200 học  sinh", "30 ha rừng", "5km", "mức độ cao",
    "ca/100.000 dân", "12 ca/100.000 dân", "không có số", "xã 3", "đạt 76 tuổi",
])
def test_unit_hints_agree_with_the_one_alternation(form: str) -> None:
    assert _has_unit(form) == bool(_units_after_and_before().search(form))


@pytest.mark.parametrize("form", [
    "mục tiêu cụ thể đến năm 2030:", "chỉ tiêu giai đoạn 2021 - 2025, năm 2025", "đến năm 2027", "mục tiêu 2030",
    "trước ngày 30/6/2025", "1. nhiệm vụ trọng tâm", "trong năm  2026",
])
def test_heading_year_needs_the_word_nam(form: str) -> None:
    found = _HEADING_YEAR.search(form)
    assert found is None or "năm" in form
    if "năm" not in form:
        assert found is None


def _kinds_by_walk(body_items: list[Item], roots: list[Item]) -> list[tuple[str, str, str | None]]:
    """Kinds as the recursive walk from each root assigned them (the plain form)."""
    from dirgraph.ingest.body.sections import _root_kind

    kinds = [_root_kind(root) for root in roots]
    sectioned = any(kind != "other" for kind in kinds)
    out: dict[int, tuple[str, str | None]] = {}
    for root, kind in zip(roots, kinds, strict=True):
        for item in walk(root):
            out[id(item)] = (kind if sectioned else "directive", root.heading)
    return [(item.id, *out[id(item)]) for item in body_items]


def _lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(Line(pos, pos + len(raw), raw, ((0, pos),)))
        pos += len(raw) + 1
    return out


@pytest.mark.parametrize("text", [
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Nâng cao\nII. NHIỆM VỤ\n1. Tuyên truyền\n1.1. Tổ chức\n1.2. Phổ biến\n"
    "2. Kiểm tra\na) Rà soát\nb) Báo cáo\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Chủ trì\n2. Sở Tài chính\n",
    "1. Tăng cường lãnh đạo.\n2. Đẩy mạnh tuyên truyền.\na) Các xã\nb) Các phường\n3. Tổ chức thực hiện tốt.\n",
    "Mở đầu không đánh số\n1. NHIỆM VỤ\n1.1. Một\n1.1.1. Hai\n2. TỔ CHỨC THỰC HIỆN\na) Sở Nội vụ\n",
    "Không có mục nào cả.\nChỉ là đoạn văn.\n",
])
def test_section_kinds_in_one_pass_match_the_walk(text: str) -> None:
    body = build_tree(_lines(text))
    assert [(item.id, item.kind, item.top_heading) for item in body.items] == _kinds_by_walk(body.items, body.roots)


def _chain_plain(locality: str, level: str | None, parents: tuple[str, ...], text: str) -> tuple[object, ...]:
    """The place chain as computed before the text-free part was cached (the plain form)."""
    from dirgraph.ingest import agency_places as ap
    from dirgraph.ingest.gazetteer import lookup_place

    names = [locality, *parents]
    if not parents:
        found = lookup_place(locality, level=ap._gaz_level(level))
        chain = ap._best_chain({p.parents for p in found}, text)
        if chain:
            names += list(chain)
    elif level == "commune" and len(parents) == 1:
        for place in lookup_place(locality, level="commune"):
            if len(place.parents) != 2 or place.parents[1] != parents[0] or place.parents[0] == locality:
                continue
            if ap._district_named(place.parents[0]).search(text):
                names.append(place.parents[0])
                break
    return ap._chain_levels(tuple(names), level)


@pytest.mark.parametrize(("locality", "level", "parents", "text"), [
    ("Nghĩa Đồng", "commune", ("Nghệ An",), "ĐẢNG BỘ HUYỆN TÂN KỲ\nĐẢNG ỦY XÃ NGHĨA ĐỒNG"),
    ("Nghĩa Đồng", "commune", ("Nghệ An",), "ĐẢNG ỦY XÃ NGHĨA ĐỒNG, tỉnh Nghệ An"),
    ("Hưng Đông", "commune", (), "Đảng ủy xã Hưng Đông"),
    ("Tân Lập", "commune", (), "xã Tân Lập, huyện Bắc Quang, tỉnh Hà Giang; Bắc Quang"),
    ("Tân Lập", "commune", (), "xã Tân Lập"),
    ("Vinh", "district", ("Nghệ An",), "thành phố Vinh"),
    ("Nghệ An", "province", (), "tỉnh Nghệ An"),
])
def test_place_chain_from_its_text_free_part(locality: str, level: str, parents: tuple[str, ...], text: str) -> None:
    from dirgraph.ingest.agency_places import _chain_of

    assert _chain_of(locality, level, parents, text) == _chain_plain(locality, level, parents, text)


def test_collector_keys_agencies_by_their_canonical_form(make_ctx: Ctx) -> None:
    # the same agency written two ways is one assignment; a lead gets no extra implements
    text = ("như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế: Chủ trì, phối hợp với SỞ TÀI CHÍNH triển khai; "
            "Sở Y Tế thực hiện báo cáo Ủy ban nhân dân tỉnh.\n2. Sở Tài chính phối hợp với Sở Y tế thực hiện.\n")
    facts = extract_body(make_ctx(text))
    assert [(a.agency.name, a.role, a.task) for a in facts.assignments] == [
        ("Sở Y tế", "leads", "III.1"), ("Sở Tài chính", "coordinates", "III.1"), ("Sở Tài chính", "coordinates", "III.2")]
    assert [(r.source.name, r.type, r.target.name) for r in facts.agency_relations] == [
        ("Sở Y tế", "coordinates_with", "Sở Tài chính"), ("Sở Y tế", "reports_to", "Ủy ban nhân dân tỉnh"),
        ("Sở Tài chính", "coordinates_with", "Sở Y tế")]


@pytest.mark.parametrize("year", [2027, 2028, None])
def test_a_target_line_read_once_takes_each_documents_year_and_offsets(make_ctx: Ctx, year: int | None) -> None:
    # the same line under different headings (and at different offsets): the cached reading of the
    # line must still take the year carried in and map its clause into this document
    line = "- Tỷ lệ trạm y tế có bác sĩ đạt 90%; có 1.200 học sinh được hỗ trợ."
    heading = f"1. Mục tiêu cụ thể đến năm {year}:" if year else "1. Mục tiêu cụ thể:"
    for lead in ("", "Đoạn mở đầu dài hơn một chút.\n"):
        ctx = make_ctx(f"như sau:\n{lead}II. MỤC TIÊU\n{heading}\n{line}\n")
        targets = extract_body(ctx).targets
        assert [(t.value, t.unit, t.year) for t in targets] == [(90, "%", year), (1200, "học sinh", year)]
        for target in targets:
            assert target.provenance is not None
            span = ctx.text[target.provenance.start : target.provenance.end]
            assert target.provenance.quote == " ".join(span.split()) and span in line


def test_filed_agencies_are_shared_by_place_chain_not_by_text() -> None:
    # "Huyện ủy" in a commune plan is the district's: the same commune, with and without its
    # district named in the text, files it differently, asked in any order
    from dirgraph.ingest import agencies

    def ctx(text: str) -> DocContext:
        return DocContext(source="a.txt", text=text, locality="Nghĩa Đồng", locality_level="commune",
                          parent_localities=("Nghệ An",))

    named, bare, named_again = (ctx("ĐẢNG BỘ HUYỆN TÂN KỲ\nĐẢNG ỦY XÃ NGHĨA ĐỒNG"), ctx("ĐẢNG ỦY XÃ NGHĨA ĐỒNG"),
                                ctx("ĐẢNG ỦY XÃ NGHĨA ĐỒNG thuộc huyện Tân Kỳ"))
    expected = {"named": "Tân Kỳ", "bare": "Nghĩa Đồng"}
    for order in ((named, bare, named_again), (bare, named_again, named)):
        agencies._FILED.clear()
        for one in order:
            want = expected["bare" if one is bare else "named"]
            assert agencies.canonical_agency("Huyện ủy", one).locality == want
            assert agencies.canonical_agency("Ban Tuyên giáo Huyện ủy", one).locality == want
            assert agencies.canonical_agency("Sở Y tế tỉnh Nghệ An", one).locality == "Nghệ An"


@pytest.mark.parametrize("raw", [
    "| Chỉ tiêu | Đơn vị tính | Năm 2025 | Đến năm 2030 |", "| Chỉ tiêu | ĐVT | 2025 | 2030 |",
    "| Tỷ lệ trường đạt chuẩn | % | 85 | 95 |", "| Nội dung | Đơn vị | Giai đoạn 2021-2025 |",
    "|Chỉ tiêu|Đơn vị tính|2025|", "| Chỉ tiêu | Đơn vị tính | 12025 |", "| TT | Nhiệm vụ | Thời gian |",
])
def test_indicator_header_needs_a_year_on_its_line(raw: str) -> None:
    from dirgraph.ingest.body.target_tables import _YEAR, _cells, _header

    if _header(_cells(raw)) is not None:
        assert _YEAR.search(raw) and ("19" in raw or "20" in raw)


_BREAK_TEXT = st.lists(st.sampled_from([*'aB Đ.!?…;"“(-–+1/ \t', "Sở", "xã", "ngày "]), max_size=30).map("".join)


@given(text=_BREAK_TEXT, offset=st.integers(min_value=0, max_value=42))
@example(text="Sở a. Bộ", offset=5)  # a stop right before the offset opens a break at it
@example(text=". B", offset=1)
@example(text="a.  \tB", offset=3)
@settings(max_examples=400, deadline=None)
def test_sentence_breaks_match_the_look_behind_form(text: str, offset: int) -> None:
    from dirgraph.ingest.body.duties import _sentences
    from dirgraph.ingest.body.textform import UPPER

    plain = re.compile(rf"(?<=[.!?…])\s+(?=[\"“(]?[{UPPER}\-–+])")  # the plain form
    offset = min(offset, len(text))
    spans: list[tuple[int, int]] = []
    pos = offset
    for m in plain.finditer(text, offset):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    assert _sentences(text, offset) == [(a, b) for a, b in spans if text[a:b].strip()]


@given(text=st.lists(st.sampled_from([*"0123456789/.- ab", "20", "19", "ngày "]), max_size=25).map("".join))
@example(text="112/3/2025")  # a digit before the day: no date there
@example(text="ngày 1/12/2025 và 31.12.2026")
@example(text="5 12-1-1999")
@settings(max_examples=400, deadline=None)
def test_date_pattern_matches_the_look_behind_form(text: str) -> None:
    from dirgraph.ingest.body.deadlines import _DATE

    plain = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")
    assert [(m.span(), m.groups()) for m in _DATE.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


@pytest.mark.parametrize("text", [
    "", "1. Nội dung", "### ***1.1. Tuyên truyền", "**II. NHIỆM VỤ**", "> a) Trích", "_1._ Một", "\u00a0\u20031. Hai",
    "\t# 2. Ba", "Ủy ban", "*", "#", " ", "-  Gạch đầu dòng",
])
def test_strip_decor_and_marker_headings_match_the_plain_patterns(text: str) -> None:
    from dirgraph.ingest.body.lines import strip_decor
    from dirgraph.ingest.body.sections import _ITEM, parse_marker

    plain_decor = re.compile(r"^[\s*_#>]+").sub("", text)
    assert strip_decor(text) == plain_decor
    found = _ITEM.match(plain_decor)
    marker = parse_marker(text)
    if marker is not None and found is not None:
        assert marker[2] == re.compile(r"[*_]+").sub("", plain_decor[found.end():]).strip()


@pytest.mark.parametrize("text", ["1. **Tuyên truyền** về __Nghị quyết__", "II. *NHIỆM VỤ* _CỤ THỂ_", "a) Một_hai**ba"])
def test_marker_heading_drops_emphasis(text: str) -> None:
    from dirgraph.ingest.body.sections import parse_marker

    marker = parse_marker(text)
    assert marker is not None and "*" not in marker[2] and "_" not in marker[2]


_MENTION_TAIL = st.lists(st.sampled_from(["Sở Y tế", " ", ",", ";", "&", "-", "–", "—", "và", "avà", " và", "\t", "\n", "\u00a0",
                                          "tỉnh", "thành phố", "_", "1", "à", "v", "Và"]), max_size=10).map("".join)


@given(text=_MENTION_TAIL, cut=st.integers(min_value=0, max_value=3))
@example(text="Sở Y tế, và ;", cut=0)
@example(text="Sở Y tế và tỉnh", cut=0)
@example(text="Sở Y tếvà", cut=0)
@example(text="Sở Y tế và\n", cut=0)
@example(text="và", cut=0)
@settings(max_examples=500, deadline=None)
def test_mention_trim_matches_the_trailing_patterns(text: str, cut: int) -> None:
    from dirgraph.ingest.body.mentions import _TRAILING_JUNK, _TRAILING_LEVEL, _trim

    start = min(cut, len(text))
    plain = _TRAILING_LEVEL.sub("", _TRAILING_JUNK.sub("", text[start:]))  # the plain form
    assert _trim(text, start, len(text)) == (start + len(plain) if plain.strip() else None)



@given(text=st.lists(st.sampled_from(["yêu cầu ", "YÊU CẦU ", "Đề nghị ", "đề  nghị\t", "x", "a", " ", "Yêu Cầu ", "đỀ NGHỊ ",
                                      "1", "_", "yêu cầu", "Sở Y tế "]), max_size=6).map("".join),
       start=st.integers(min_value=0, max_value=60))
@example(text="Sở đề nghị các đơn vị", start=3)
@example(text="xyêu cầu các xã", start=1)
@settings(max_examples=400, deadline=None)
def test_lead_in_cue_matches_the_look_behind_form(text: str, start: int) -> None:
    from dirgraph.ingest.body.assignments import _LEAD_IN_CUE

    plain = re.compile(r"(?<!\w)(?:yêu\s+cầu|đề\s+nghị)\s", re.IGNORECASE)
    start = min(start, len(text))
    assert [m.span() for m in _LEAD_IN_CUE.finditer(text, start)] == [m.span() for m in plain.finditer(text, start)]

