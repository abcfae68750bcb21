"""Targets: quantified goal levels ("tỷ lệ phòng học được kiên cố hóa đạt 100%" by 2030).

A number followed by a unit of ``target_units.tsv`` (``%``, trường, học sinh …) or a level unit
followed by its number ("mức độ 3"), in a clause that states a goal (đạt, phấn đấu, tối thiểu,
bảo đảm …). Ages, durations, dates and document numbers carry no unit of the table and so are
not targets (the scope of a policy, "trẻ em 5 tuổi", "giáo dục bắt buộc 9 năm"). The year comes
from "đến năm 2030" in the sentence, else from a heading above ("Mục tiêu cụ thể đến năm 2030").
Situation sections (TÌNH HÌNH, KẾT QUẢ …) report results, not goals, and are skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.ingest.body.cues import target_units
from dirgraph.ingest.body.lines import Line
from dirgraph.ingest.body.sections import Body, Item
from dirgraph.ingest.body.tasks import is_task
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import Target

_NUMBER = r"(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_GOAL = re.compile(
    r"(?<!\w)(?:đạt|phấn\s+đấu|tối\s+thiểu|ít\s+nhất|trên|không\s+(?:dưới|thấp\s+hơn|quá)|bảo\s+đảm|đảm\s+bảo|"
    r"tăng|giảm|duy\s+trì|đến\s+năm|mục\s+tiêu|chỉ\s+tiêu|tiến\s+đến|hoàn\s+thành|xây\s+dựng|có)(?!\w)"
)
# Verbs of reaching a level, before a number whose unit alone does not make a goal ("đạt 76 tuổi").
_REACHED = r"(?:đạt|lên|tăng\s+lên|ít\s+nhất|tối\s+thiểu)(?:\s+(?:khoảng|mức|bình\s+quân))?"
# "đến năm 2030", and a date as the horizon: "bảo đảm đến ngày 31/12/2025 có 100% tàu cá …"
_YEAR = re.compile(r"(?<!\w)(?:đến|tới|trước|vào|trong|đến\s+hết|hết|phấn\s+đấu)\s+"
                   r"(?:năm|ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-])\s*((?:19|20)\d\d)(?!\d)")
_STRIVE = re.compile(r"(?<!\w)phấn\s+đấu(?!\w)")
# a year named bare in a clause that strives for a goal, not the baseline it compares with
_BARE_YEAR = re.compile(r"(?<!so với )(?<!so sánh với )(?<!từ )(?<!\w)năm\s+((?:19|20)\d\d)(?!\d)")
_HEADING_YEAR = re.compile(
    r"(?:(?:mục\s+tiêu|chỉ\s+tiêu)[^.;]{0,80}?|(?<!\w)(?:đến|tới|trước|vào|trong|hết)\s+)năm\s+((?:19|20)\d\d)"
)
_LEAD_YEAR = re.compile(r"^\W{0,3}(?:[a-zđ\d]{1,3}[.)]\s*)?(?:phấn\s+đấu\s+|(?:mục|chỉ)\s+tiêu\s+)?"
                        r"(?:(?:đến|tới|trong)\s+(?:hết\s+)?)?năm\s+((?:19|20)\d\d)(?!\d)")  # "Mục tiêu đến năm 2030: …"
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_STOP = re.compile(r"[.!?](?:\s|$)")
_CLAUSE_CUT = re.compile(r"(?<=[;,])\s+(?=(?:phấn\s+đấu|tỷ\s+lệ|tỉ\s+lệ|đến\s+năm|\d))")
SKIP_KINDS = {"situation"}


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[tuple[re.Pattern[str], str, str, str], ...]:
    """(pattern, unit as filed, position, needle): the needle is the longest word of the unit, a plain
    substring every match contains, so a clause without it skips the regex."""
    out: list[tuple[re.Pattern[str], str, str, str]] = []
    for unit in target_units():
        written = re.escape(unit.written).replace(r"\ ", r"\s+")
        needle = max(unit.written.split(), key=len, default="")
        if unit.position == "after":
            tail = "" if not unit.written[:1].isalpha() else r"(?!\w)"
            out.append((re.compile(rf"(?<![\w/.,-]){_NUMBER}\s*{written}{tail}"), unit.filed, "after", needle))
        elif unit.position == "reached":
            out.append((re.compile(rf"(?<!\w){_REACHED}\s+{_NUMBER}\s*{written}(?!\w)"), unit.filed, "after", needle))
        else:
            out.append((re.compile(rf"(?<!\w){written}\s+{_NUMBER}(?![\w/.,-]*\d)"), unit.filed, "before", needle))
    return tuple(sorted(out, key=lambda p: p[2] == "before"))  # compiled once; level units last (see _scan)


@lru_cache(maxsize=1)
def _unit_hints() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """What every unit pattern needs: a digit, spaces and an "after" unit (a number ends in a
    digit), or a "before" unit, spaces and a digit. A line without it has no target; these scans
    spare the per-unit patterns. Two patterns, not one alternation: the first opens with a digit
    and the second with a literal word, so the engine skips ahead to them (one alternation of both
    is tried at every position)."""
    after: list[str] = []
    before: list[str] = []
    for unit in target_units():
        written = re.escape(unit.written).replace(r"\ ", r"\s+")
        (before if unit.position == "before" else after).append(written)
    return re.compile(rf"\d\s*(?:{'|'.join(after)})"), re.compile(rf"(?:{'|'.join(before)})\s+\d") if before else None


def _has_unit(form: str) -> bool:
    after, before = _unit_hints()
    return bool(after.search(form)) or (before is not None and bool(before.search(form)))


def _value(raw: str) -> int | float:
    if _THOUSANDS.fullmatch(raw):
        raw = raw.replace(".", "")
    number = float(raw.replace(",", "."))
    return int(number) if number.is_integer() else number


def extract_targets(ctx: DocContext, body: Body) -> list[Target]:
    """Targets of the body, one per (value, unit, year)."""
    out: dict[tuple[float, str, int | None], Target] = {}
    years: dict[int, int | None] = {}  # heading year of each item (by id()), read once
    for item in body.items:
        if item.kind in SKIP_KINDS:
            continue
        year = _context_year(item, years)
        for line in item.lines:
            year = _scan(ctx, line, item, year, out)
    return list(out.values())


def _context_year(item: Item, memo: dict[int, int | None]) -> int | None:
    """The year of the nearest heading above ``item`` that states one."""
    node = item.parent
    if node is None:
        return None
    if id(node) not in memo:
        m = _HEADING_YEAR.search(match_form(node.heading))
        memo[id(node)] = int(m.group(1)) if m else _context_year(node, memo)
    return memo[id(node)]


# A value found on a line: (key, clause start, clause end, target text, value) in ``line.text`` offsets.
_Found = tuple[tuple[float, str, int | None], int, int, str, int | float]


def _scan(ctx: DocContext, line: Line, item: Item, year: int | None,
          out: dict[tuple[float, str, int | None], Target]) -> int | None:
    """Add the targets of ``line`` to ``out`` (the first of each key wins); returns the year the
    lines below carry. The reading is the line's text's (cached, see :func:`_read_line`); here it
    is only mapped to the document."""
    text = line.text
    first, goals = line is item.lines[0], item.kind == "goals"
    if len(text) > _CACHED_LEN:
        year_after, found = _read_line(text, first, goals, year)
    else:
        year_after, found = _read_line_cached(text, first, goals, year)
    for key, clause_start, clause_end, target_text, value in found:
        if key in out:
            continue
        out[key] = Target(
            text=target_text, value=value, unit=key[1], year=key[2], task=item.id if is_task(item) else None,
            provenance=ctx.provenance(line.to_source(clause_start), line.to_source(clause_end)),
        )
    return year_after


_CACHED_LEN = 2000  # longer lines are read every time (a cache entry holds its text alive)


def _read_line(text: str, first: bool, goals: bool, year: int | None) -> tuple[int | None, tuple[_Found, ...]]:
    """The values of one line and the year the lines below carry, in the order they are found.

    A function of the line's text, whether it heads its item (a title line may set the year),
    whether the item is a goal, and the year carried in: cascading plans repeat their parent's
    lines word for word, and most lines carry no unit at all.
    """
    form = match_form(text)
    if not _DIGIT.search(form):
        return year, ()  # no value and no year on the line: the clause loop below would find nothing
    # only the units written somewhere on the line can match in one of its clauses
    units = [entry for entry in _unit_patterns() if entry[3] in form] if _has_unit(form) else []
    title = text.rstrip(" *").endswith(":") or (first and not text.rstrip(" *").endswith("."))
    if title and len(text) < 160 and "năm" in form:  # the heading year needs the word "năm"
        heading = _HEADING_YEAR.search(form)
        if heading and not any(p.search(form) for p, _, _, _ in units):
            return int(heading.group(1)), ()  # "Mục tiêu cụ thể đến năm 2030:" sets the year below it
    if not units:
        return year, ()  # no unit, no target; the years a clause carries stay on this line
    found: list[_Found] = []
    pos = 0
    lead = _LEAD_YEAR.match(form)
    line_year = int(lead.group(1)) if lead else year  # "Đến năm 2030, A đạt x; B đạt y": both by 2030
    stop = _STOP.search(form, lead.end() if lead else 0)  # not the "." of the item's own "3."
    first_stop = stop.start() if stop else len(form)  # ... up to the end of that first sentence
    for sentence in _SENTENCE.split(form):
        if not sentence:
            continue
        start = form.index(sentence, pos)
        pos = start + len(sentence)
        carried = line_year if start < first_stop else year
        for clause_start, clause in _clauses(sentence, start):
            if not _DIGIT.search(clause):
                continue  # every value and every year needs a digit: nothing to find or carry
            years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(clause)]
            if "phấn" in clause and _STRIVE.search(clause):  # "phấn đấu năm 2025 tăng trưởng đạt 8%"
                taken = {at for at, _ in years}
                years = sorted(years + [(m.start(), int(m.group(1))) for m in _BARE_YEAR.finditer(clause)
                                        if not any(abs(m.start() - at) < 12 for at in taken)])
            goal: bool | None = None  # read on the first value that needs it
            counted = False  # a clause with a counted value already has its target ("80% người dân dùng
            for pattern, unit, position, needle in units:  # tài khoản mức độ 2": the level names a kind)
                if needle not in clause or (position == "before" and counted):
                    continue
                for m in pattern.finditer(clause):
                    if unit != "%" and not goal:
                        if goal is None:
                            goal = bool(_GOAL.search(clause)) or goals or carried is not None
                        if not goal:
                            continue
                    value = _value(m.group(1))
                    counted = counted or position == "after"
                    target_year = _year_for(m.start(), m.end(), years, carried)
                    clause_end = clause_start + len(clause)
                    found.append(((float(value), unit, target_year), clause_start, clause_end,
                                  " ".join(text[clause_start:clause_end].split()).strip(" ,;.-"), value))
            if years:
                carried = years[-1][1]
    return year, tuple(found)


_read_line_cached = lru_cache(maxsize=4096)(_read_line)


def _year_for(pos: int, end: int, years: list[tuple[int, int]], carried: int | None) -> int | None:
    """The year right after a value ("100% vào năm 2030"), else the nearest before it in its clause,
    else the first after it, else the one carried from the sentence or heading."""
    right_after = [y for at, y in years if end <= at <= end + 4]
    if right_after:
        return right_after[0]
    before = [y for at, y in years if at < pos]
    if before:
        return before[-1]
    after = [y for at, y in years if at > pos]
    return after[0] if after else carried


def _clauses(sentence: str, start: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for part in _CLAUSE_CUT.split(sentence):
        idx = sentence.index(part, pos)
        out.append((start + idx, part))
        pos = idx + len(part)
    return out
