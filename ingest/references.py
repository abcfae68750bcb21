"""Documents a text names: "Kết luận số 91-KL/TW, ngày 12/8/2024 của Bộ Chính trị", merged per document.

A mention is a kind word ("Kết luận", "Kế hoạch", "Thông tư" …) followed by a printed number,
optionally a date ("ngày 12/8/2024", "ngày 12 tháng 8 năm 2024") and an issuer ("của …"); later
mentions repeat the number ("Kết luận số 91-KL/TW") or shorten it ("Kết luận 91"), or use an
alias the text declared ("(sau đây gọi tắt là …)"). Unnumbered congress and plenum resolutions
("Nghị quyết Đại hội XIII của Đảng") are documents too. Mentions keep their spans: the relation
extractor reads the words between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from dirgraph.core.text import clean_spaces, norm_key
from dirgraph.ingest.agencies import canonical_agency
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.docnumbers import (
    NUMBER_SCAN_RE,
    PARTY_RE,
    STATE_RE,
    kind_from_word,
    kind_words,
    parse_number,
)
from dirgraph.ingest.record import AgencyRef, DocKind, DocumentRef
from dirgraph.ingest.regex_scan import tolerant
from dirgraph.ingest.tables import load_table

_DATE = (
    r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    rf"|(?P<d2>\d{{1,2}})\s+{tolerant('tháng')}\s+(?P<m2>\d{{1,2}})\s+{tolerant('năm')}\s+(?P<y2>\d{{4}})"
)
_DATE_AFTER = re.compile(rf"\s*,?\s*(?:ban hành\s+|được ban hành\s+)?{tolerant('ngày')}\s+(?:{_DATE})", re.IGNORECASE)
_SO = r"(?:số|s[oôóồọỗổộòỏõ])"  # "số" with its mark lost or misread ("So 12", "sỗ 41"), never "Sở"
_OF = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE)
_ISSUER_STOP = re.compile(
    r"[,;:()“”\"\n]|\.(?:\s|$)|\s+(?:về|tiếp tục|thực hiện|triển khai|quán triệt|phê duyệt|ban hành|hướng dẫn"
    r"|quy định|sửa đổi|theo|đã|trong|trên|tại|nhằm|để|gắn|đối với|cho|ngày|năm|nêu|được|là|với|bằng|thông qua"
    r"|tuyên truyền|cụ thể hóa|cụ thể hoá|thay thế|bổ sung|bãi bỏ|học tập|bám sát|nghiên cứu)(?=\s|$|[,;])",
    re.IGNORECASE,
)
_ALIAS = re.compile(
    r"\(\s*(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt\s+(?:là\s*)?:?\s*(?P<alias>[^()]{2,90}?)\s*\)",
    re.IGNORECASE,
)
_CONGRESS = re.compile(
    r"[Nn]ghị\s+quyết\s+(?:của\s+)?(?P<body>Đại\s+hội\s+(?:đại\s+biểu\s+)?(?:Đảng\s+)?(?:toàn\s+quốc\s+)?"
    r"(?:Đảng\s+bộ\s+[^\n,;()]{0,40}?\s+)?(?:lần\s+thứ\s+)?[IVXLC]+\b(?:\s+của\s+Đảng(?!\s+bộ))?)"
)
_PLENUM_FULL = re.compile(
    r"[Nn]ghị\s+quyết\s+(?:Hội\s+nghị\s+)?(?:lần\s+thứ\s+\d+\s+Ban\s+Chấp\s+hành\s+)?Trung\s+ương\s+"
    r"(?:Đảng\s+)?(?P<n>\d{1,2})\s*,?\s*\(?\s*kh(?:óa|oá|oa)\s+(?P<k>[IVXLC]+)\b"
)


# The laws' look-behinds come after each alternative's first letter ("B(?<!\wB)" is "(?<!\w)B"), so that
# the pattern opens with a character set and the regex engine skips straight to the "B"s and "L"s.
_LAW = re.compile(
    r"(?P<word>B(?<!\wB)ộ\s+luật|L(?<!\wL)uật)\s+(?P<name>(?:[A-ZĐ]|sửa\s+đổi)[^\s,;()“”]*"
    r"(?:(?:\s+|,\s+(?=[a-zđà-ỹ]))(?!ngày\b|năm\b|số\s+\d|và\s+(?:các|những)\b)[^\s,;()“”.]+){0,24}?)"
    r"(?=\s+(?:số\s+(?P<num>\d{1,4}\s*/\s*\d{4}\s*/\s*QH\d{1,2})|ngày\s+\d))"
)


#: Where a referenced document's subject ends and the sentence goes on: ", Bộ Chính trị kết luận như sau",
#: a colon, a full stop.
_SUBJECT_STOP = re.compile(
    r",\s+(?=[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[\wÀ-ỹ-]+){0,9}?\s+(?:ban\s+hành|kết\s+luận|yêu\s+cầu|xây\s+dựng|đề\s+ra"
    r"|chỉ\s+đạo|quyết\s+định|thông\s+báo|hướng\s+dẫn|đề\s+nghị|báo\s+cáo|triển\s+khai|chỉ\s+thị)\b)"
    r"|:|\.(?=\s|$)"
)
#: A law named by its year ("Luật Phòng, chống ma túy năm 2021"), without number or date.
_LAW_YEAR = re.compile(
    r"(?P<word>B(?<!\wB)ộ\s+luật|L(?<!\wL)uật)\s+(?P<name>[A-ZĐ][^\s,;()“”]*"
    r"(?:(?:\s+|,\s+(?=[a-zđà-ỹ]))(?!ngày\b|năm\b|số\s+\d|và\b)[^\s,;()“”.]+){0,12}?)"
    r"\s+năm\s+(?P<year>(?:19|20)\d\d)(?!\d)"
)
#: A law named alone in a basis clause ("Căn cứ Luật Giáo dục;"), without number or date.
_LAW_ALONE = re.compile(
    r"(?m)(?P<word>B(?<=[Cc]ăn cứ B)ộ\s+luật|L(?<=[Cc]ăn cứ L)uật)\s+(?P<name>[A-ZĐ][^\s,;()“”]*"
    r"(?:(?:[ \t]+|,[ \t]+(?=[a-zđà-ỹ]))[^\s,;()“”.]+){0,16}?)(?=[ \t]*;|[ \t]*\.?[ \t]*$)"
)


def _laws_by_year(text: str, taken: list[tuple[int, int]], named: set[str]) -> list[Mention]:
    """Laws named by their year ("Luật Phòng, chống tham nhũng năm 2018"), keyed so; a law the text
    also names with its number or date ("Luật Đất đai số 31/2024/QH15", then "Luật Đất đai năm 2024")
    is that mention's document, not another."""
    out: list[Mention] = []
    for m in _LAW_YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        title = clean_spaces(f"{m.group('word')} {m.group('name')}")
        if norm_key(title) in named:
            continue
        key = f"{title} năm {m.group('year')}"
        out.append(Mention(m.start(), m.end(), key, "law", None, subject=title, word_end=m.end()))
        taken.append((m.start(), m.end()))
    return out


@dataclass
class Mention:
    """One printed mention of a document; ``start``..``end`` covers number, date and issuer."""

    start: int
    end: int
    key: str
    kind: str
    number: str | None
    date: str | None = None
    issuer_raw: str | None = None
    subject: str | None = None
    alias: bool = False  # inside "(sau đây gọi tắt là …)": names a document already described
    word_end: int = 0  # end of the kind word + number (before date/issuer)


@dataclass
class References:
    mentions: list[Mention] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _word_alt() -> str:
    # marks may be lost or misread (OCR, PDF): the number after the word pins the mention down
    return "|".join(tolerant(w) for w in kind_words())


@lru_cache(maxsize=1)
def _numbered_re() -> re.Pattern[str]:
    num = rf"(?:{PARTY_RE.pattern}|{STATE_RE.pattern})"
    return re.compile(
        rf"(?<!\w)(?P<word>{_word_alt()})(?:\s+(?:liên\s+tịch|hành\s+động))?\s*(?:số\s*:?\s*)?(?P<num>{num})",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _bare_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?P<word>{_word_alt()})\s+(?:số\s+)?(?P<serial>\d{{1,5}})(?![\d/\-–]|\s*[-/]\s*[A-ZĐ]|\s*/)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _not_documents() -> tuple[str, ...]:
    return tuple(norm_key(row[0]) for row in load_table("not_documents.tsv"))


def _iso(m: re.Match[str]) -> str | None:
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    if not (d and mo and y):
        return None
    day, month = int(d), int(mo)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{int(y):04d}-{month:02d}-{day:02d}"


def _issuer_at(text: str, pos: int) -> tuple[str | None, int]:
    """The issuer written after "của" at ``pos`` and the position after it."""
    m = _OF.match(text, pos)
    if not m:
        return None, pos
    start = m.end()
    window = text[start : start + 160]
    stop = _ISSUER_STOP.search(window)
    end = stop.start() if stop else len(window)
    nxt = _next_mention(window[:end])
    if nxt:
        end = min(end, nxt.start())
        end = window.rfind(" và ", 0, end) if window.rfind(" và ", 0, end) > 0 else end
    words = window[:end].split()
    raw = clean_spaces(" ".join(words[:14]))
    if not raw or not raw[:1].isupper():
        return None, pos
    return raw, start + len(window[:end].rstrip())


_DIGIT = re.compile(r"\d")


def _next_mention(window: str) -> re.Match[str] | None:
    """``_numbered_re().search(window) or _CONGRESS.search(window)``: each tried only when the window
    holds what it cannot match without (a number's digit, the words "nghị quyết"); most issuers hold neither.
    """
    found = _numbered_re().search(window) if _DIGIT.search(window) else None
    return found or (_CONGRESS.search(window) if "ghị" in window else None)


def _tail(text: str, mention: Mention) -> None:
    """Date, issuer and subject after a mention's number; extends ``mention.end``."""
    pos = mention.end
    dm = _DATE_AFTER.match(text, pos)
    if dm:
        mention.date = _iso(dm)
        pos = dm.end()
    issuer, after = _issuer_at(text, pos)
    if issuer:
        mention.issuer_raw = issuer
        pos = after
        if not mention.date:
            dm = _DATE_AFTER.match(text, pos)
            if dm:
                mention.date = _iso(dm)
                pos = dm.end()
    mention.end = pos
    sm = _SUBJECT.match(text[pos : pos + 320])
    if sm:
        subject = sm.group(1)
        stop = _SUBJECT_STOP.search(subject)
        subject = subject[: stop.start()] if stop else subject
        mention.subject = clean_spaces(subject).rstrip(" ,.")


@lru_cache(maxsize=1)
def _word_before_re() -> re.Pattern[str]:
    """The kind word (and "số") right before a number: searched backwards from the number only."""
    return re.compile(rf"(?<!\w)(?P<word>{_word_alt()})(?:\s+(?:liên\s+tịch|hành\s+động))?\s*(?:{_SO}\s*:?\s*)?\Z",
                      re.IGNORECASE)


def _is_own(mention: Mention, own_key: str | None, own_date: str | None) -> bool:
    """Whether ``mention`` names the document itself: its number, and no other date.

    Numbers restart per issuer and year, so a commune's 64/KH-UBND may carry out its district's
    64/KH-UBND; the mention's date ("ngày 04/06/2022" against the document's own) tells them apart.
    """
    if own_key is None or norm_key(mention.number or "") != own_key:
        return False
    return not (own_date and mention.date and mention.date != own_date)


def find_mentions(text: str, own_number: str | None = None, own_date: str | None = None) -> list[Mention]:
    """Every document mention in ``text`` in reading order (the document's own number left out,
    unless the mention's date shows another document of that number: :func:`_is_own`).

    Numbers are found first (a digit-anchored scan is cheap) and the kind word is read backwards
    from each: a case-insensitive alternation of kind words tried at every character is not.
    """
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    numbers = list(_ANY_NUMBER.finditer(text))
    own_key = norm_key(own_number) if own_number else None
    for m in numbers:
        wm = _word_before_re().search(text, max(0, m.start() - 60), m.start())
        if wm is None:
            continue
        parsed = parse_number(m.group(0))
        if parsed is None:
            continue
        number = str(parsed)
        if own_key and norm_key(number) == own_key and not own_date:
            continue
        word = clean_spaces(wm.group("word"))
        kind = kind_from_word(word) or parsed.kind
        if norm_key(word) == _VAN_BAN and parsed.kind != "dispatch":
            kind = parsed.kind
        mention = Mention(wm.start(), m.end(), number, kind, number, word_end=m.end())
        _tail(text, mention)
        if _is_own(mention, own_key, own_date):
            continue
        mentions.append(mention)
        taken.append((wm.start(), m.end()))
    mentions.extend(_continuations(text, mentions, taken, own_key, own_date, numbers))
    has_law = "uật" in text  # literal checks first: most texts name no law, congress or plenum
    laws = [*_LAW.finditer(text), *_LAW_ALONE.finditer(text)] if has_law else []
    for m in laws:
        if any(a <= m.start() < b for a, b in taken):
            continue
        num = m.groupdict().get("num")
        parsed = parse_number(num) if num else None
        title = clean_spaces(f"{m.group('word')} {m.group('name')}")
        key = str(parsed) if parsed else title
        end = m.end("num") if num else m.end()
        mention = Mention(m.start(), end, key, "law", str(parsed) if parsed else None, subject=title, word_end=end)
        _tail(text, mention)
        mention.subject = mention.subject if mention.subject and mention.subject.startswith("về") else title
        mentions.append(mention)
        taken.append((m.start(), end))
    if has_law and "năm" in text:
        mentions.extend(_laws_by_year(text, taken, {norm_key(m.subject or "") for m in mentions if m.kind == "law"}))
    for m in _CONGRESS.finditer(text) if "Đại" in text else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        body = clean_spaces(m.group("body"))
        key = "Nghị quyết " + _OF_PARTY_END.sub("", body)
        mention = Mention(m.start(), m.end(), key, "resolution", None, issuer_raw=body, word_end=m.end())
        _tail(text, mention)
        mentions.append(mention)
    for m in _PLENUM_FULL.finditer(text) if "Trung" in text else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        key = f"Nghị quyết Trung ương {m.group('n')} khóa {m.group('k')}"
        mention = Mention(m.start(), m.end(), key, "resolution", None,
                          issuer_raw=f"Ban Chấp hành Trung ương Đảng khóa {m.group('k')}", word_end=m.end())
        mentions.append(mention)
    for mention in mentions:  # laws and the "/QH" numbers are the National Assembly's (Quốc hội)
        if mention.issuer_raw is None and (mention.kind == "law" or (mention.number and _QH.search(mention.number))):
            mention.issuer_raw = "Quốc hội"
    mentions.sort(key=lambda x: x.start)
    _mark_aliases(text, mentions)
    return mentions


_QH = re.compile(r"/QH\d{0,2}$")
_CONTINUATION_GAP = re.compile(r"^\s*(?:,|;|và|cùng)?\s*(?:các\s+)?(?:số\s*:?\s*)?$", re.IGNORECASE)
_ANY_NUMBER = NUMBER_SCAN_RE  # the matches of (?:PARTY_RE|STATE_RE), found by a scan that skips to digits
_VAN_BAN = norm_key("văn bản")


def _continuations(text: str, mentions: list[Mention], taken: list[tuple[int, int]],
                   own_key: str | None, own_date: str | None, numbers: list[re.Match[str]]) -> list[Mention]:
    """Numbers listed after one kind word: "các Kết luận số 51-KL/TW, 91-KL/TW và số 142-KL/TW"."""
    out: list[Mention] = []
    ordered = sorted(mentions, key=lambda x: x.start)
    for m in numbers:
        if any(a <= m.start() < b for a, b in taken):
            continue
        before = [x for x in ordered + out if x.end <= m.start()]
        if not before:
            continue
        prev = max(before, key=lambda x: x.end)
        if prev.number is None or not _CONTINUATION_GAP.match(text[prev.end : m.start()]):
            continue
        parsed = parse_number(m.group(0))
        if parsed is None or (own_key and norm_key(str(parsed)) == own_key and not own_date):
            continue
        prev_parsed = parse_number(prev.number)
        same_code = prev_parsed is not None and prev_parsed.code == parsed.code
        kind = prev.kind if same_code or parsed.kind in (prev.kind, "dispatch") else parsed.kind
        mention = Mention(m.start(), m.end(), str(parsed), kind, str(parsed), word_end=m.end())
        _tail(text, mention)
        if _is_own(mention, own_key, own_date):
            continue
        out.append(mention)
        taken.append((m.start(), m.end()))
    return out


def _mark_aliases(text: str, mentions: list[Mention]) -> None:
    for am in _ALIAS.finditer(text):
        for mention in mentions:
            if am.start() <= mention.start < am.end():
                mention.alias = True
    previous: Mention | None = None
    for mention in mentions:  # a bare parenthesis right after a description: "(Kết luận số 51-KL/TW)"
        before = text[max(0, mention.start - 3) : mention.start].rstrip()
        after = text[mention.end : mention.end + 3].lstrip()
        # "… Nghị quyết số 59-NQ/TW của Bộ Chính trị (Tờ trình số 45-TTr/BTGDVTU …)": a document of
        # another kind right after a numbered one is a document of its own, not a name for it
        own = previous is not None and previous.number is not None and previous.kind != mention.kind \
            and mention.start - previous.end < 40
        if before.endswith("(") and after.startswith(")") and not own:
            mention.alias = True
        previous = mention


def _resolve_plenums(mentions: list[Mention]) -> None:
    """ "Nghị quyết Trung ương 8 khóa XI" is the numbered resolution of that term the text names."""
    numbered: dict[str, set[str]] = {}
    for m in mentions:
        if m.number and m.kind == "resolution" and m.issuer_raw:
            km = _TERM.search(m.issuer_raw)
            if km and "trung ương" in norm_key(m.issuer_raw):
                numbered.setdefault(km.group(1).upper(), set()).add(m.key)
    for m in mentions:
        pm = _PLENUM_KEY.match(m.key)
        if pm and len(numbered.get(pm.group(1), ())) == 1:
            m.key = next(iter(numbered[pm.group(1)]))
            m.number = m.key
            m.issuer_raw = None


_SUBJECT = re.compile(r"\s*,?\s*(về\s+[^;()\n]{3,300})")
_OF_PARTY_END = re.compile(r"\s+của\s+Đảng$")
_TERM = re.compile(r"kh(?:óa|oá|oa)\s+([IVXLC]+)\b", re.IGNORECASE)
_PLENUM_KEY = re.compile(r"Nghị quyết Trung ương \d+ khóa ([IVXLC]+)$")
_SERIAL = re.compile(r"\d+")
#: A whole digit run (leading zeros apart) not glued to a code: "Kết luận 91", never "91-KL/TW".
_BARE_SERIAL = re.compile(r"(?<![\w/])0*(\d+)(?![\d/\-–]|\s*[-/]\s*[A-ZĐ]|\s*/)")


def _resolve_bare(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """ "Kết luận 91" after "Kết luận số 91-KL/TW": the same document."""
    by_serial: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.number:
            serial = _SERIAL.match(m.number)
            if serial:
                by_serial.setdefault((m.kind, serial.group(0).lstrip("0")), m.key)
    out: list[Mention] = []
    if not by_serial:
        return out
    serials = {k[1] for k in by_serial if k[1]}
    if not serials:
        return out
    # one fixed pattern, filtered by the serials: a pattern built per document would also push the
    # module-level patterns out of the re module's compile cache. Its matches begin where a digit run
    # begins and end where it ends, so it is tried only at the runs naming a serial.
    for run_start in _serial_runs(text, serials):
        sm = _BARE_SERIAL.match(text, run_start)
        if sm is None:
            continue
        wm = _bare_word_re().search(text, max(0, sm.start() - 40), sm.start())
        if wm is None or any(a <= wm.start() < b for a, b in spans):
            continue
        kind = kind_from_word(clean_spaces(wm.group("word")))
        key = by_serial.get((kind or "", sm.group(0).lstrip("0")))
        if key:
            out.append(Mention(wm.start(), sm.end(), key, kind or "other", key, word_end=sm.end()))
    return out


def _serial_runs(text: str, serials: set[str]) -> list[int]:
    """Starts of the digit runs whose value, leading zeros apart, is one of ``serials``, in order.

    The same runs as scanning every digit run (``\\d+``) and keeping those whose ``lstrip("0")`` is a
    serial, found with ``str.find``: a text has a handful of serials and hundreds of digit runs.
    """
    starts: list[int] = []
    for serial in serials:  # each is \d+ with no leading "0"
        at = text.find(serial)
        while at >= 0:
            end = at + len(serial)
            if end == len(text) or not text[end].isdecimal():  # \d is Unicode category Nd, as isdecimal
                begin = at
                while begin > 0 and text[begin - 1] == "0":
                    begin -= 1
                if begin == 0 or not text[begin - 1].isdecimal():
                    starts.append(begin)
            at = text.find(serial, at + 1)
    return sorted(starts)


@lru_cache(maxsize=1)
def _bare_word_re() -> re.Pattern[str]:
    """The kind word before a bare serial ("Kết luận 91"), searched backwards from the serial only."""
    return re.compile(rf"(?<!\w)(?P<word>{_word_alt()})\s+(?:số\s+)?\Z", re.IGNORECASE)


def _aliases(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Alias text -> document key, from "(sau đây gọi tắt là …)" after a description."""
    out: dict[str, str] = {}
    for am in _ALIAS.finditer(text):
        alias = clean_spaces(am.group("alias")).strip(" “”\"")
        inside = [m for m in mentions if am.start() <= m.start < am.end()]
        if inside:
            out[alias] = inside[0].key
            continue
        before = [m for m in mentions if m.end <= am.start() and not m.alias]
        if before:
            kind = kind_from_word(" ".join(alias.split()[:2])) or kind_from_word(alias.split()[0])
            same = [m for m in before if m.kind == kind] or before
            out[alias] = same[-1].key
    return out


def extract_references(text: str, ctx: DocContext | None = None, own_number: str | None = None,
                       own_date: str | None = None) -> References:
    """Mentions and one :class:`DocumentRef` per document named in ``text``."""
    mentions = find_mentions(text, own_number, own_date)
    _resolve_plenums(mentions)
    spans = [(m.start, m.end) for m in mentions]
    mentions = sorted(mentions + _resolve_bare(text, mentions, spans), key=lambda x: x.start)
    aliases = _aliases(text, mentions)
    docs: dict[str, DocumentRef] = {}
    for m in mentions:
        if m.number is None and any(norm_key(m.key).startswith(norm_key("nghị quyết ") + nd)
                                    for nd in _not_documents()):
            continue
        doc = docs.get(m.key)
        if doc is None:
            issuer = _agency(m.issuer_raw, ctx) if m.issuer_raw else None
            quote = clean_spaces(text[m.start : m.end])
            prov = ctx.provenance(m.start, m.end, quote) if ctx else None
            docs[m.key] = DocumentRef(key=m.key, kind=cast(DocKind, m.kind), number=m.number, date=m.date, issuer=issuer,
                                      title=m.subject, provenance=prov)
            continue
        if doc.date is None and m.date:
            doc.date = m.date
        if doc.issuer is None and m.issuer_raw:
            doc.issuer = _agency(m.issuer_raw, ctx)
        if doc.title is None and m.subject:
            doc.title = m.subject
    for alias, key in aliases.items():
        if key in docs and alias != key and alias not in docs[key].aliases:
            docs[key].aliases.append(alias)
    return References(mentions=mentions, documents=list(docs.values()), aliases=aliases)


def _agency(raw: str, ctx: DocContext | None) -> AgencyRef:
    return canonical_agency(raw, ctx)
