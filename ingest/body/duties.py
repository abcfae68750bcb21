"""Who is given which duty in a run of text: roles by the duty's verb, partners, report lines.

Input is one logical line of the body with the agencies it speaks to (the heading agency of a
TỔ CHỨC THỰC HIỆN item). The line is cut into sentences and clauses; in each clause the role
cues of ``role_cues.tsv`` are read left to right:

- ``leads`` (chủ trì) gives the subject ``leads``; a "phối hợp với Y" right after it names the
  partners, who get ``coordinates`` and a ``coordinates_with`` edge from the lead;
- ``coordinates`` (phối hợp) gives the subject ``coordinates`` and edges to its "với" partners;
- ``implements`` / ``supervises`` give the subject that role; cues after "việc", "tham mưu",
  "đề xuất" are the object of the duty ("giám sát việc tổ chức thực hiện", "tham mưu bố trí
  kinh phí"), not duties of the subject;
- ``directs`` (chỉ đạo, hướng dẫn, lãnh đạo) and ``assigns`` (giao, yêu cầu, đề nghị) followed by
  an agency hand the next duty to that agency ("chỉ đạo các sở … triển khai" → the sở
  implement); a director shares an implements/supervises duty, one who assigns does not;
- "báo cáo (kết quả …) về/với Y" or "báo cáo Y" makes the subject report to Y.

A sentence that opens with an agency ("Đảng ủy các xã xây dựng kế hoạch") has that agency as
its subject. In ``explicit`` mode (task items, narrative) only assignment clauses count: a
subject followed by "chủ trì" / "chịu trách nhiệm", and giao/yêu cầu/đề nghị chains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dirgraph.ingest.body.cues import cues_of, role_of, role_pattern, words_pattern
from dirgraph.ingest.body.lines import Line
from dirgraph.ingest.body.mentions import in_name, mention_end, split_mentions, starts_agency
from dirgraph.ingest.body.textform import UPPER, match_form

# A sentence break: the white space after a full stop (! ? …) before a capital, quote, bracket or
# dash. The stop is part of the match (the break starts one character in): a pattern that opens
# with a character class lets the engine skip to candidates, one that opens with a look-behind is
# tried at every character.
_SENTENCE_AT = re.compile(rf"[.!?…]\s+(?=[\"“(]?[{UPPER}\-–+])")
_BULLET = re.compile(r"^(?:[-–—+•·*]\s*|\(?[a-zđ0-9]{1,2}[).]\s+)?")
# A conclusions notice's topic before its direction: "Về đề xuất hỗ trợ kinh phí …: giao …".
_TOPIC = re.compile(r"(?:[Vv]ề|[Đđ]ối\s+với)\s[^:;.]{2,200}:\s*")
_OPENERS = re.compile(
    r"^(?:(?:đồng\s+thời|ngoài\s+ra|trong\s+đó|bên\s+cạnh\s+đó"
    # a rhythm opening the sentence before its subject: "Định kỳ hằng quý, các đơn vị báo cáo …"
    r"|(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)|định\s+kỳ(?:\s+\d{1,2}\s+tháng)?"
    # a condition before the subject: "Trường hợp cần sửa đổi, bổ sung, Văn phòng … chủ trì …"
    rf"|(?:trường\s+hợp|khi|nếu)\s[^;.:]{{1,120}}?(?=\s*,\s*(?-i:[{UPPER}])))\s*,\s*"
    r"|(?:đồng\s+thời|ngoài\s+ra|trong\s+đó|bên\s+cạnh\s+đó)\s*)?", re.IGNORECASE)
_PARTNER = re.compile(
    r"^(?:\s*,)?\s*(?:và\s+)?(?:phối\s+hợp\s+)?(?:(?:chặt\s+chẽ|thường\s+xuyên|tốt|hiệu\s+quả)\s+)?(?:với\s+)?"
)
# "b(?<!\w.)" is "(?<!\w)b" with a literal first, which the regex engine scans for quickly
_REPORT = re.compile(r"b(?<!\w.)áo\s+cáo(?!\s+viên)(?![\w])")
_REPORT_TO = re.compile(r"\s(?:về|với|cho|lên|tới|đến|gửi)\s+$")
# After these words the verbs are the object of the duty, not duties of the subject:
# "giám sát việc tổ chức thực hiện", "tham mưu bố trí kinh phí", "đề xuất cấp có thẩm quyền ban hành".
_OBJECT_OF = words_pattern(("việc", "tham mưu", "đề xuất", "kiến nghị"))
_NOMINAL = words_pattern(("kết quả", "tình hình"))
_EXPLICIT = {"leads"}
# "Văn phòng Sở … tham mưu Sở báo cáo Ủy ban nhân dân tỉnh": the advised body reports, not the adviser.
_HEAD_TITLE = re.compile(r"^(?:Giám\s+đốc|Lãnh\s+đạo|Thủ\s+trưởng|Chánh\s+Văn\s+phòng|Trưởng)\s+(?=[A-ZĐ])")
_ADVISED = re.compile(r"(?<!\w)[Tt]ham\s+mưu\s+(?:cho\s+)?([^\W\d_][\w\s]{0,60}?)\s+$")
_REQUEST = re.compile(r"(?:đề|kiến)\s+nghị(?!\w)")
_PLURAL_BEFORE = re.compile(r"(?:các|những)\s+$")
_CHO = re.compile(r"cho\s+")
_REPORT_PREP = re.compile(r"\s(?:về|với|cho|lên|tới|đến|gửi)\s+")
_REPORT_REACH = 160
_CLAUSE_END = re.compile(r";|\.\s")
_TAKEN_BY_DIRECTOR = {"implements", "supervises"}
_DUTY_ROLES = ("leads", "coordinates", "implements", "supervises")


# Immutable by convention (never assigned after construction): a frozen dataclass costs ~3x to
# construct, and duties and links are built for every clause;
# ``unsafe_hash`` keeps the frozen form's hash and equality.
@dataclass(unsafe_hash=True)
class Duty:
    """An agency (as written) given a role by a clause spanning ``start:end`` of ctx.text."""

    agency: str
    role: str
    start: int
    end: int
    request: bool = False  # handed over by "đề nghị"/"kiến nghị": upward it asks, it does not assign


@dataclass(unsafe_hash=True)
class Link:
    """``source`` reports_to / coordinates_with ``target`` (agencies as written)."""

    source: str
    type: str
    target: str
    start: int
    end: int


@dataclass
class Found:
    duties: list[Duty]
    links: list[Link]


def leading_mention(text: str, pos: int = 0) -> tuple[list[str], int] | None:
    """Agencies named at ``pos`` (list split) and the end of their mention, else None."""
    end = mention_end(text, pos)
    if end is None:
        return None
    return split_mentions(text[pos:end]), end


def analyze_line(line: Line, subjects: list[str], *, offset: int = 0, explicit: bool = False) -> Found:
    """Duties and links of ``line.text[offset:]`` (see module doc).

    The reading depends on the line's text, the subjects, ``offset`` and ``explicit`` only; the
    line's place in the document just maps offsets back (``line.to_source``). So the reading of a
    text is cached in text offsets (cascading plans repeat their parent's lines word for word) and
    mapped through each line's ``to_source`` on the way out.
    """
    text = line.text
    if len(text) > _CACHED_LEN:
        return _analyze(line, subjects, offset, explicit)
    duties, links = _analyze_text(text, tuple(subjects), offset, explicit)
    to_source = line.to_source
    return Found([Duty(d.agency, d.role, to_source(d.start), to_source(d.end), d.request) for d in duties],
                 [Link(k.source, k.type, k.target, to_source(k.start), to_source(k.end)) for k in links])


_CACHED_LEN = 2000  # longer texts are read every time (a cache entry holds its text alive)


@lru_cache(maxsize=4096)
def _analyze_text(text: str, subjects: tuple[str, ...], offset: int,
                  explicit: bool) -> tuple[tuple[Duty, ...], tuple[Link, ...]]:
    """:func:`_analyze` of a line that is its own source (offsets are offsets of ``text``)."""
    found = _analyze(Line(0, len(text), text, ((0, 0),)), list(subjects), offset, explicit)
    return tuple(found.duties), tuple(found.links)


def _analyze(line: Line, subjects: list[str], offset: int, explicit: bool) -> Found:
    found = Found([], [])
    text = line.text
    for s_start, s_end in _sentences(text, offset):
        _sentence(line, s_start, s_end, subjects, explicit, found)
    return found


def _sentences(text: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = offset
    # from one character early: a stop right before ``offset`` may open a break at ``offset``
    for m in _SENTENCE_AT.finditer(text, max(offset - 1, 0)):
        spans.append((pos, m.start() + 1))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _sentence(line: Line, start: int, end: int, subjects: list[str], explicit: bool, found: Found) -> None:
    text = line.text
    pos = start + _BULLET.match(text[start:end]).end()  # type: ignore[union-attr]
    pos += _OPENERS.match(text[pos:end]).end()  # type: ignore[union-attr]
    topic = _TOPIC.match(text, pos, end)
    if topic is not None:
        pos = topic.end()  # "Về đề xuất bổ sung biên chế …: giao X chủ trì …": the duty follows the topic
    lead = leading_mention(text, pos)
    sentence_subjects = subjects
    if lead is not None:
        names, m_end = lead
        nxt = role_pattern().match(match_form(text), _skip_space(text, m_end))
        if explicit and not (nxt and role_of(nxt.group(0)) in _EXPLICIT) and not _responsible(text, m_end):
            # Not an assignment clause, but who reports to whom still holds ("Các đơn vị báo cáo …").
            form = match_form(text)
            for c_start, c_end in _clauses(text, m_end, end):
                _reports(text, form, c_start, c_end, names, found, line.to_source(c_start), line.to_source(c_end))
            sentence_subjects = []
        else:
            sentence_subjects, pos = names, m_end
    elif explicit:
        sentence_subjects = []
    if not sentence_subjects and not cues_of(_HANDING_OVER).search(match_form(text), pos, end):
        # Without a subject a clause gives something only through "giao/chỉ đạo X …" (the objects)
        # or "chủ trì, phối hợp với Y" (the partners); most task sentences have neither.
        return
    for c_start, c_end in _clauses(text, pos, end):
        if c_start > pos:
            # "Đề nghị X giám sát …; Y, Z thực hiện tốt …": a clause naming its own agencies before
            # its verb turns to them (and so do the clauses after it)
            own = _clause_subjects(text, c_start, c_end, explicit)
            if own is not None:
                names, c_start = own
                if [match_form(n) for n in names] != [match_form(n) for n in sentence_subjects]:
                    sentence_subjects = names  # the same agencies again keep the spelling they came with
        _clause(line, c_start, c_end, sentence_subjects, found)


def _clause_subjects(text: str, start: int, end: int, explicit: bool) -> tuple[list[str], int] | None:
    """Agencies opening a clause right before a role cue, and where the clause's duties start; in an
    ``explicit`` reading only before a lead ("…; Ban Thường vụ ban hành Kế hoạch …" gives nothing)."""
    at = _skip_space(text, start)
    if at >= end or starts_agency(text, at, any_case=False) is None:
        return None
    lead = leading_mention(text, at)
    if lead is None or lead[1] > end:
        return None
    names, m_end = lead
    cue = role_pattern().match(match_form(text), _skip_space(text, m_end))
    if cue is None or role_of(cue.group(0)) == "none" or (explicit and role_of(cue.group(0)) not in _EXPLICIT):
        return None
    return names, m_end


_HANDING_OVER = frozenset({"directs", "assigns", "leads"})


_RESPONSIBLE = re.compile(r"\s*(?:chịu|có)\s+trách\s+nhiệm")


def _responsible(text: str, pos: int) -> bool:
    return bool(_RESPONSIBLE.match(match_form(text[pos : pos + 30])))


def _overseen_act(text: str, pos: int, end: int, nxt: re.Match[str] | None) -> bool:
    """Whether an agency follows a supervising cue and an implements cue follows that agency."""
    if nxt is None or role_of(nxt.group(0)) != "implements":
        return False
    pos = _skip_space(text, pos)
    m_end = mention_end(text, pos, end) if starts_agency(text, pos) is not None else None
    return m_end is not None and not text[m_end : nxt.start()].strip()


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " ,":
        pos += 1
    return pos


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    cut = text.find(";", start, end)
    while cut >= 0:
        spans.append((pos, cut))
        pos = cut + 1
        cut = text.find(";", pos, end)
    spans.append((pos, end))
    return spans


def _cues(text: str, form: str, start: int, end: int) -> list[re.Match[str]]:
    """Role cues of a clause, without cues after "việc" (the object of a duty) or noun uses."""
    out: list[re.Match[str]] = []
    viec = _OBJECT_OF.search(form[start:end])
    stop = start + viec.start() if viec else end
    # "báo cáo kết quả thực hiện", "đánh giá tình hình triển khai": nouns up to the next comma.
    nominal: list[tuple[int, int]] = []
    if "kết" in form or "tình" in form:  # each nominal phrase starts with one of these words
        for m in _NOMINAL.finditer(form, start, end):
            comma = form.find(",", m.end(), end)
            nominal.append((m.end(), comma if comma >= 0 else end))
    for cue in role_pattern().finditer(form, start, end):
        at = cue.start()
        if nominal and any(a <= at < b for a, b in nominal):
            continue
        if text[at].isupper() and not _after_opener(text, start, at) and in_name(text, at):
            continue
        before = form[max(0, at - 7) : at]  # "các"/"những" and a space must fit in this window
        if ("các" in before or "những" in before) and _PLURAL_BEFORE.search(form, max(0, at - 7), at):
            continue
        if at >= stop and role_of(cue.group(0)) != "none":
            continue
        out.append(cue)
    return out


def _after_opener(text: str, start: int, pos: int) -> bool:
    return not text[start:pos].strip(" -–+•,:")


def _clause(line: Line, start: int, end: int, subjects: list[str], found: Found) -> None:
    text = line.text
    form = match_form(text)
    src_start, src_end = line.to_source(start), line.to_source(end)
    cues = _cues(text, form, start, end)
    i = 0
    while i < len(cues):
        cue = cues[i]
        role = role_of(cue.group(0))
        if role in ("directs", "assigns"):
            chain = _chain(text, form, cue.end(), end)
            if chain is not None:
                objects, role_end, chained_role = chain
                _give(found, objects, chained_role, src_start, src_end,
                      request=bool(_REQUEST.match(form, cue.start())))
                bare = False
                if chained_role in ("leads", "coordinates"):
                    p_end = _partners(text, role_end, end, objects, chained_role, found, src_start, src_end)
                    bare = chained_role == "coordinates" and p_end == role_end
                    role_end = p_end
                if role == "directs" and chained_role in _TAKEN_BY_DIRECTOR:
                    _give(found, subjects, chained_role, src_start, src_end)
                if role == "assigns" and chained_role in ("leads", "coordinates"):
                    subjects = objects  # "Giao X chủ trì, phối hợp với Y theo dõi": X also theo dõi
                while i < len(cues) and cues[i].start() < role_end:
                    i += 1
                if bare and i < len(cues) and role_of(cues[i].group(0)) == "implements" and not text[
                        role_end : cues[i].start()].strip():
                    i += 1  # "đề nghị các sở phối hợp thực hiện": the verb is what they coordinate
                continue
        elif role == "leads":
            _give(found, subjects, "leads", src_start, src_end)
            gap = match_form(text[cue.end() : cues[i + 1].start()]) if i + 1 < len(cues) else "x"
            if role_of(cues[i + 1].group(0) if i + 1 < len(cues) else "") == "coordinates" and not gap.replace(
                "và", ""
            ).strip(" ,"):
                _partners(text, cues[i + 1].end(), end, subjects, "leads", found, src_start, src_end)
                i += 2
                continue
        elif role == "coordinates":
            _give(found, subjects, "coordinates", src_start, src_end)
            p_end = _partners(text, cue.end(), end, subjects, "coordinates", found, src_start, src_end)
            nxt = cues[i + 1] if i + 1 < len(cues) else None
            if p_end == cue.end() and nxt is not None and not text[cue.end() : nxt.start()].strip():
                i += 1  # "phối hợp thực hiện": the verb is what is coordinated, not a duty of its own
            elif p_end != cue.end():
                # "X phối hợp với Y theo dõi, kiểm tra": the clause's verbs are the joint work
                # (Y's duty), X only coordinates it
                while i + 1 < len(cues) and role_of(cues[i + 1].group(0)) in _DUTY_ROLES:
                    i += 1
        elif role in _DUTY_ROLES:
            nxt = cues[i + 1] if i + 1 < len(cues) else None
            if (nxt is not None and _responsible(text, cue.start()) and not text[cue.end() : nxt.start()].strip()
                    and role_of(nxt.group(0)) != "none"):
                i += 1  # "chịu trách nhiệm kiểm tra": the duty is the verb that follows
                continue
            _give(found, subjects, role, src_start, src_end)
            if role == "supervises" and _overseen_act(text, cue.end(), end, cues[i + 1] if i + 1 < len(cues) else None):
                i += 1  # "đôn đốc các đơn vị thực hiện": the verb is the overseen agencies' work
        i += 1
    _reports(text, form, start, end, subjects, found, src_start, src_end)


def _chain(text: str, form: str, pos: int, end: int) -> tuple[list[str], int, str] | None:
    """Agencies directed right after a directs/assigns cue, the end of the duty cue and its role."""
    objects: list[str] = []
    while True:
        while pos < end and text[pos] in " ,":
            pos += 1
        cho = _CHO.match(match_form(text[pos : pos + 6]))  # "giao cho Sở Y tế"
        pos += cho.end() if cho else 0
        m_end = mention_end(text, pos, end) if starts_agency(text, pos) is not None else None
        if m_end is None:
            more = role_pattern().match(form, pos)
            if more and role_of(more.group(0)) == "directs":
                # "chỉ đạo, hướng dẫn các …"; "X lãnh đạo, chỉ đạo Y …": the next link of the chain
                pos = more.end()
                continue
            if objects:
                break
            return None
        objects.extend(split_mentions(text[pos:m_end]))
        pos = m_end
        nxt = role_pattern().match(form, _skip_space(text, pos))
        if nxt and role_of(nxt.group(0)) in ("directs", "assigns"):
            pos = nxt.end()
            continue
        break
    for cue in role_pattern().finditer(form, pos, end):
        role = role_of(cue.group(0))
        if role in _DUTY_ROLES:
            return objects, cue.end(), role
    return objects, pos, "implements"


def _partners(text: str, pos: int, end: int, sources: list[str], mode: str, found: Found, s: int, e: int) -> int:
    """Record the "với Y" partners after a phối hợp; returns where they end (``pos`` if none)."""
    m = _PARTNER.match(match_form(text[pos:end]))
    if not m:
        return pos
    p_start = pos + m.end()
    p_end = mention_end(text, p_start, end)
    if p_end is None:
        return pos
    partners = split_mentions(text[p_start:p_end])
    for source in sources:
        for partner in partners:
            found.links.append(Link(source, "coordinates_with", partner, s, e))
    if mode == "leads":
        _give(found, partners, "coordinates", s, e)
    return p_end


def _reports(text: str, form: str, start: int, end: int, subjects: list[str], found: Found, s: int, e: int) -> None:
    if not subjects:
        return
    for rep in _REPORT.finditer(form, start, end):
        advised = _ADVISED.search(text, start, rep.start())
        # "tham mưu Giám đốc Sở báo cáo …": the body its head speaks for reports
        sources = [_HEAD_TITLE.sub("", advised.group(1))] if advised and advised.group(1)[0].isupper() else subjects
        target_end: int | None = None
        pos = _skip_space(text, rep.end())
        target_end = mention_end(text, pos, end) if starts_agency(text, pos) is not None else None
        if target_end is None:
            # "báo cáo kết quả … (theo đề cương gửi kèm) và kết quả thực hiện Công văn này về Sở …":
            # the addressee may come late in the clause, never after it
            window = form[rep.end() : min(end, rep.end() + _REPORT_REACH)]
            clause_end = _CLAUSE_END.search(window)
            window = window[: clause_end.start()] if clause_end else window
            for m in _REPORT_PREP.finditer(window):
                cand = rep.end() + m.end()
                if starts_agency(text, cand) is not None:
                    pos, target_end = cand, mention_end(text, cand, end)
                    break
        if target_end is None:
            continue
        for target in split_mentions(text[pos:target_end]):
            for source in sources:
                found.links.append(Link(source, "reports_to", target, s, e))


def _give(found: Found, agencies: list[str], role: str, start: int, end: int, *, request: bool = False) -> None:
    for agency in agencies:
        found.duties.append(Duty(agency, role, start, end, request))
