"""Appendix tables whose columns a PDF flattened into broken lines (see :mod:`.appendix`).

A row starts with its number at a line start ("1.1 Tổ chức học tập …"); its cells are told apart
by what opens them: an agency head opens the lead, then the partner cell, a time cue the time
cell. Page headers repeated inside a row are cut out; a number that cannot follow the previous
row's ("10 năm thực hiện" on a wrapped line) is text.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from dirgraph.ingest.body.appendix_table import Row, agencies, text_lines
from dirgraph.ingest.body.mentions import joint_office_length, joint_offices, starts_agency
from dirgraph.ingest.body.textform import UPPER, match_form
from dirgraph.ingest.regex_scan import search_from

_ROW_NO = re.compile(r"^\s*(?P<no>(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}))\.?(?:\s+|$)")

_APPENDIX = re.compile(
    r"^\s*[#*\s]*(?:phụ\s+lục|biểu\s+(?:số|kèm|chi\s+tiết|phân\s+công)|danh\s+mục\s+(?:các\s+)?nhiệm\s+vụ)",
    re.IGNORECASE,
)

_HEADER_WORDS = re.compile(
    r"^(?:s?tt|stt|nhiệm\s+vụ|nội\s+dung|cơ\s+quan|đơn\s+vị|chủ\s+trì|phối\s+hợp|thời\s+gian|thời\s+hạn|thực\s+hiện|"
    r"hoàn\s+thành|sản\s+phẩm|ghi\s+chú|tiến\s+độ|kết\s+quả|dự\s+kiến|tên|\s)+$"
)

_TIME_START = re.compile(
    r"^(?:hoàn\s+thành|hàng\s+(?:năm|quý|tháng)|hằng\s+(?:năm|quý|tháng)|thường\s+xuyên|liên\s+tục|quý(?:\s|$)|năm\s+20|"
    r"tháng(?:\s|$)|trước(?:\s|$)|trong\s+(?:năm|quý|tháng)|giai\s+đoạn|từ\s+năm|đến\s+năm|20\d\d|định\s+kỳ)"
)

_CONTINUES = re.compile(
    r"(?:,|&|\bvà|\bcủa|\bvới|\bvề|\bcho|\btheo|\btại|\bthuộc|\bcác|\bnhững|-)\s*$", re.IGNORECASE
)

_TIME_GLUE = re.compile(r"(?:hoàn\s+thành|trong|trước|từ|đến|và|hết|cuối|đầu)\s*$")

_ROMAN_NO = re.compile(r"[IVX]+")
_STT = re.compile(r"^s?tt$")
_CAPITAL_AFTER_SPACE = re.compile(rf"(?<=\s)(?=[{UPPER}])")
_PLURAL_AT = re.compile(r"(?i)(?:các|những)\s")
_NUMBERISH = re.compile(r"^[\divx/]+")
_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _plausible(previous: str, number: str, rows: list[Row]) -> bool:
    """A line-start number opens a row only when it can follow the previous row's number (1.1 → 1.3,
    1.3 → 2, 2 → 2.1); "10 năm thực hiện" at the start of a wrapped line does not."""
    if _ROMAN_NO.fullmatch(number):
        romans = [r.number for r in rows if _ROMAN_NO.fullmatch(r.number)]
        if _ROMAN_NO.fullmatch(previous):
            romans.append(previous)
        last = _ROMAN_VALUES.get(romans[-1], 0) if romans else 0
        return _ROMAN_VALUES.get(number, 99) == last + 1
    new = [int(p) for p in number.split(".")]
    if not previous or _ROMAN_NO.fullmatch(previous):
        return new[0] <= 3 and all(p <= 3 for p in new[1:])
    old = [int(p) for p in previous.split(".")]
    if new[: len(old)] == old and len(new) == len(old) + 1:
        return new[-1] <= 3
    for k in range(len(old)):
        if len(new) == k + 1 and new[:k] == old[:k] and old[k] < new[k] <= old[k] + 3:
            return True
    # 1.3 -> 2.1: the group row "2 Dịch vụ công …" was glued to the end of row 1.3's line
    return len(new) >= 2 and new[0] == old[0] + 1 and all(p == 1 for p in new[1:])


_HEADER = re.compile(
    r"(?<!\w)s?tt\s+(?:nhiệm\s+vụ|nội\s+dung|tên)(?:(?!\d\.\d).){0,160}?(?:thời\s+(?:gian|hạn)|tiến\s+độ)"
    r"(?:\s+(?:thực\s+hiện|hoàn\s+thành))?|(?<!\w)s?tt\s+(?:nhiệm\s+vụ|nội\s+dung)(?!\w)"
)
# Where a header match can begin (both branches open with "s?tt"): the full pattern opens with a
# look-behind, which makes the engine try it at every character of a 3,000-character window.
_HEADER_START = re.compile(r"s?tt")


def _find_header(form: str, pos: int = 0) -> re.Match[str] | None:
    """``_HEADER.search(form, pos)``, tried only where "tt" is written."""
    return search_from(_HEADER, _HEADER_START, form, pos)


# ``_APPENDIX`` at the start of any line after the first, found by one search from the newline
# before it: a leading literal lets the engine skip to candidates, where a per-line walk (or a
# MULTILINE "^") costs a step per line or per character. No part matches a newline, so a match
# stays inside its line and matches exactly where ``_APPENDIX`` matches that line.
_APPENDIX_AFTER_NEWLINE = re.compile(
    r"\n(?:[^\S\n]|[#*])*(?:phụ[^\S\n]+lục|biểu[^\S\n]+(?:số|kèm|chi[^\S\n]+tiết|phân[^\S\n]+công)|"
    r"danh[^\S\n]+mục[^\S\n]+(?:các[^\S\n]+)?nhiệm[^\S\n]+vụ)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def appendix_start(text: str, start: int) -> int | None:
    """Offset of the first appendix heading (PHỤ LỤC, biểu kèm theo …) with a task table under it.

    The lines of ``text[start:]`` as :func:`text_lines` cuts them: the first one is matched as it
    is, the others are found by :data:`_APPENDIX_AFTER_NEWLINE`.
    """
    first_end = text.find("\n", start)
    if _APPENDIX.match(text[start : len(text) if first_end < 0 else first_end]) and _has_table(text, start):
        return start
    if first_end < 0:
        return None
    pos = first_end
    while (m := _APPENDIX_AFTER_NEWLINE.search(text, pos)) is not None:
        if _has_table(text, m.start() + 1):
            return m.start() + 1
        pos = m.start() + 1
    return None


def _has_table(text: str, begin: int) -> bool:
    """A task table's header within 3,000 characters of an appendix heading at ``begin``."""
    return _find_header(match_form(text[begin : begin + 3000])) is not None


def flat_rows(text: str, start: int) -> list[Row]:
    first = appendix_start(text, start)
    if first is None:
        return []
    form = match_form(text)
    header = _find_header(form, first)
    if header is None:
        return []
    has_partner = "phối hợp" in form[header.start() : header.end() + 80]
    rows: list[Row] = []
    current: list[tuple[int, int, str]] = []
    number = ""
    in_header = True
    for begin, end, raw in text_lines(text, header.end()):
        spans = _without_headers(form, begin, end)
        for index, (seg_begin, seg_end) in enumerate(spans):
            if index:
                in_header = True
            piece = text[seg_begin:seg_end]
            stripped = piece.strip()
            pform = match_form(stripped)
            if in_header and (not stripped or _HEADER_WORDS.match(pform)):
                continue
            if _STT.match(pform):
                in_header = True
                continue
            in_header = False
            if not stripped:
                continue
            lead_ws = len(piece) - len(piece.lstrip())
            m = _ROW_NO.match(stripped) if seg_begin == begin else None
            if m and not _plausible(number, m.group("no"), rows):
                m = None
            if m:
                if number:
                    _add_row(rows, number, current, has_partner)
                number, current = m.group("no"), []
                rest = stripped[m.end() :]
                if rest:
                    current.append((seg_begin + lead_ws + m.end(), seg_end, rest))
                continue
            if number:
                current.append((seg_begin + lead_ws, seg_end, stripped))
        if _HEADER_WORDS.match(match_form(raw.strip())) and raw.strip():
            continue
    if number:
        _add_row(rows, number, current, has_partner)
    return rows


# "… Tháng 11/2025 2 Dịch vụ công và tiện ích số": the next group's row glued to the end of a row's line
_GLUED_GROUP = re.compile(r"\s(?P<no>\d{1,2})\s+(?P<title>[A-ZĐÀ-Ỹ][^\d;:|]{3,100})$")


def _add_row(rows: list[Row], number: str, parts: list[tuple[int, int, str]], has_partner: bool) -> None:
    """Append the row (and a group row glued to its end); a row with no text of its own (a page number
    left at the foot of the table) is none."""
    glued: Row | None = None
    if parts and "." in number:
        begin, end, last = parts[-1]
        m = _GLUED_GROUP.search(last)
        if m and int(m.group("no")) == int(number.split(".")[0]) + 1:
            cut = begin + m.start()
            parts = [*parts[:-1], (begin, cut, last[: m.start()])] if last[: m.start()].strip() else parts[:-1]
            glued = Row(number=m.group("no"), text=" ".join(m.group("title").split()),
                        start=begin + m.start("no"), end=end)
    row = _flat_row(number, parts, has_partner)
    if row.text.strip():
        rows.append(row)
    if glued is not None:
        rows.append(glued)


def _without_headers(form: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Spans of a line with repeated table headers (a page break inside a row) cut out."""
    spans: list[tuple[int, int]] = []
    pos = begin
    for m in _HEADER.finditer(form, begin, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _segments(parts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut lines where a capitalised agency head or a time cue opens a new cell mid-line."""
    out: list[tuple[int, int, str]] = []
    for begin, _end, line in parts:
        cuts = [0]
        for m in _CAPITAL_AFTER_SPACE.finditer(line):
            pos = m.start()
            before = line[:pos]
            if _CONTINUES.search(before.rstrip()) or not before.strip():
                continue
            if starts_agency(line, pos, any_case=False) is not None:
                if pos < cuts[-1] + joint_office_length(line[cuts[-1] :]):
                    continue  # "Văn phòng HĐND và UBND phường": one office
                # Inside a proper name ("Trường Đại học Hải Phòng") only a plural group opens a cell.
                words = before.split()
                if words and words[-1][:1].isupper() and not _PLURAL_AT.match(line, pos):
                    continue
                cuts.append(pos)
            elif _TIME_START.match(match_form(line[pos:])) and not _TIME_GLUE.search(match_form(before)):
                cuts.append(pos)
        cuts.append(len(line))
        for a, b in itertools.pairwise(cuts):
            if line[a:b].strip():
                out.append((begin + a, begin + b, line[a:b].strip()))
    return out


def _lead_goes_on(lead: list[str], seg: str) -> bool:
    """A lead cell wrapped over lines goes on with an agency when it lists them with ";" ("Phòng Văn
    hóa - Xã hội;" then "Đoàn TNCS", not a plural group) or is a joint office cut after "Văn phòng" ("Văn phòng" then
    "HĐND và")."""
    so_far = " ".join(lead).rstrip()
    if not so_far:
        return False
    if so_far.endswith(";"):
        # a plural group after it is the partner cell ("Sở Lao động, Thương binh và Xã hội;" then
        # "Các sở, ngành, địa phương liên quan" in the seed tables): a ";" may also close the cell
        return not _PLURAL_AT.match(seg)
    head, joined = match_form(so_far), match_form(f"{so_far} {seg}")
    return any(office.startswith(head) and (joined.startswith(office) or office.startswith(joined))
               for office in joint_offices()) or joint_office_length(f"{so_far} {seg}") > len(so_far) + 1


def _flat_row(number: str, parts: list[tuple[int, int, str]], has_partner: bool) -> Row:
    cells: dict[str, list[str]] = {"task": [], "lead": [], "partner": [], "time": []}
    state = "task"
    prev = ""
    for _begin, _end, seg in _segments(parts):
        form = match_form(seg)
        opens_agency = starts_agency(seg, 0, any_case=False) is not None and not _CONTINUES.search(prev)
        if state in ("lead", "partner") and _TIME_START.match(form) and not _CONTINUES.search(prev):
            state = "time"
        elif state == "task" and opens_agency:
            state = "lead"
        elif state == "lead" and opens_agency and has_partner and not _lead_goes_on(cells["lead"], seg):
            state = "partner"
        elif state == "time" and not _TIME_START.match(form) and not _NUMBERISH.match(form):
            if not _CONTINUES.search(prev) and not _TIME_GLUE.search(match_form(prev)) and len(seg) > 15:
                state = "tail"
        cells["task" if state == "tail" else state].append(seg)
        prev = seg
    start = parts[0][0] if parts else 0
    end = parts[-1][1] if parts else 0
    return Row(
        number=number,
        text=" ".join(" ".join(cells["task"]).split()),
        leads=agencies(" ".join(cells["lead"])),
        partners=agencies(" ".join(cells["partner"])),
        time=" ".join(cells["time"]),
        start=start,
        end=end,
    )
