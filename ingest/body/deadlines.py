"""Deadlines of tasks: quarters, months, dates, years, periods and recurring cues.

Two readings: a *time cell* (an appendix "Thời gian thực hiện" column, a "Thời gian thực hiện:"
line) is wholly a deadline, so "Hàng năm", "2025 - 2030" and "Năm 2025" count; in *narrative*
text only a completion phrase counts ("hoàn thành trong quý IV/2024", "trước ngày 30/6/2025",
"trong năm 2025") because "đến năm 2030" there is a goal's horizon and "kế hoạch hằng năm" a
kind of plan, not the task's deadline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.ingest.body.cues import deadline_cues
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.record import Deadline

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"((?:19|20)\d\d)"
# "(?<!\d)(\d{1,2})" written with the digit first ("\d(?<!\d\d)": no digit before it), so the
# engine skips to digits instead of trying the look-behind at every character
_DATE = re.compile(rf"(\d(?<!\d\d)\d?)\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_YEAR}(?!\d)")
_LONG_DATE = re.compile(rf"ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+{_YEAR}")  # "ngày 31 tháng 3 năm 2025"
_QUARTER = re.compile(rf"quý\s+(iv|iii|ii|i|[1-4])(?:\s*(?:/|năm|-)\s*{_YEAR})?(?![\w])")
_MONTH = re.compile(rf"tháng\s+(\d{{1,2}})\s*(?:/|năm|-)\s*{_YEAR}")
_BARE_MONTH = re.compile(rf"(\d{{1,2}})\s*/\s*{_YEAR}")
_PERIOD = re.compile(rf"{_YEAR}\s*[-–—]\s*{_YEAR}|{_YEAR}\s+đến\s+(?:năm\s+)?{_YEAR}")
_YEAR_ALONE = re.compile(rf"(?<![\d/.-]){_YEAR}(?![\d/])")
# Completion phrases that make a narrative date a deadline.
_NARRATIVE_CUE = re.compile(
    r"(?:hoàn\s+thành|xong|trước|chậm\s+nhất|trong|đến\s+hết|thời\s+(?:gian|hạn)[^:]{0,20}:)\s+(?:ngày\s+|trong\s+|trước\s+)?"
    # an hour before the day: "trước 17 giờ ngày 24/9/2025", "trước 16h00 ngày …"
    r"(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?(?:\s*phút)?,?\s+(?:ngày\s+)?)?$"
)
_PHRASED_YEAR = re.compile(rf"(?:trong|hết|hoàn\s+thành|chậm\s+nhất(?:\s+(?:là|đến|vào))?)\s+năm\s+{_YEAR}")
_COMPLETED_IN_PERIOD = re.compile(r"hoàn\s+thành\s+(?:trong\s+)?(?:giai\s+đoạn|thời\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?$")
_NEXT_YEAR = re.compile(rf"\s*(?:năm\s+)?{_YEAR}")
_CELL_END = re.compile(r"[;.]\s")
_LABEL = re.compile(r"(?:thời\s+gian|thời\s+hạn|tiến\s+độ)(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai))?\s*:\s*")


# Both readings are pure functions of the text, and task sentences and time cells recur across the
# plans of a cascade: answers are cached (one Deadline may serve several tasks; none is written to).
@lru_cache(maxsize=4096)
def parse_cell(text: str) -> Deadline | None:
    """The deadline a time cell states ("Hoàn thành trong Quý IV/2024" → by 2024-Q4)."""
    form = match_form(" ".join(text.split()))
    if not form:
        return None
    found = _first_by(form, narrative=False)
    if found is not None:
        return found
    bare = _BARE_MONTH.fullmatch(form)
    if bare is not None and 1 <= int(bare.group(1)) <= 12:  # "9/2025" alone in a schedule's month column
        return Deadline(kind="by", value=f"{bare.group(2)}-{int(bare.group(1)):02d}")
    for _cue, value, whole_word, _clause in _cue_patterns():
        if whole_word.search(form):
            return Deadline(kind="recurring", value=value)
    return None


@lru_cache(maxsize=4096)
def parse_narrative(text: str) -> Deadline | None:
    """The deadline a task sentence states by a completion phrase or a "Thời gian …:" label."""
    form = match_form(" ".join(text.split()))
    label = _LABEL.search(form)
    if label:
        cell = parse_cell(_CELL_END.split(form[label.end():], maxsplit=1)[0])
        if cell is not None:
            return cell
    return _first_by(form, narrative=True) or _recurring_clause(form)


_PERIODIC = re.compile(r"^định\s+kỳ\s+(?=(?:hằng|hàng)\s)")


def parse_opener(text: str) -> Deadline | None:
    """(``text`` without its bullet.) A recurring cue that opens the paragraph under a task's title: "Hằng năm, trước mùa mưa lũ, rà
    soát …", "Thường xuyên kiểm tra, xử lý …" sets the rhythm of the whole task. (Only there: the same
    adverb inside a later clause or an agency's duty paragraph qualifies one step.)"""
    form = _PERIODIC.sub("", match_form(" ".join(text.split())), count=1)  # "Định kỳ hằng quý, …"
    for cue, value, _, _ in _cue_patterns():
        if form.startswith(cue) and form[len(cue) : len(cue) + 1] in (",", " "):
            return Deadline(kind="recurring", value=value)
    return None



def _recurring_clause(form: str) -> Deadline | None:
    """A clause that makes the task recurring: "…; thực hiện thường xuyên.", "hằng quý báo cáo …",
    "tổng hợp, báo cáo … hằng năm.", "giám sát việc … hằng năm." — only with an action verb beside the
    cue (duty verbs of role_cues: report, supervise, check, follow, urge, review, maintain), since "giáo dục
    thường xuyên" names a kind of school and "thường xuyên theo dõi" qualifies one step."""
    for cue, value, _, in_clause in _cue_patterns():
        if cue not in form:  # every branch needs the cue written out
            continue
        for m in in_clause.finditer(form):
            cue_at = form.rfind(cue, m.start(), m.end())
            if not _PLAN_OF_CHECKS.search(form, max(0, cue_at - 60), cue_at):
                return Deadline(kind="recurring", value=value)
    return None


# "đưa … vào chương trình kiểm tra, giám sát hằng năm": the duty verbs name a programme, and the
# cue says which programme, not when the task is due
_DUTY_NOUN = r"(?:kiểm\s+tra|giám\s+sát|theo\s+dõi|sơ\s+kết|tổng\s+kết)"
_PLAN_OF_CHECKS = re.compile(
    rf"(?:chương\s+trình|kế\s+hoạch)\s+(?:công\s+tác\s+)?{_DUTY_NOUN}(?:\s*(?:,|và)\s*{_DUTY_NOUN})*\s+$")


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]:
    """(cue, value, the cue as a whole word, the cue closing a duty clause), compiled once."""
    out = []
    for cue, value in deadline_cues():
        c = re.escape(cue)
        in_clause = re.compile(
            rf"(?:^|[;.:,]\s*)(?:(?:(?:thực\s+hiện|tiến\s+hành|triển\s+khai|duy\s+trì|định\s+kỳ)\s+)?{c}\s*(?:[;.]|$)"
            rf"|(?:định\s+kỳ\s+)?(?:trước\s+ngày\s+\d{{1,2}}(?:\s*/\s*\d{{1,2}}|\s+tháng\s+\d{{1,2}})\s+)?"
            rf"{c}\s+(?:tổng\s+hợp|báo\s+cáo|tham\s+mưu(?=[^;.]{{0,80}}\sbáo\s+cáo))\b"
            # the report, after its subject or "tham mưu X", the rhythm closing it: "Hội cơ sở báo cáo … định kỳ hằng quý"
            rf"|(?:[^;.:,]{{1,60}}?\s[^;.]{{0,60}}?\s?)?(?:tổng\s+hợp|báo\s+cáo)(?:[^;.]{{0,120}}?\s)"
            rf"(?<!kế hoạch )(?<!chương trình )(?:định\s+kỳ\s+)?{c}\s*(?:[;.,]|$))"
            # a duty verb anywhere in the clause, the cue closing it: "X giám sát việc … hằng năm."
            rf"|(?:^|\s)(?:giám\s+sát|kiểm\s+tra|theo\s+dõi|đôn\s+đốc|sơ\s+kết|duy\s+trì)\s(?:[^;.:]{{0,120}}?\s)?"
            rf"(?<!kế hoạch )(?<!chương trình )(?<!giáo dục ){c}\s*(?:[;.]|$)"
        )
        out.append((cue, value, re.compile(rf"(?<!\w){c}(?!\w)"), in_clause))
    return tuple(out)


def _first_by(form: str, *, narrative: bool) -> Deadline | None:
    if "19" not in form and "20" not in form:
        return None  # every candidate below carries a year (19xx or 20xx)
    candidates: list[tuple[int, str]] = []
    for pattern in (_DATE, _LONG_DATE):
        for m in pattern.finditer(form):
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if 1 <= day <= 31 and 1 <= month <= 12:
                candidates.append((m.start(), f"{year}-{month:02d}-{day:02d}"))
    for m in _QUARTER.finditer(form):
        year = m.group(2) or _nearby_year(form, m.end())
        if year:
            candidates.append((m.start(), f"{year}-Q{_QUARTERS[m.group(1)]}"))
    for m in _MONTH.finditer(form):
        if 1 <= int(m.group(1)) <= 12:
            candidates.append((m.start(), f"{m.group(2)}-{int(m.group(1)):02d}"))
    if not narrative:
        for m in _PERIOD.finditer(form):
            candidates.append((m.start(), m.group(2) or m.group(4)))
        taken = [c[0] for c in candidates]
        if not candidates:
            for m in _YEAR_ALONE.finditer(form):
                if not any(abs(m.start() - t) < 12 for t in taken):
                    candidates.append((m.start(), m.group(1)))
    else:
        phrased: list[tuple[int, str]] = []  # "trong năm 2025", "chậm nhất đến năm 2026": completion phrases
        for m in _PHRASED_YEAR.finditer(form):
            phrased.append((m.start() + m.group(0).find("năm"), m.group(1)))
        for m in _PERIOD.finditer(form):  # "hoàn thành trong giai đoạn 2026 - 2030": by its end year
            if _COMPLETED_IN_PERIOD.search(form, max(0, m.start() - 40), m.start()):
                phrased.append((m.start(), m.group(2) or m.group(4)))
        candidates = [c for c in candidates if _NARRATIVE_CUE.search(form[max(0, c[0] - 40) : c[0]])
                      or form[max(0, c[0] - 5) : c[0]].endswith("năm")] + phrased
    if not candidates:
        return None
    return Deadline(kind="by", value=min(candidates)[1])


def _nearby_year(form: str, pos: int) -> str | None:
    m = _NEXT_YEAR.match(form[pos:])
    return m.group(1) if m else None
