"""The end of a document: the signature block (T/M, KT., TL. …, position, name) and the Nơi nhận list.

A signature block names who signed and in whose name ("T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / Cao Trang
Trọng"); the Nơi nhận list names who receives the document and why: "(b/c)" makes the issuer report
to that recipient, "(t/h)" asks the recipient to carry the document out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from dirgraph.core.text import clean_spaces, norm_key
from dirgraph.ingest.frame_lines import Line, is_upper

SIGN_PREFIX = re.compile(r"^(T/M|TM\.?|KT\.?|K/T|TL\.?|T/L|TUQ\.?|Q\.)\s*(?=\S)")
_POSITION_HEADS = (
    "BÍ THƯ", "CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "THỦ TƯỚNG", "CHÁNH", "TỔNG", "CHỦ NHIỆM",
    "HIỆU TRƯỞNG", "THƯỜNG TRỰC", "ỦY VIÊN", "UỶ VIÊN", "VIỆN TRƯỞNG", "TƯ LỆNH", "CHÍNH ỦY",
)
NOI_NHAN = re.compile(r"^\W*Nơi\s+nhận\s*:?", re.IGNORECASE)
APPENDIX = re.compile(r"^(PHỤ\s+LỤC|Phụ\s+lục\s+[IVX\d]|BIỂU\b|DANH\s+MỤC)")
_ROMAN_HEADING = re.compile(r"^(?:PHẦN\s+|[IVXLC]{1,6}\s*[.\-–:)/]\s*(?=[A-ZĐÀ-Ỹ0-9]))")


@dataclass
class RecipientLine:
    """One entry of the Nơi nhận list, its marker ("b/c", "t/h" …) split off."""

    text: str
    marker: str | None
    start: int
    end: int


@dataclass
class SignatureBlock:
    prefix: str | None
    position: str | None
    name: str | None
    authority: str | None  # the body after T/M ("BAN THƯỜNG VỤ", "ĐẢNG UỶ")
    start: int
    end: int


_NUMBERED_ITEM = re.compile(r"^\d{1,2}\s*[.)]")
_ITEM_SPLIT = re.compile(r"(?:^|[,;.]\s*)[-+•–]\s+(?=\S)")  # "- A; - B" -> A, B
_MARKER_END = re.compile(r"\(([^()]{1,30})\)\s*$")  # "(b/c)", "(t/h)" closing a recipient


def parse_signature(lines: list[Line], lo: int, hi: int) -> SignatureBlock | None:
    """The signature block: prefix line (T/M, KT., TL. …), position line, then the signer's name."""
    for i in range(hi - 1, max(lo, hi - 40) - 1, -1):  # the block closes the document
        clean = lines[i].clean
        if _ROMAN_HEADING.match(clean) or _NUMBERED_ITEM.match(clean):
            continue  # "II. MỤC TIÊU TĂNG TRƯỞNG" is a heading, not a position
        pm = SIGN_PREFIX.match(clean)
        is_pos = (is_upper(clean) and any(h in clean.upper() for h in _POSITION_HEADS) and len(clean) < 60) or (
            bool(POSITION.match(clean)) and len(clean) < 80)
        if not (pm or is_pos):
            continue
        # walk up to the first line of the block (prefix lines may stack: TM. UBND / KT. CHỦ TỊCH)
        first = i
        while first - 1 >= lo and (
            SIGN_PREFIX.match(lines[first - 1].clean)
            or (is_upper(lines[first - 1].clean) and len(lines[first - 1].clean) < 60
                and not NOI_NHAN.match(lines[first - 1].clean))
        ):
            first -= 1
        block = [_drop_signed(bl.clean, " ") for bl in lines[first : i + 1]]
        prefix, authority, position, name = _parse_sign_text(" ".join(block))
        if len(block) >= 2:  # one part per line: trust the lines over the phrase split
            for text_line in block:
                pm = _PREFIX_ANY.match(text_line)
                if pm and pm.group(1).upper().startswith(("T/M", "TM")):
                    authority = text_line[pm.end() :].strip()
            last_pm = _PREFIX_ANY.match(block[-1])
            last = block[-1][last_pm.end() :].strip() if last_pm else block[-1]
            if not (last_pm and last_pm.group(1).upper().startswith(("T/M", "TM"))):
                position = " ".join(w for w in last.split() if is_upper(w)) or position
        end = lines[i].end
        listed = False  # inside a Nơi nhận list printed between the position and the name
        for k in range(i + 1, min(hi, i + 25)):
            if name:
                break
            clean = lines[k].clean
            if NOI_NHAN.match(clean) or (listed and clean.startswith(("-", "+", "•"))):
                listed = True  # a text file whose name sits under the Nơi nhận list: read past it
                continue
            if k >= i + 6 and not listed:
                break
            cand = _RANK.sub("", _drop_signed(clean, "").strip(" ."))  # "Đại tá Lường Văn Quyết"
            if _looks_like_name(cand):
                name = _title_name(cand)
                end = lines[k].end
                break
        return SignatureBlock(
            prefix=prefix, position=title_position(position) if position else None, name=name,
            authority=authority, start=lines[first].start, end=end,
        )
    return None


# An officer signs with the rank before the name: the name is what follows it.
_RANK = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+(?=\S)", re.IGNORECASE)
_SIGNED = re.compile(r"\(?\s*(?:đã ký|Đã ký|ĐÃ KÝ)[^()]{0,20}\)?|\[?\s*(?:chữ ký|Chữ ký|dấu)\s*\]?")


def _drop_signed(line: str, repl: str) -> str:
    """``_SIGNED.sub(repl, line)``, tried only when one of its words is in the line (its optional
    opening brackets and spaces make the pattern start everywhere, so a sub tries every position)."""
    if "ký" in line or "KÝ" in line or "dấu" in line:
        return _SIGNED.sub(repl, line)
    return line
POSITION = re.compile(
    r"(?:PHÓ\s+)?(?:TỔNG\s+BÍ\s+THƯ|(?<!BAN )BÍ\s+THƯ|CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG"
    r"|CHÁNH\s+VĂN\s+PHÒNG|CHỦ\s+NHIỆM|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|CỤC\s+TRƯỞNG|TRƯỞNG)"
    r"(?:\s+THƯỜNG\s+TRỰC)?"
)
_PREFIX_ANY = re.compile(r"(?<!\S)(T/M|TM\.?|KT\.?|K/T|TL\.?|T/L|TUQ\.?|Q\.)(?=\s|$)")


def _parse_sign_text(joined: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(prefix, authority, position, name) from a signature block's text, lines joined.

    >>> _parse_sign_text("T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Cao Trang Trọng")
    ('T/M', 'BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Cao Trang Trọng')
    >>> _parse_sign_text("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
    ('TM.', 'ỦY BAN NHÂN DÂN', 'PHÓ CHỦ TỊCH', None)
    >>> _parse_sign_text("T/L BAN THƯỜNG VỤ CHÁNH VĂN PHÒNG Hồ Thị Thanh Tâm")
    ('T/L', 'BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', 'Hồ Thị Thanh Tâm')
    >>> _parse_sign_text("TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG Lê Văn Ba")
    ('TL.', None, 'CHÁNH VĂN PHÒNG', 'Lê Văn Ba')
    """
    words = joined.split()
    k = 0
    while k < len(words) and (is_upper(words[k]) or not any(c.isalpha() for c in words[k])):
        k += 1
    upper, tail = " ".join(words[:k]), " ".join(words[k:])
    if not tail and len(words) >= 2:  # an upper-case name after the position ("NGUYỄN VĂN AN")
        last = list(POSITION.finditer(upper))
        rest = upper[last[-1].end() :].split() if last else []
        if 2 <= len(rest) <= 5 and not _PREFIX_ANY.search(" ".join(rest)):
            tail, upper = " ".join(rest), upper[: last[-1].end()]
    name = _title_name(tail) if tail and _looks_like_name(tail) else None
    marks = list(_PREFIX_ANY.finditer(upper))
    prefix = marks[0].group(1) if marks else None
    segments = []
    cuts = [m.start() for m in marks] or [0]
    if cuts[0] > 0:
        cuts.insert(0, 0)
    for a, b in pairwise([*cuts, len(upper)]):
        seg = upper[a:b].strip()
        pm = _PREFIX_ANY.match(seg)
        segments.append((pm.group(1) if pm else None, seg[pm.end() :].strip() if pm else seg))
    authority = position = None
    for tag, seg in segments:
        found = list(POSITION.finditer(seg))
        if tag and tag.upper().startswith(("T/M", "TM")):
            if found and found[0].start() > 0:
                authority = authority or seg[: found[0].start()].strip()
                position = seg[found[0].start() :].strip()
            else:
                authority = authority or seg
        elif tag and tag.upper().startswith(("T/L", "TL")) and found and found[0].start() > 0:
            # "T/L BAN THƯỜNG VỤ CHÁNH VĂN PHÒNG": by order of a body ("TL. GIÁM ĐỐC": of a position)
            authority = authority or seg[: found[0].start()].strip()
            position = found[-1].group(0)
        elif found:
            position = found[-1].group(0)
        elif seg:
            position = seg
    return prefix, authority or None, position or None, name


def _looks_like_name(s: str) -> bool:
    words = s.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in s) or ":" in s:
        return False
    return all(w[:1].isupper() for w in words) and not NOI_NHAN.match(s)


def _title_name(s: str) -> str:
    return " ".join(w[:1] + w[1:].lower() if w.isupper() else w for w in s.split())


def title_position(s: str) -> str:
    """ "PHÓ GIÁM ĐỐC" -> "Phó Giám đốc", "BÍ THƯ" -> "Bí thư", "CHỦ TỊCH" -> "Chủ tịch"."""
    words = s.lower().split()
    if not words:
        return s
    out = [words[0].capitalize()]
    capital_next = words[0] in {"phó", "quyền"}
    for w in words[1:]:
        out.append(w.capitalize() if capital_next else w)
        capital_next = False
    return " ".join(out)


def parse_recipients(lines: list[Line], idx: int, hi: int) -> list[RecipientLine]:
    """Entries of the Nơi nhận list starting at line ``idx``, each with its marker split off."""
    entries: list[list[Line]] = []
    first = lines[idx]
    rest = NOI_NHAN.sub("", first.clean).strip()
    if rest:
        entries.append([Line(first.end - len(rest), first.end, rest)])
    for k in range(idx + 1, hi):
        line = lines[k]
        if SIGN_PREFIX.match(line.clean) or (is_upper(line.clean) and len(line.clean) > 4):
            break
        if APPENDIX.match(line.clean) or _ROMAN_HEADING.match(line.clean):
            break
        if line.clean.startswith(("-", "+", "•", "–")) or not entries:
            entries.append([line])
        elif _looks_like_name(line.clean) and entries and norm_key(entries[-1][0].clean).lstrip("-+• ").startswith("lưu"):
            break
        else:
            entries[-1].append(line)
    out: list[RecipientLine] = []
    for group in entries:
        joined = " ".join(ln.clean for ln in group)
        for piece in _ITEM_SPLIT.split(joined):
            piece = piece.strip(" -+•–,;.")
            if not piece:
                continue
            marker = None
            m = _MARKER_END.search(piece)
            if m:
                marker = clean_spaces(m.group(1))
                piece = piece[: m.start()].strip(" ,;")
            out.append(RecipientLine(piece, marker, group[0].start, group[-1].end))
    return out




_RIGHT_COLUMN = re.compile(
    r"^(?P<left>.*?\S)\s+(?P<right>(?:T/M|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s+\S.*|\(\s*[Đđ]ã\s+ký[^)]*\)"
    r"|[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ/]+(?:\s+[A-ZĐÀ-Ỹ]{2,}){0,6})$"
)
_NAME_AFTER_LUU = re.compile(
    r"^(?P<left>[-+•]\s*Lưu\b.*?[.;])\s+(?P<right>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})$"
)


_NAME_AFTER_ITEM = re.compile(  # "- Các huyện ủy … (t/h), Lương Thị Hải": the comma ends the item too
    r"^(?P<left>[-+•]\s*.*?[.;),])\s+(?P<right>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})$"
)
#: Words of agencies written all capitalized (Sở Công Thương), never of a person's name.
_NOT_NAME_WORDS = frozenset(("Sở", "Bộ", "Ban", "Phòng", "Cục", "Chi", "Công", "Đảng", "Hội", "Lưu", "Như", "Các"))


def unglue_closing(lines: list[Line]) -> list[Line]:
    """Split Nơi nhận lines that carry the signature column on their right (PDF text of a two-column table).

    "- UBND thành phố (b/c); PHÓ GIÁM ĐỐC" becomes two lines, and the right-hand pieces are moved after
    the list, so the recipients and the signature block each read in order.
    """
    start = next((i for i in range(len(lines) - 1, -1, -1) if NOI_NHAN.match(lines[i].clean)), None)
    if start is None:
        return lines
    left: list[Line] = []
    right: list[Line] = []
    end = start
    for k in range(start, min(len(lines), start + 25)):
        line = lines[k]
        if k > start and not line.clean.startswith(("-", "+", "•")) and not right:
            break
        named = _NAME_AFTER_LUU.match(line.clean)
        if named is None and right:  # the signature column started: a name can end any recipient line
            named = _NAME_AFTER_ITEM.match(line.clean)
            if named and any(w in _NOT_NAME_WORDS for w in named.group("right").split()):
                named = None
        listed = line.clean.startswith(("-", "+", "•")) or k == start
        # a line of its own ("PHÓ CHỦ TỊCH" between two recipients) is wholly the signature's
        m = named or (_RIGHT_COLUMN.match(line.clean) if listed else None)
        tail = m.group("right") if m else ""
        is_sig = named is not None or bool(
            SIGN_PREFIX.match(tail) or "ký" in tail or POSITION.search(tail))
        if m and is_sig:
            cut = line.end - len(tail)
            left.append(Line(line.start, cut, m.group("left")))
            right.append(Line(cut, line.end, tail))
        elif line.clean.startswith(("-", "+", "•")) or k == start:
            left.append(line)
        else:
            right.append(line)
        end = k + 1
    if not right:
        return lines
    return [*lines[:start], *left, *right, *lines[end:]]
