"""The frame of a directive document: header, title, preamble, body span, signature, Nơi nhận.

Every Vietnamese administrative document wraps its body in the same frame (Decree 30/2020 for
State documents, Instruction 01-HD/VPTW for Party ones): issuing body and quốc hiệu, "Số: …",
"<Place>, ngày … tháng … năm …", the kind word line (KẾ HOẠCH, CHỈ THỊ …) and subject lines,
a preamble ("Thực hiện …", "Căn cứ …"), the body, the Nơi nhận list and the signature block.
This module finds those parts by their printed shape only; spans index the normalized text so
every fact built on them keeps its provenance. Pieces a file lost (most web copies drop the
header) are simply ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from dirgraph.core.text import clean_spaces, fold_key, norm_key, strip_diacritics
from dirgraph.ingest.docnumbers import (
    PARTY_RE,
    PLACEHOLDER_RE,
    STATE_RE,
    canonical_number,
    kind_from_word,
    kind_words,
)
from dirgraph.ingest.frame_lines import Line, clean_line, is_upper, proper_case, split_lines
from dirgraph.ingest.regex_scan import tolerant
from dirgraph.ingest.signature import (
    APPENDIX,
    NOI_NHAN,
    POSITION,
    SIGN_PREFIX,
    RecipientLine,
    SignatureBlock,
    parse_recipients,
    parse_signature,
    unglue_closing,
)

_SEPARATOR = re.compile(r"^[\s\-–—_=*·.]{3,}$")
_SUBJECT_IN_CELL = re.compile(r"(?<=\s)V/[vV](?=[\s.:])")
_RULE_ENDS = re.compile(r"^[_=—]+\s+|\s+[_=—]+$")
_ROMAN = r"[IVXLC]{1,6}"
HEADING_RE = re.compile(
    rf"^(?:PHẦN\s+(?:THỨ\s+\w+|{_ROMAN})\b|{_ROMAN}\s*[.\-–:)/]\s*(?=[A-ZĐÀ-Ỹ0-9“\"])|Điều\s+1\b)"
)
_NUMBERED = re.compile(r"^\d{1,2}\s*[.)]\s*\S")
_PREAMBLE_CUE = re.compile(
    # "Ngày ban hành: …", "Ngày có hiệu lực: …" are a legal database's field lines, not a preamble
    r"^(Thực hiện|Căn cứ|Trên cơ sở|Theo|Kính gửi|Để|Nhằm|Ngày(?!(?:\s+[^\s:\d]+){1,3}\s*:)|Qua|Sau|Tiếp theo"
    r"|Xét|Triển khai|Trong)\b"
)
# "ngày", "tháng", "năm" with marks lost or misread too (OCR, PDF): the digits around them pin them down
_DATE_LINE = re.compile(
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ.]*\s+){0,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ.]*)\s*,\s*"
    rf"{tolerant('ngày')}\s*(?P<d>\d{{1,2}}|\.+|…)?\s*{tolerant('tháng')}\s+(?P<m>\d{{1,2}}|\.+|…)?\s*"
    rf"{tolerant('năm')}\s+(?P<y>\d{{4}})",
)
_MONTH_WORD = re.compile(tolerant("tháng"))
_OF_BODY = re.compile(r"^CỦA\s+\S")
# "Số:" and the quốc hiệu with marks lost too ("So: 28/KH-UBND", "CONG HOA XA HOI …": OCR, PDF)
# (not "Sở", a department: a mark-less "So" is a number line only before ":" or a digit)
_NUMBER_LINE = re.compile(r"^(?:Số(?!\w)|S[oôóồọ](?=\s*[:\d]))\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_NATIONAL = ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐỘC LẬP", "Độc lập")
_NATIONAL_BARE = tuple({fold_key(words) for words in _NATIONAL})


def _is_national(clean: str) -> bool:
    """The quốc hiệu or the Party's name heading the right column, marks intact or not."""
    return clean.startswith(_NATIONAL) or fold_key(clean[:24]).startswith(_NATIONAL_BARE)
_LEGAL_KEYS = {
    "số hiệu": "number", "ngày ban hành": "date", "loại văn bản": "kind",
    "cơ quan ban hành": "issuer", "người ký": "signer", "nơi ban hành": "issuer",
    "trích yếu": "title", "tiêu đề": "title",
}


@dataclass
class Frame:
    """The parts of the frame found in a text (``None`` / empty when the file lost them)."""

    text: str
    lines: list[Line]
    header_lines: list[Line] = field(default_factory=list)
    number: str | None = None
    number_printed: str | None = None
    number_span: tuple[int, int] | None = None
    place: str | None = None
    date: str | None = None
    date_span: tuple[int, int] | None = None
    kind: str | None = None
    kind_span: tuple[int, int] | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    preamble_span: tuple[int, int] = (0, 0)
    body_span: tuple[int, int] = (0, 0)
    purpose_spans: list[tuple[int, int]] = field(default_factory=list)
    closing_span: tuple[int, int] | None = None
    signature: SignatureBlock | None = None
    recipients: list[RecipientLine] = field(default_factory=list)
    recipients_span: tuple[int, int] | None = None
    appendix_start: int | None = None
    legal: dict[str, str] = field(default_factory=dict)
    issuer_lines: list[str] = field(default_factory=list)
    attached_spans: list[tuple[int, int]] = field(default_factory=list)
    attached_zones: list[tuple[int, int]] = field(default_factory=list)  # their title + preamble
    execution_span: tuple[int, int] | None = None
    authority_line: str | None = None


@lru_cache(maxsize=1)
def _kind_keys() -> tuple[tuple[str, str, str], ...]:
    """(kind word, its upper case, its key) in table order, built once: every header line is tried."""
    return tuple((word, word.upper(), norm_key(word)) for word in kind_words())


@lru_cache(maxsize=1)
def _kind_keys_by_initial() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """``_kind_keys`` grouped by the diacritic-free first letter, table order kept in each group."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for entry in _kind_keys():
        groups.setdefault(fold_key(entry[0])[:1], []).append(entry)
    return {initial: tuple(entries) for initial, entries in groups.items()}


def _kind_line(line: Line) -> tuple[str, str] | None:
    """(kind, rest of line) when a line opens with an upper-case kind word (KẾ HOẠCH …)."""
    if not line.clean[:1].isupper() or not line.clean.split(" ", 1)[0].isupper():
        return None  # every kind line opens with an upper-case word: skip the table scan for the rest
    heads: dict[int, str] = {}  # norm_key of the line's first n characters, once per length
    # equal norm_keys have equal diacritic-free initials: only the kind words sharing the line's are tried
    for word, upper, word_key in _kind_keys_by_initial().get(fold_key(line.clean[:1]), ()):
        head = line.clean[: len(upper)]
        head_key = heads.get(len(head))
        if head_key is None:
            head_key = heads[len(head)] = norm_key(head)
        if head_key == word_key and is_upper(head):
            rest = line.clean[len(upper) :]
            if rest and rest[0].isalnum():
                continue
            kind = kind_from_word(word)
            if kind and (not rest.strip() or not is_upper(rest) or len(rest) > 40 or _OF_BODY.match(rest.strip())):
                return kind, rest.strip(" :")
    return None


def _iso(d: str | None, m: str | None, y: str | None) -> str | None:
    if not (d and m and y and d.strip().isdigit() and m.strip().isdigit()):
        return None
    day, month = int(d), int(m)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{int(y):04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=1)
def _legal_keys() -> dict[str, str]:
    return {norm_key(k): v for k, v in _LEGAL_KEYS.items()}


_LEGAL_LINE = re.compile(r"^([^:]{3,20}):\s*(.*)$")
_LEGAL_KEY_WORDS = max(len(k.split()) for k in _LEGAL_KEYS)
_MARK = re.compile("[\u0300-\u036f]")


@lru_cache(maxsize=1)
def _legal_initials() -> frozenset[str]:
    return frozenset(key[:1] for key in _legal_keys())


@lru_cache(maxsize=4096)
def _may_open_legal_key(first: str) -> bool:
    """Whether a line starting with ``first`` may have a legal key's ``norm_key`` (checked per character).

    The key's first letter comes from the line's first character alone (its base letter, case
    folded), unless that character is a mark, white space or unprintable: then the line is read.
    """
    if not first.isprintable() or first.isspace() or unicodedata.category(first)[0] == "M":
        return True
    initials = _legal_initials()
    return norm_key(first)[:1] in initials or fold_key(first)[:1] in initials


def _parse_legal(lines: list[Line], frame: Frame) -> None:
    """Legal-database blocks ("Số hiệu: …", "Ngày ban hành: …") as key -> value."""
    for i, line in enumerate(lines[:80]):
        if len(line.clean) > 200 or not _may_open_legal_key(line.clean[:1]):
            continue  # most lines open with a letter no key opens with ("Thực hiện", "1.", "-")
        colon = line.clean.find(":")  # _LEGAL_LINE needs the first colon at 3..20: most lines fail here
        m = _LEGAL_LINE.match(line.clean) if 3 <= colon <= 20 else None
        if m:
            key = norm_key(m.group(1))
        else:
            whole = line.clean.rstrip(":")
            if len(whole.split(maxsplit=_LEGAL_KEY_WORDS)) > _LEGAL_KEY_WORDS and _MARK.search(whole) is None:
                continue  # too many words to be a key (only a lone combining mark could vanish from one)
            key = norm_key(whole)
        field_name = _legal_keys().get(key)
        if field_name is None:
            continue
        value = m.group(2).strip() if m else ""
        if not value and i + 1 < len(lines):
            value = lines[i + 1].clean
        if value:
            frame.legal.setdefault(field_name, value)


def _find_title(lines: list[Line], limit: int) -> int | None:
    for i, line in enumerate(lines[:limit]):
        if _kind_line(line):
            return i
    return None


@lru_cache(maxsize=1)
def _subject_openers() -> tuple[str, ...]:
    """How a title's subject opens after its kind line: the relation cues of a document about
    itself ("thực hiện", "triển khai", "tiếp tục thực hiện", relation_cues.tsv) and "về"."""
    from dirgraph.ingest.tables import alternatives, load_table

    cues = [norm_key(c) for row in load_table("relation_cues.tsv") if row[0] == "self" for c in alternatives(row[1])]
    return tuple(sorted({*cues, "về"}, key=len, reverse=True))


def _opens_subject(clean: str) -> bool:
    """An all-caps line that is the title's subject ("THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW …"), not an
    authority line or a heading."""
    key = norm_key(clean)
    return any(key.startswith(opener + " ") for opener in _subject_openers())


def _title_lines(lines: list[Line], i: int) -> tuple[list[Line], int]:
    """Subject lines after the kind line: up to a separator, a preamble cue, a heading or authority line."""
    taken: list[Line] = []
    j = i + 1
    while j < len(lines) and len(taken) < 10:
        clean = lines[j].clean
        if _SEPARATOR.match(clean) or HEADING_RE.match(clean) or (taken and _PREAMBLE_CUE.match(clean)):
            break
        if taken and clean.endswith(":"):  # "…, Ban Thường vụ ban hành Kế hoạch như sau:" opens the body
            break
        if is_upper(clean) and len(clean) > 3 and not clean.startswith(("“", '"')) and not (
                not taken and (_OF_BODY.match(clean) or _opens_subject(clean))):
            break
        if _NUMBERED.match(clean) or clean.startswith(("-", "+", "•")) or NOI_NHAN.match(clean):
            break
        if taken and len(clean) > 400:
            break
        if taken and clean.startswith("(") and clean.endswith(")"):
            break  # "(Được Ủy ban nhân dân tỉnh phê duyệt tại Quyết định số …)": a caption, no title line
        if taken and len(clean.split()) >= 10 and _SENTENCE_END.search(clean):
            break  # a paragraph of sentences ("Năm 2023, trên địa bàn tỉnh xảy ra 9 vụ cháy rừng, …."): no title
        taken.append(lines[j])
        j += 1
    while j < len(lines) and _SEPARATOR.match(lines[j].clean):
        j += 1
    return taken, j


_INTRO_CUE = re.compile(
    r"(?<=[\wÀ-ỹ])\s+(?=(?:Thực hiện|Căn cứ|Trên cơ sở|Triển khai|Nhằm|Để|Sau|Qua|Theo|Trong)\s)"
)
_SENTENCE_END = re.compile(r"[.:]\s*$|\.\s+[A-ZĐÀ-Ỹ]")


@lru_cache(maxsize=1)
def _mention_re() -> re.Pattern[str]:
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in kind_words())
    return re.compile(rf"(?<![\w(])(?:{words})\s+(?:số\s*)?(?P<num>{PARTY_RE.pattern}|{STATE_RE.pattern})")


def _glued_intro(text: str, taken: list[Line]) -> tuple[int, int] | None:
    """(subject line, text offset) where an intro sentence was glued onto the title, if one was.

    A title is a noun phrase; when the text reflowed from a PDF joins it to the next paragraph the
    line goes on with a sentence ("… năm 2024 Kế hoạch số 120/KH-UBND … được ban hành …. Sau …:").
    The sentence restarts at a capitalized clause opener, or at a second mention of the document
    the title itself names.
    """
    for k, line in enumerate(taken):
        raw = text[line.start : line.end]
        if len(raw) < 60 or not _SENTENCE_END.search(raw):
            continue
        seen: set[str] = set()
        cuts: list[int] = []
        for m in _mention_re().finditer(raw):
            num = norm_key("".join(m.group("num").split()))
            if num in seen and raw[m.start()].isupper():
                cuts.append(m.start())
            seen.add(num)
        cuts += [m.end() for m in _INTRO_CUE.finditer(raw) if m.end() > 20]
        cuts = [c for c in cuts if _SENTENCE_END.search(raw[c:])]
        if cuts:
            return k, line.start + min(cuts)
    return None


# One name broken over two header lines: the first ends on a comma, a dash, "VÀ" or a level word
# without its name, or the second starts with "VÀ" ("SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH").
_NAME_GOES_ON = re.compile(r"(?:[,\-–]|\s(?:VÀ|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN))$")
_NAME_CONTINUES = re.compile(r"^VÀ\s")
_NUMBER_TAIL = re.compile(r"[A-ZĐ][A-ZĐ0-9&\-/]{1,14}")  # the rest of a number wrapped in its column ("UBND")
_ISSUER_HEAD = re.compile(r"^(?:(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+[ỦU]Ỷ?Y|ỦY\s+BAN|UBND|SỞ|BAN|PHÒNG|ĐẢNG\s+ỦY)\s")
_LEVEL_START = re.compile(r"^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(?!ỦY|UỶ|ĐOÀN)\S")


# Every cut starts at white space or at the "C"/"Đ" of the quốc hiệu: the leading look-ahead turns most
# positions away with one character test instead of trying each alternative and its look-behinds.
# A glued-on "SỞ <department>" is cut off; a "SỞ" closing a place name ("XÃ MỄ SỞ", then the column
# gap) is not. The quốc hiệu is found with its marks lost too ("CONG HOA XA HOI", "Doc lap").
_COLUMN_CUT = re.compile(
    r"(?=[\sCĐD])(?:(?<!\s)(?<!ngày)(?<!tháng)(?<!:)\s{3,}(?=[^\s/\d])|\t"
    r"|(?=C[ỘOÔ]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘOÔ]I)|(?=ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)"
    r"|(?=[ĐD][ộoô]c\s+l[ậaâ]p\s*[-–])"
    r"|(?<=VIỆT NAM)\s+(?=\S)|(?<=Hạnh phúc)\s+(?=\S)|\s+\*+(?:\s+|$)|(?<=\S)\s+(?=Số\s*:?\s*[\d/])"
    r"|(?<=[A-ZĐÀ-Ỹ])(?<!VỤ)(?<!TRỰC)(?<!CƠ)\s+(?=(?:HUYỆN|TỈNH|THÀNH|QUẬN|THỊ|ĐẢNG)\s+[ỦU]Ỷ?Y?\b|SỞ\s(?!\s)|UBND\s"
    r"|ỦY\s+BAN\s|UỶ\s+BAN\s))"
)


def _fragments(text: str, lines: list[Line]) -> list[Line]:
    """Header lines split where two columns shared one line (wide spaces, or the quốc hiệu glued on)."""
    out: list[Line] = []
    for line in lines:
        for a, b, clean in _line_fragments(text[line.start : line.end]):
            out.append(Line(line.start + a, line.start + b, clean))
    return out


@lru_cache(maxsize=4096)
def _line_fragments(raw: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, clean) of each column piece of one raw header line, offsets within the line.

    Cached: header lines ("ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI …", "Số: …") recur from document to document.
    """
    out: list[tuple[int, int, str]] = []
    cuts = [0, *(m.start() for m in _COLUMN_CUT.finditer(raw) if m.start() > 0), len(raw)]
    for a, b in pairwise(cuts):
        piece = raw[a:b]
        clean = clean_line(piece)
        if clean:
            lead = len(piece) - len(piece.lstrip())
            out.append((a + lead, b, clean))
    return tuple(out)


def _parse_header(lines: list[Line], frame: Frame) -> None:
    fragments = _fragments(frame.text, lines)
    for index, line in enumerate(fragments):
        clean = line.clean
        m = _NUMBER_LINE.match(clean)
        if m and frame.number_span is None and ("/" in clean or "-" in clean):
            rest = m.group("rest")
            following = fragments[index + 1].clean.split(" ", 1)[0] if index + 1 < len(fragments) else ""
            if rest.rstrip().endswith(("-", "/")) and _NUMBER_TAIL.fullmatch(following):
                # "Số: 214 /KH-" over "UBND   Sơn Hà, ngày …": the column wrapped the number
                rest = rest.rstrip() + following
            frame.number_span = (line.start, line.end)
            frame.number_printed = rest
            frame.number = canonical_number(rest)
        after_number = clean
        if m and frame.number_span == (line.start, line.end):
            printed = PARTY_RE.search(clean) or STATE_RE.search(clean) or PLACEHOLDER_RE.search(clean)
            after_number = clean[printed.end() :] if printed else ""
        # the date line's literal words first: the pattern's place words backtrack on every upper-case line
        d = _DATE_LINE.search(after_number) if _MONTH_WORD.search(after_number) else None
        if d and frame.date_span is None:
            place_words = clean_spaces(d.group("place")).strip(" *-").split()
            popped: list[str] = []
            while len(place_words) > 1 and is_upper(place_words[0]) and not is_upper(" ".join(place_words)):
                popped.append(place_words.pop(0))  # "VIỆT NAM Tam Đường": the quốc hiệu glued before the place
            head = clean_spaces(f"{after_number[:d.start()]} {' '.join(popped)}").strip(" *-")
            if len(head.split()) >= 2 and is_upper(head) and _ISSUER_HEAD.match(head):
                frame.issuer_lines.append(head)  # "HUYỆN ỦY X  X, ngày …": the issuer column ran into the date
            frame.place = " ".join(place_words)
            frame.date = _iso(d.group("d"), d.group("m"), d.group("y"))
            frame.date_span = (line.start, line.end)
            continue
        if m or _SEPARATOR.match(clean) or _is_national(clean):
            continue
        clean = _RULE_ENDS.sub("", clean)  # "ỦY BAN NHÂN DÂN XÃ X _": Word's short rule, its cell joined
        if is_upper(clean) and len(clean) > 3 and not clean.startswith("V/V"):
            if frame.issuer_lines and (_LEVEL_START.match(clean) or _NAME_CONTINUES.match(clean) or (
                    _NAME_GOES_ON.search(frame.issuer_lines[-1]) and not _ISSUER_HEAD.match(clean))):
                # "ỦY BAN NHÂN DÂN" / "TỈNH X"; "SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH"; "… TỈNH" / "HƯNG YÊN"
                frame.issuer_lines[-1] = f"{frame.issuer_lines[-1]} {clean}"
            else:
                frame.issuer_lines.append(clean)


_OF_START = re.compile(r"^Của\b")
_ENACTING = re.compile(r"^(QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|KẾT LUẬN)\s*:")
_NUMBER_MARK = re.compile(r"^\d+\s*[.)]")
_ARTICLE_HEAD = re.compile(r"\s*(?:Điều\s+\d+\s*[.:]?\s*)?")


def parse_frame(text: str) -> Frame:
    """Find the frame of ``text``; never raises on odd input (missing parts stay empty)."""
    lines = unglue_closing(split_lines(text))
    frame = Frame(text=text, lines=lines)
    _parse_legal(lines, frame)
    n = len(lines)
    appendix_idx = next(
        (i for i, ln in enumerate(lines) if i > 5 and APPENDIX.match(ln.clean) and is_upper(ln.clean[:7])), None
    )
    frame.appendix_start = lines[appendix_idx].start if appendix_idx is not None else None
    main_hi = appendix_idx if appendix_idx is not None else n

    intro_start: int | None = None
    title_idx = _find_title(lines, min(n, 60))
    found = _kind_line(lines[title_idx]) if title_idx is not None else None
    if title_idx is not None and found is not None:
        kind, rest = found
        frame.kind = kind
        kl = lines[title_idx]
        frame.kind_span = (kl.start, kl.end)
        taken, after = _title_lines(lines, title_idx)
        glued = _glued_intro(text, taken)
        if glued is not None:  # the intro paragraph ran onto the last subject line (PDF reflow)
            k, cut = glued
            glued_line = taken[k]
            kept = clean_line(text[glued_line.start : cut])
            taken = [*taken[:k], Line(glued_line.start, glued_line.start + len(text[glued_line.start : cut].rstrip()),
                                      kept)]
            after = lines.index(glued_line)
            intro_start = cut
        word = kl.clean[: len(kl.clean) - len(rest)].strip(" :") if rest else kl.clean.strip(" :")
        title_parts = [rest] + [proper_case(t.clean) if _OF_BODY.match(t.clean) else t.clean for t in taken]
        if _OF_BODY.match(rest):
            title_parts[0] = proper_case(rest)
        subject = " ".join(title_parts).strip()
        subject = _OF_START.sub("của", subject, count=1)
        frame.title = clean_spaces(f"{word[:1]}{word[1:].lower()} {subject}") if subject else None
        frame.title_span = (kl.start, taken[-1].end if taken else kl.end)
        frame.header_lines = lines[:title_idx]
        body_from = after
    else:
        # no kind line (a dispatch, or a file that lost it): the header ends at the first cue line
        body_from = next((i for i, ln in enumerate(lines[:60]) if _PREAMBLE_CUE.match(ln.clean)
                          or HEADING_RE.match(ln.clean)), 0)
        frame.header_lines = lines[:body_from]
        for ln in frame.header_lines:
            if ln.clean.upper().startswith("V/V"):
                frame.title = ln.clean
                frame.title_span = (ln.start, ln.end)
            elif frame.title is None and (vv := _SUBJECT_IN_CELL.search(frame.text, ln.start, ln.end)):
                # "… Số: 3187/UBND-TCKH V/v đẩy nhanh …": a header cell's lines joined into one
                frame.title = clean_line(frame.text[vv.start():ln.end]).strip(" |")
                frame.title_span = (vv.start(), ln.end)
    _parse_header(frame.header_lines, frame)
    if frame.title is None and "title" in frame.legal:
        frame.title = frame.legal["title"]

    # preamble: up to the first section heading (or numbered item / "QUYẾT ĐỊNH:")
    frame.authority_line = _authority_line(lines, body_from, min(n, body_from + 4))
    heading_idx = None
    for i in range(body_from, main_hi):
        clean = lines[i].clean
        if HEADING_RE.match(clean) or _ENACTING.match(clean):
            heading_idx = i
            break
        if _NUMBERED.match(clean) and i > body_from:
            heading_idx = i
            break
    if heading_idx is None:
        heading_idx = min(body_from + 1, main_hi)
    pre_start = lines[body_from].start if body_from < n else len(text)
    if intro_start is not None:
        pre_start = intro_start
    pre_end = lines[heading_idx].start if heading_idx < n else len(text)
    frame.preamble_span = (pre_start, max(pre_start, pre_end))

    attached = _attached_start(lines, heading_idx, main_hi)
    own_hi = attached if attached is not None else main_hi
    nn_idx = next((i for i in range(heading_idx, own_hi) if NOI_NHAN.match(lines[i].clean)), None)
    sig = parse_signature(lines, heading_idx, own_hi)
    frame.signature = sig
    ends = [lines[own_hi].start if own_hi < n else len(text)]
    if nn_idx is not None:
        ends.append(lines[nn_idx].start)
    if sig is not None and sig.start > pre_end:
        ends.append(sig.start)
    body_end = min(ends)
    frame.body_span = (pre_end, max(pre_end, body_end))
    recipients_hi = own_hi
    if attached is None and appendix_idx is not None and nn_idx is None and sig is None:
        # the appendix table stands before the closing block: Nơi nhận and the signer follow it
        nn_idx = next((i for i in range(appendix_idx, n) if NOI_NHAN.match(lines[i].clean)), None)
        frame.signature = sig = parse_signature(lines, appendix_idx, n)
        recipients_hi = n
    if nn_idx is not None:
        frame.recipients = parse_recipients(lines, nn_idx, recipients_hi)
        last = frame.recipients[-1].end if frame.recipients else lines[nn_idx].end
        frame.recipients_span = (lines[nn_idx].start, last)

    frame.execution_span = _execution_span(text, frame.body_span)
    parts = [(heading_idx, own_hi, frame.body_span)]
    if attached is not None:
        first, last = _attached_body(lines, attached, main_hi)
        frame.attached_zones.append((lines[attached].start, lines[first].start if first < n else len(text)))
        if first < last:
            span = (lines[first].start, lines[last - 1].end)
            frame.attached_spans.append(span)
            parts.append((first, last, span))
    for lo, hi, span in parts:
        _purpose_and_closing(lines, lo, hi, span, frame)
    return frame


def _purpose_and_closing(lines: list[Line], lo: int, hi: int, span: tuple[int, int], frame: Frame) -> None:
    """Purpose sections (MỤC ĐÍCH, YÊU CẦU) and the closing paragraph ("Trên đây là …") of one body."""
    heads = [i for i in range(lo, hi) if HEADING_RE.match(lines[i].clean)]
    if not heads:  # sections numbered "1. MỤC ĐÍCH, YÊU CẦU" (upper-case headings) instead of Roman numerals
        heads = [i for i in range(lo, hi)
                 if _NUMBERED.match(lines[i].clean) and is_upper(_NUMBER_MARK.sub("", lines[i].clean, count=1))]
    keys = [strip_diacritics(norm_key(lines[i].clean)) for i in heads]  # "I. MUC ĐICH, YÊU CÂU" lost marks
    purpose = [_PURPOSE_KEY in key or (_DEMAND_KEY in key and len(key) < 40) for key in keys]
    if keys and not any(purpose):
        # a programme opening with "I. MỤC TIÊU" (no MỤC ĐÍCH) states there what it carries out
        purpose[0] = _GOALS_HEAD.match(keys[0]) is not None
    for pos, i in enumerate(heads):
        if purpose[pos]:
            stop = heads[pos + 1] if pos + 1 < len(heads) else None
            end = lines[stop].start if stop is not None else span[1]
            frame.purpose_spans.append((lines[i].start, min(end, span[1])))
    for i in range(lo, hi):
        if lines[i].start >= span[1]:
            break
        if lines[i].clean.startswith("Trên đây là"):
            frame.closing_span = (lines[i].start, lines[i].end)


_PURPOSE_KEY = strip_diacritics(norm_key("mục đích"))
_DEMAND_KEY = strip_diacritics(norm_key("yêu cầu"))
_GOALS_HEAD = re.compile(r"^[\W\divxl]*\s*" + re.escape(strip_diacritics(norm_key("mục tiêu"))) + r"(?!\w)")
_ATTACHED_NOTE = re.compile(r"^\(?\s*(?:Ban\s+hành\s+)?(?:kèm|Kèm)\s+theo\b", re.IGNORECASE)
_EXECUTION = re.compile(
    r"\s(?:chịu|có)\s+trách\s+nhiệm\s+(?:thi\s+hành|tổ\s+chức\s+thực\s+hiện|thực\s+hiện)"
    r"\s+(?:Quyết\s+định|Chỉ\s+thị|Nghị\s+quyết)\s+này"
)
# ";" is no clause start here: it separates the addressees ("Chánh Văn phòng …; Giám đốc các sở …; …")
_CLAUSE_START = re.compile(r"[.:\n]")
_AUTHORITY = re.compile(r"^(?:(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|CHÁNH|TỔNG|CỤC\s+TRƯỞNG)\b"
                        r"|ỦY\s+BAN|UỶ\s+BAN|HỘI\s+ĐỒNG|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|CHÍNH\s+PHỦ|BỘ\s)")


def _authority_line(lines: list[Line], lo: int, hi: int) -> str | None:
    """The authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") between its title and "Căn cứ"."""
    for line in lines[lo:hi]:
        clean = line.clean
        if _PREAMBLE_CUE.match(clean) or HEADING_RE.match(clean):
            return None
        if is_upper(clean) and len(clean) < 90 and _AUTHORITY.match(clean):
            return clean
    return None


def _attached_start(lines: list[Line], lo: int, hi: int) -> int | None:
    """Where a document issued with this one starts ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)").

    A decision that "ban hành kèm theo Quyết định này" a plan or regulation prints it after its own
    signature and Nơi nhận: that text is the real body of tasks and duties, not a trailer.
    """
    closed = False
    for i in range(lo, hi):
        clean = lines[i].clean
        if NOI_NHAN.match(clean) or SIGN_PREFIX.match(clean) or (
                len(clean) < 40 and is_upper(clean) and POSITION.fullmatch(clean)):
            closed = True
            continue
        if closed and is_upper(clean[:6]) and _kind_line(lines[i]):
            if any(_ATTACHED_NOTE.match(ln.clean) for ln in lines[i + 1 : min(hi, i + 8)]):
                return i
    return None


def _attached_body(lines: list[Line], kind_idx: int, hi: int) -> tuple[int, int]:
    """Line range of the attached document's body: from its first heading, after title, note and preamble."""
    _, first = _title_lines(lines, kind_idx)
    while first < hi and (_ATTACHED_NOTE.match(lines[first].clean) or _SEPARATOR.match(lines[first].clean)
                          or (lines[first].clean.startswith("(") and not HEADING_RE.match(lines[first].clean))):
        first += 1
    last = next((i for i in range(first, hi) if NOI_NHAN.match(lines[i].clean)), hi)
    heading = next((i for i in range(first, last) if HEADING_RE.match(lines[i].clean) or _NUMBERED.match(lines[i].clean)),
                   first)  # its preamble ("Thực hiện …, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
    return heading, last


def _execution_span(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The addressees of a decision's execution article ("Điều 3. X, Y … chịu trách nhiệm thi hành …").

    Found from the literal cue backwards to the clause start, so the scan stays linear.
    """
    found = None
    for m in _EXECUTION.finditer(text, span[0], span[1]):
        found = m
    if found is None:
        return None
    b = found.start()
    a = max(span[0], b - 400)
    seps = [m.end() for m in _CLAUSE_START.finditer(text, a, b)]
    a = seps[-1] if seps else a
    head = _ARTICLE_HEAD.match(text[a:b])
    a += head.end() if head else 0
    return (a, b) if b > a + 2 else None
