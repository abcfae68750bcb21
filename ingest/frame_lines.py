"""Lines of a normalized text with their offsets, and the small text helpers the frame parsers share.

Markdown pipe tables (docx headers and signature tables) are read cell by cell, column by column,
so the issuing body, the quốc hiệu, the Nơi nhận list and the signature each stay in one column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dirgraph.core.text import clean_spaces

_NEEDS_CLEANING = re.compile(r"[*#>\\]|__|\s\s|[^\S ]")
#: The characters ``[^\S \n]`` matches: every white space but the space and the newline.
_ODD_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_TABLE_RULE = re.compile(r"\|[\s:|\-]*\|?")
_MD = re.compile(r"\*+|^#+\s*|^>\s*|\\(?=[\-.*_])")


# Immutable by convention (never assigned after construction): a frozen dataclass costs ~3x to
# construct, and these are built for every line of every document;
# ``unsafe_hash`` keeps the frozen form's hash and equality.
@dataclass(unsafe_hash=True)
class Line:
    """One line (or one table cell) of the text: ``text[start:end]`` raw, ``clean`` without markup."""

    start: int
    end: int
    clean: str


_KEEP_UPPER = frozenset({"UBND", "HĐND", "MTTQ", "BTV", "BCH", "TP", "TP.", "CT-XH", "TW"})
_LEVELS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "xã,"})
#: Halves of the two-word level words ("thành phố", "thị xã", "thị trấn"): a level word only beside
#: the other half, for "Thành" and "Thị" also begin place names (xã Tân Thành, phường Thành Công).
_LEVEL_HALVES = {"thành": ("phố", "phố,"), "thị": ("xã", "xã,", "trấn", "trấn,")}
_SECOND_HALVES = {"phố": "thành", "phố,": "thành", "trấn": "thị", "trấn,": "thị"}
#: Levels whose word is followed by "ủy" for the party committee ("Tỉnh ủy", "Thành ủy").
_COMMITTEE_LEVELS = _LEVELS | {"thành", "thị"}
_HEADS = frozenset({"sở", "bộ", "ban", "phòng", "cục", "trung", "tâm", "trường", "viện", "chi"})


@lru_cache(maxsize=4096)
def proper_case(upper_line: str) -> str:
    """An upper-case header line in the usual spelling (place names and field names capitalized).

    Cached: the same header lines ("ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN") come back in document after document.

    >>> proper_case("SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    'Sở Giáo dục và Đào tạo'
    >>> proper_case("UBND HUYỆN TAM ĐƯỜNG")
    'UBND huyện Tam Đường'
    """
    school = _school_name(upper_line)
    if school is not None:
        return school
    out: list[str] = []
    place_mode = False
    words = upper_line.split()
    for i, raw in enumerate(words):
        word = raw.lower()
        prev = out[-1].lower().rstrip(",") if out else ""
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if raw in _KEEP_UPPER:
            out.append(raw)
            continue
        if i and ((word == "nhân" and nxt == "dân") or (word == "dân" and prev == "nhân")):
            out.append(word)  # "nhân dân" of a People's Committee or Council; "Lý Nhân" is a name
            continue
        if word in _COMMITTEE_LEVELS and nxt in ("ủy", "uỷ"):
            out.append(word.capitalize())  # "Tỉnh ủy", "Huyện ủy"
            continue
        if _is_level_word(word, prev, nxt) and not (place_mode and not nxt):
            # (a level word closing a named place is part of the name: xã Phước Tỉnh, xã Tứ Xã)
            out.append(word if i else word.capitalize())
            place_mode = True
            continue
        if word in ("ủy", "uỷ") and prev in _COMMITTEE_LEVELS:
            out.append(word)
            place_mode = True
            continue
        capital = i == 0 or place_mode or prev in _HEADS or out[-1].endswith(",") or prev in ("và", "của")
        out.append(word.capitalize() if capital else word)
    return " ".join(out)


@lru_cache(maxsize=1)
def _school_kinds() -> tuple[tuple[str, str], ...]:
    """(kind in capitals, kind as spelled) from ``school_types.tsv``, longest first."""
    from dirgraph.ingest.tables import load_table

    return tuple(sorted(((row[0], row[1]) for row in load_table("school_types.tsv")), key=lambda r: -len(r[0])))


def _school_name(upper_line: str) -> str | None:
    """"TRƯỜNG THCS LONG HƯNG" → "Trường THCS Long Hưng": the kind as spelled, the name capitalised."""
    words = upper_line.split()
    if len(words) < 3 or words[0] != "TRƯỜNG":
        return None
    rest = " ".join(words[1:])
    for kind, spelled in _school_kinds():
        if rest.startswith(kind + " "):
            name = rest[len(kind) + 1:].split()
            return " ".join(["Trường", spelled, *(w if w.isdigit() else w.capitalize() for w in name)])
    return None


def _is_level_word(word: str, prev: str, nxt: str) -> bool:
    """Whether ``word`` (lower case) is a level word here, given its neighbours."""
    if word in _LEVELS:
        return not (word == "xã" and nxt.startswith("hội"))  # "xã hội" is society, not a commune
    if word in _LEVEL_HALVES:
        return nxt in _LEVEL_HALVES[word]
    return _SECOND_HALVES.get(word) == prev


def _may_need_cleaning(line: str) -> bool:
    """``_NEEDS_CLEANING.search(line)`` without a regex scan when the line is printable.

    Every white-space character but the space is unprintable, so a printable line needs cleaning
    only for a markup character or a double space, which plain substring tests find.
    """
    if not line.isprintable():
        return _NEEDS_CLEANING.search(line) is not None
    return "*" in line or "#" in line or ">" in line or "\\" in line or "__" in line or "  " in line


def any_needs_cleaning(text: str) -> bool:
    """Whether any line of ``text`` may need cleaning (markup, double or odd spaces), by substring tests.

    An alternation with no literal opening makes the regex engine try every branch at every
    position (~30 ns a character); a few dozen ``in`` tests scan the same text several times faster.
    """
    if "*" in text or "#" in text or ">" in text or "\\" in text or "__" in text or "  " in text:
        return True
    return any(c in text for c in _ODD_SPACES)


def clean_line(raw: str) -> str:
    """A line without markdown emphasis/heading marks, spaces folded."""
    stripped = raw.strip()
    if not _may_need_cleaning(stripped):  # most lines: nothing to remove, skip the substitutions
        return stripped
    out = _MD.sub("", stripped)
    return clean_spaces(out.replace("**", "").replace("__", ""))


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with offsets; Markdown pipe tables become cells, read column by column.

    A docx header or signature table puts the issuing body beside the quốc hiệu and the Nơi
    nhận list beside the signature; reading cells column-major keeps each column's lines together.
    """
    lines: list[Line] = []
    table: list[list[Line]] = []

    def flush() -> None:
        if not table:
            return
        width = max(len(row) for row in table)
        for col in range(width):
            for row in table:
                if col < len(row):
                    lines.append(row[col])
        table.clear()

    # a normalized text has no markup and single spaces: one scan spares the test on every line
    may_need_cleaning = any_needs_cleaning(text)
    if not may_need_cleaning and "|" not in text:
        return _plain_lines(text)
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if _TABLE_RULE.fullmatch(stripped):
                continue
            cells: list[Line] = []
            offset = start + raw.index("|") + 1
            for cell in stripped.strip("|").split("|"):
                c_start = text.find(cell, offset) if cell else offset
                c_start = c_start if c_start >= 0 else offset
                clean = clean_line(cell)
                if clean:
                    cells.append(Line(c_start, c_start + len(cell), clean))
                offset = c_start + len(cell) + 1
            table.append(cells)
            continue
        if table:
            flush()
        clean = clean_line(raw) if may_need_cleaning and _may_need_cleaning(stripped) else stripped
        if clean:
            lines.append(Line(start, end, clean))
    flush()
    return lines


def _plain_lines(text: str) -> list[Line]:
    """:func:`split_lines` of a text with no table and nothing to clean: each stripped non-empty line.

    Most normalized texts are such; the loop without the table and cleaning tests is a visible
    share of the frame's cost.
    """
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip()
        if stripped:
            lines.append(Line(pos, end, stripped))
        pos = end + 1
    return lines


def is_upper(s: str) -> bool:
    """Every letter upper case (and at least one letter): str.isupper, which is the same for Latin script."""
    return s.isupper()


