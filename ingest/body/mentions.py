"""Where an agency is named in running text: the start and end of an agency mention.

A mention starts with an organisation head (``agency_heads.tsv``: "Sở", "Ban Tuyên giáo",
"Ủy ban nhân dân" …), an abbreviation ("UBND", "MTTQ"), a head of ``agency_groups.tsv``
("Mặt trận", "thủ trưởng") or a plural group ("các sở, ngành", "các đơn vị trực thuộc"). It ends
before the duty it is given: a role cue or stop word of ``role_cues.tsv`` ("chủ trì",
"tổ chức", "theo", "tham mưu" …), a colon, a full stop or a bracket. Lists stay in one mention;
:func:`split_mentions` cuts them into agencies.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.ingest.body.cues import role_pattern, words_pattern
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.tables import load_table

_MAX_WORDS = 40
# Nouns that follow "tổ chức" / "đơn vị" when they name bodies, not the verb "tổ chức".
_NOUN_AFTER = re.compile(
    # "tổ chức hội" (an association), not "tổ chức hội nghị" (to hold a conference)
    r"^\s+(?:đảng|chính\s+trị|cơ\s+sở|xã\s+hội|hội(?!\s+(?:nghị|thảo|thi|diễn|họp|nhập))|đoàn\s+thể|quần\s+chúng|"
    r"phi\s+chính\s+phủ|quốc\s+tế|thành\s+viên)\b"
)
# Words that begin like an organisation but are not one here ("Báo cáo", "Hội nghị", "Thanh tra, kiểm tra").
_NOT_HEAD = re.compile(  # matched at a position (``match(form, pos)``), so no "^"
    r"(?:báo\s+cáo|hội\s+(?:nghị|thảo|thi|nhập|họp)|trường\s+hợp|phòng,|phòng\s+(?:chống|ngừa)|đoàn\s+kết|"
    r"ban\s+hành|bộ\s+(?:máy|phận|tiêu\s+chí|sách)|sở\s+hữu|viện\s+dẫn|"
    r"thanh\s+tra(?:\s*[,;.]|\s+(?:kiểm|việc|giám|chuyên|hành|các|công)))",
)
_STOP_PUNCT = re.compile(r"[:.(\n)\"“”]|;(?!\s)|\s[–—]\s")


def _rows(filename: str) -> list[list[str]]:
    from importlib import resources

    text = resources.files("dirgraph.ingest.data").joinpath(filename).read_text(encoding="utf-8")
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@lru_cache(maxsize=1)
def _group_pattern() -> re.Pattern[str]:
    groups = [match_form(row[0]) for row in _rows("agency_groups.tsv") if row[1:2] == ["group"]]
    alt = "|".join(re.escape(g).replace(r"\ ", r"\s+") for g in sorted(groups, key=len, reverse=True))
    return re.compile(rf"(?:các|những)\s+(?:{alt})(?![\w])")


@lru_cache(maxsize=1)
def _proper_heads() -> frozenset[str]:
    """Heads never written in lower case ("Vụ", "Khoa"): agency_heads.tsv rows marked "proper"."""
    try:
        from dirgraph.ingest.agency_tables import heads as agency_heads
    except ImportError:  # pragma: no cover - the agencies tables ship with the package
        return frozenset()
    return frozenset(match_form(h.words) for h in agency_heads() if h.proper)


@lru_cache(maxsize=1)
def _head_words() -> tuple[tuple[str, bool], ...]:
    """(head in match form, capitalised-only) pairs; agency_heads.tsv heads must be capitalised."""
    heads: list[tuple[str, bool]] = []
    try:
        from dirgraph.ingest.agency_tables import abbreviations
        from dirgraph.ingest.agency_tables import heads as agency_heads

        heads.extend((match_form(h.words), True) for h in agency_heads())
        # an abbreviation of a name ("UBND", "MTTQ"), not of a school level ("THCS": trung học cơ sở)
        heads.extend((abbr, False) for abbr, expansion in abbreviations()
                     if abbr.isupper() and len(abbr) >= 3 and expansion[:1].isupper())
    except (ImportError, OSError, ValueError):  # pragma: no cover - the agencies tables are optional
        pass
    for row in _rows("agency_groups.tsv"):
        if row[1:2] == ["head"]:
            capital = row[0][:1].isupper() and not row[0].isupper()
            heads.append((row[0] if row[0].isupper() else match_form(row[0]), capital))
    return tuple(sorted(set(heads), key=lambda h: -len(h[0])))


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern[str]:
    return words_pattern([h for h, _ in _head_words() if not h.isupper()])


@lru_cache(maxsize=1)
def _abbr_pattern() -> re.Pattern[str]:
    abbrs = sorted((h for h, _ in _head_words() if h.isupper()), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(a) for a in abbrs) + r")(?![\w])")


@lru_cache(maxsize=1)
def _head_capitals() -> dict[str, bool]:
    """head word → needs a capital, built once (starts_agency runs at every candidate position)."""
    return dict(_head_words())


@lru_cache(maxsize=1)
def _first_chars() -> frozenset[str]:
    """Every character a head, an abbreviation or a plural group ("các", "những") can start with."""
    return frozenset({h[0] for h, _ in _head_words() if h} | {"c", "n"})


# Lines are asked the same questions several times (an item's heading by the item, its children and
# the duty reader): answers for lines up to this length are cached; longer texts are not kept alive.
_CACHED_LEN = 2000


def starts_agency(text: str, pos: int, *, any_case: bool = True) -> int | None:
    """End of the head word(s) when an agency mention starts at ``pos``, else None.

    ``any_case`` accepts lower-case heads ("thủ trưởng các đơn vị" after "yêu cầu"); list
    splitting passes False so "…, huyện ủy" stays inside "Các quận ủy, huyện ủy".
    """
    if pos >= len(text):
        return None
    if len(text) <= _CACHED_LEN:
        return _starts_agency_cached(text, pos, any_case)
    return _starts_agency(text, pos, any_case)


def _starts_agency(text: str, pos: int, any_case: bool) -> int | None:
    form = match_form(text)
    firsts = _first_chars()
    if text[pos] not in firsts and form[pos] not in firsts:
        return None  # no head, abbreviation or group starts with this character
    if _NOT_HEAD.match(form, pos):
        return None
    group = _group_pattern().match(form, pos)
    if group:
        return group.end()
    abbr = _abbr_pattern().match(text, pos)
    if abbr:
        return abbr.end()
    head = _head_pattern().match(form, pos)
    if head:
        capitals = _head_capitals()  # a head as matched is mostly a key already (keys are match forms)
        capital_needed = capitals.get(head.group(0))
        if capital_needed is None:
            capital_needed = capitals.get(match_form(head.group(0)), False)
        proper = head.group(0) in _proper_heads()
        if capital_needed and not text[pos : pos + 1].isupper() and (not any_case or proper):
            return None  # "vụ việc", "khoa học": a common noun, whatever the caller accepts
        if proper and not text[head.end() :].lstrip()[:1].isupper():
            return None  # "Vụ việc …", "Khoa học …" opening a sentence
        return head.end()
    return None


def mention_end(text: str, start: int, limit: int | None = None) -> int | None:
    """End of the agency mention starting at ``start`` (see module doc), or None."""
    limit = len(text) if limit is None else limit
    if len(text) <= _CACHED_LEN:
        return _mention_end_cached(text, start, limit)
    return _mention_end(text, start, limit)


def _mention_end(text: str, start: int, limit: int) -> int | None:
    head_end = starts_agency(text, start)
    if head_end is None:
        return None
    form = match_form(text)
    end = limit
    punct = _STOP_PUNCT.search(text, head_end, limit)
    if punct:
        end = punct.start()
    for cue in role_pattern().finditer(form, head_end, end):
        if _is_noun_use(text, form, cue):
            continue
        if cue.group(0) == "trên địa bàn" and _PLURAL.search(form, start, cue.start()):
            # "các tổ chức tín dụng trên địa bàn (tỉnh)": which ones; the name ends after it
            level = _AREA_LEVEL.match(form, cue.end())
            end = level.end() if level else cue.end()
            break
        end = cue.start()
        break
    end = _cut_semicolons(text, start, end)
    end = _cut_after_level(text, start, end)
    words = text[start:end].split()
    if len(words) > _MAX_WORDS:
        end = start + len(" ".join(text[start:].split(maxsplit=_MAX_WORDS)[:_MAX_WORDS]))
    return _trim(text, start, end)


_starts_agency_cached = lru_cache(maxsize=8192)(_starts_agency)
_mention_end_cached = lru_cache(maxsize=4096)(_mention_end)


# A singular body's name ends at its level word ("Bộ Chỉ huy Quân sự tỉnh", "Công an huyện"): a
# lower-case word after it is the clause ("… tỉnh điều tra, xử lý"), unless it is one of these
# ("tỉnh ủy", "huyện đoàn", "xã hội" written in lower case).
_LEVEL_THEN_WORD = re.compile(r"\s(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)\s+(\w+)")
_PLURAL = re.compile(r"(?<!\w)(?:các|những)(?!\w)", re.IGNORECASE)
_LEVEL_CONTINUES = frozenset({"ủy", "uỷ", "đoàn", "đội", "hội", "và", "hoặc", "có", "thuộc", "trực", "cấp"})


def _cut_after_level(text: str, start: int, end: int) -> int:
    segment = text[start:end]
    for m in _LEVEL_THEN_WORD.finditer(segment):
        if _PLURAL.search(segment, 0, m.start()):
            return end  # a plural group takes qualifiers ("các xã vùng cao", "các huyện biên giới")
        if m.group(1)[0].islower() and m.group(1) not in _LEVEL_CONTINUES:
            return start + m.start(1) - 1
    return end


_AREA_LEVEL = re.compile(r"\s+(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)(?!\w)")
_LIST_BEFORE = re.compile(r"(?:các|những|,|;|\bvà)\s*$")
_PLURAL_BEFORE = re.compile(r"(?:các|những)\s*$")


def _in_compound(form: str, cue: re.Match[str]) -> bool:
    """Whether the cue closes or opens a noun compound: "giáo dục thường xuyên", "thanh tra viên"."""
    at = cue.start()
    pattern, longest = _compound_pattern()
    return any(m.start() <= at < m.end()
               for m in pattern.finditer(form, max(0, at - longest), min(len(form), cue.end() + longest)))


@lru_cache(maxsize=1)
def _compound_pattern() -> tuple[re.Pattern[str], int]:
    """The compounds as one pattern, and the longest one's length (how far around a cue to look)."""
    compounds = sorted((match_form(row[0]) for row in load_table("noun_compounds.tsv")), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in compounds) + r")(?!\w)"), len(compounds[0]) + 1


def _is_noun_use(text: str, form: str, cue: re.Match[str]) -> bool:
    if _in_compound(form, cue):
        return True
    if text[cue.start()].isupper():
        # "Ban Chỉ đạo", "Sở Xây dựng"; no body is named "… Chủ trì" ("Tổ chuyên môn Phòng Chủ trì, …")
        return not cue.group(0).startswith("chủ trì") and in_name(text, cue.start())
    before = form[max(0, cue.start() - 8) : cue.start()]
    if _LIST_BEFORE.search(before):
        if _NOUN_AFTER.match(form[cue.end() :]) or text[cue.start()].isupper():
            return True
        if _PLURAL_BEFORE.search(before):
            return True
    return bool(_NOUN_AFTER.match(form[cue.end() :]) and cue.group(0).startswith("tổ chức"))


# Organisation words a capitalised field name follows ("Sở Xây dựng", "Ban Chỉ đạo", "Phòng Tư pháp").
_NAME_HEADS = re.compile(
    r"(?:^|\s)(?:sở|phòng|ban|bộ|cục|chi\s+cục|tổng\s+cục|vụ|viện|trung\s+tâm|ủy\s+ban|đội|hội|báo|đài|trường|"
    r"văn\s+phòng|ban\s+quản\s+lý|ban\s+chỉ\s+huy)\s+$"
)


def in_name(text: str, pos: int) -> bool:
    """Whether a capitalised cue word at ``pos`` belongs to a name ("Sở Xây dựng", "Ban Chỉ đạo")
    rather than opening a duty ("Sở Nội vụ Chủ trì, phối hợp …" on a re-joined line)."""
    before = text[max(0, pos - 24) : pos]
    head = _NAME_HEADS.search(match_form(before))
    if head is None:
        return False
    return before[head.start() :].strip()[:1].isupper()


def _cut_semicolons(text: str, start: int, end: int) -> int:
    """A ";" continues the mention only when another agency follows it ("Các chi bộ; MTTQ …")."""
    pos = start
    while True:
        semi = text.find(";", pos, end)
        if semi < 0:
            return end
        nxt = semi + 1 + (len(text[semi + 1 : end]) - len(text[semi + 1 : end].lstrip()))
        if starts_agency(text, nxt, any_case=False) is None:
            return semi
        pos = semi + 1


_TRAILING_JUNK = re.compile(r"(?:[\s,;&\-–—]|\bvà\b)+$")
_TRAILING_LEVEL = re.compile(r"\s+và\s+(?:tỉnh|thành\s+phố|huyện|quận|xã|phường|thị\s+trấn)$")


_JUNK_CHARS = frozenset(",;&-–—")
_LEVEL_ENDS = ("tỉnh", "phố", "huyện", "quận", "xã", "phường", "trấn")  # the last word of each level


def _trim(text: str, start: int, end: int) -> int | None:
    segment = text[start:end]
    trimmed = segment[: _junk_start(segment)] if "\n" not in segment else _TRAILING_JUNK.sub("", segment)
    if trimmed.endswith(_LEVEL_ENDS):  # "… và tỉnh": nothing else ends in a level word
        trimmed = _TRAILING_LEVEL.sub("", trimmed)
    return start + len(trimmed) if trimmed.strip() else None


def _junk_start(segment: str) -> int:
    """Where the trailing junk ``_TRAILING_JUNK`` removes begins, peeled from the end without a scan.

    Its pieces are single separators or white space, or the word "và" standing alone; a run of
    them splits into pieces one way only, so peeling the last piece while one is there finds the
    leftmost start of the run (without a newline, "$" is only the end of the segment).
    """
    end = len(segment)
    while end:
        last = segment[end - 1]
        if last in _JUNK_CHARS or last.isspace():
            end -= 1
        elif last == "à" and segment.endswith("và", 0, end) and (end == 2 or not _word_char(segment[end - 3])):
            end -= 2
        else:
            break
    return end


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the regex engine's \w


_SPLIT = re.compile(r"\s*(?:[,;]|\s&\s|\s+và\s+)\s*")
_JOINED_BODY = re.compile(r"(?:ủy\s+ban\s+nhân\s+dân|hội\s+đồng\s+nhân\s+dân|ubnd|hđnd)(?!\w)")


@lru_cache(maxsize=1)
def joint_offices() -> tuple[str, ...]:
    """The joint offices of agency_groups.tsv ("văn phòng hđnd"), in match form."""
    return tuple(match_form(row[0]) for row in _rows("agency_groups.tsv") if row[1:2] == ["joint"])


def joint_office_length(text: str) -> int:
    """Length of the joint office ``text`` opens with ("Văn phòng HĐND và UBND phường …"), else 0."""
    form = match_form(text)
    if not form.startswith(joint_offices()):
        return 0
    m = _JOINT_OFFICE.match(form)
    return m.end() if m else 0


_JOINT_OFFICE = re.compile(r"văn\s+phòng\s+\S+(?:\s+\S+){0,4}?\s+và\s+(?:ủy\s+ban\s+nhân\s+dân|ubnd)(?!\w)")


def _joins_office(part: str, rest: str) -> bool:
    """"Văn phòng HĐND và UBND huyện": the office of both bodies, one agency."""
    return match_form(part.strip(" ,;")).startswith(joint_offices()) and bool(_JOINED_BODY.match(match_form(rest)))


@lru_cache(maxsize=1)
def _whole_names() -> tuple[str, ...]:
    return tuple(match_form(row[0]) for row in _rows("whole_agencies.tsv") if row and row[0])


def _inside_whole_name(text: str, part_start: int, sep_end: int) -> bool:
    """The separator lies inside one agency's name of whole_agencies.tsv ("Đảng ủy Mặt trận Tổ quốc,
    các đoàn thể tỉnh"), which starts where the current piece starts."""
    start = part_start + len(text[part_start:]) - len(text[part_start:].lstrip(" ,;"))
    form = match_form(text[start:])
    return any(form.startswith(name) and start + len(name) > sep_end for name in _whole_names())


def split_mentions(text: str) -> list[str]:
    """Cut a list of agencies where another agency starts (see ``agencies.split_agency_list``)."""
    return list(_split_mentions(text))


@lru_cache(maxsize=4096)
def _split_mentions(text: str) -> tuple[str, ...]:
    """Cached: the same lists ("các sở, ban, ngành") recur through a document and a corpus."""
    cuts: list[tuple[int, int]] = []
    for sep in _SPLIT.finditer(text):
        part_start = cuts[-1][1] if cuts else 0
        part = text[part_start : sep.start()]
        if starts_agency(text, sep.end(), any_case=False) is not None and not _joins_office(part, text[sep.end():]) \
                and not _inside_whole_name(text, part_start, sep.end()):
            cuts.append((sep.start(), sep.end()))
    parts: list[str] = []
    pos = 0
    for a, b in cuts:
        parts.append(text[pos:a])
        pos = b
    parts.append(text[pos:])
    from dirgraph.ingest.agency_lists import share_head  # "Sở Nội vụ, Tài chính": one head, two bodies

    return tuple(one for p in parts if p.strip(" ,;") for one in share_head(p.strip(" ,;")))
