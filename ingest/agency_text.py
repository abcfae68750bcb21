"""Surface clean-up of agency names: abbreviations, tone placement, stray punctuation.

Kept apart from :mod:`dirgraph.ingest.agencies` so the rules that decide *what* an agency is
(locality, level, central) read without the character fiddling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dirgraph.ingest.agency_tables import abbreviation_rows, abbreviations

_SPACES = re.compile(r"\s+")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# oa/oe/uy closing a syllable, tone on the second vowel ("hoá", "Uỷ") -> first ("hóa", "Ủy"), the
# placement the gold files and most documents use. Not after "q" ("quý" keeps its tone on y).
_OLD_TONE = re.compile(
    rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![^\W\d_])",
)
_LEAD_JUNK = re.compile(r"^[\s\-–—+•*·:;,.()\[\]\"“”'‘’]+")
_TRAIL_JUNK = re.compile(r"[\s\-–—+•*·:;,.(\[\"“”'‘’]+$")


def fix_tone_placement(text: str) -> str:
    """Write "Uỷ", "hoá" as "Ủy", "hóa": both placements fold to one key in the scorer anyway.

    >>> fix_tone_placement("Thành uỷ")
    'Thành ủy'
    """

    def swap(match: re.Match[str]) -> str:
        pair = {"o": "ae", "u": "y"}[match.group(1).lower()]
        if match.group(2).lower() not in pair:
            return match.group(0)
        return match.group(1) + match.group(3) + match.group(2)

    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_TONE.sub(swap, decomposed))


@lru_cache(maxsize=1)
def _abbrev_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, re.Pattern[str] | None]]]:
    table = {a.short: (a.expansion, re.compile(a.context) if a.context else None)
             for a in abbreviation_rows()}
    alternatives = "|".join(re.escape(a.short) for a in abbreviation_rows())
    # A whole token: not glued to letters, digits, "&", "-" or "/" ("CA" in "CAND", "TT" in
    # "TT-BGDĐT", "TU" in "294-KH/TU").
    pattern = re.compile(rf"(?<![\w&\-/])(?:{alternatives})(?![\w&\-/])")
    return pattern, table


def expand_abbreviations(text: str) -> str:
    """Spell out the abbreviations of abbreviations.tsv ("UBND" -> "Ủy ban nhân dân")."""
    pattern, table = _abbrev_pattern()

    def expand(match: re.Match[str]) -> str:
        expansion, context = table[match.group(0)]
        if context is not None and not context.match(text, match.end()):
            return match.group(0)
        return expansion

    return pattern.sub(expand, text)


# Clause words around a name that callers sometimes pass along ("Giao Sở Tài chính chủ trì").
_LEAD_CUE = re.compile(r"^(?:giao(?: cho)?|đề nghị|yêu cầu|phối hợp với|chỉ đạo|đồng thời|nay)\s+", re.IGNORECASE)
_TRAIL_CUE = re.compile(r"\s+(?:chủ trì|phối hợp|thực hiện|tổ chức thực hiện|theo dõi)$")
_DOTTED_ABBR = re.compile(r"(?<![\w.])([A-ZĐ]{1,4})\.(?=[A-ZĐ]{2,}(?![a-zà-ỹđ]))")
_TRAIL_NOTE = re.compile(r"\s*\([^()]*\)$")


def tidy(raw: str) -> str:
    """NFC, one space; no bullets, list punctuation, unbalanced brackets, a trailing note in
    brackets ("(b/c)", "(để biết)") or a clause verb around the name."""
    text = unicodedata.normalize("NFC", raw).replace("\u00a0", " ")
    text = _DOTTED_ABBR.sub(r"\1 ", text)  # "TT.TU", "TT.HĐND" -> "TT TU", "TT HĐND"
    text = _SPACES.sub(" ", text).strip()
    for _ in range(3):
        before = text
        text = _LEAD_JUNK.sub("", text)
        text = _TRAIL_JUNK.sub("", text)
        if text.endswith(")") and "(" not in text:
            text = text[:-1].rstrip()
        if text.count("(") > text.count(")"):
            text = text[: text.rfind("(")].rstrip()
        stripped = _TRAIL_NOTE.sub("", text)
        text = stripped if stripped.strip() else text
        stripped = _TRAIL_CUE.sub("", _LEAD_CUE.sub("", text))
        text = stripped if stripped.strip() else text
        if text == before:
            break
    return text


@lru_cache(maxsize=1)
def _known_phrases() -> tuple[str, ...]:
    """Phrases whose casing an all-caps name gets back ("ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân")."""
    from dirgraph.ingest.agency_tables import central_bodies, heads

    phrases = {h.words for h in heads()} | set(central_bodies())
    phrases |= {exp for _, exp in abbreviations() if exp[:1].isupper()}
    phrases |= {short for short, _ in abbreviations() if " " in short and short[:1].isupper()}
    phrases = {p for p in phrases if " " in p}  # one-word heads ("Bộ", "Sở") only start a name
    phrases |= {"Đảng", "Việt Nam", "Hồ Chí Minh", "Tổ quốc", "Trung ương"}
    return tuple(sorted(phrases, key=len, reverse=True))


def _is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def recase(text: str) -> str:
    """Give an all-caps name (a header line) the casing documents use in running text."""
    if not _is_all_caps(text):
        return text
    from dirgraph.ingest.agency_places import committee_places
    from dirgraph.ingest.gazetteer import find_places, split_level_word

    abbrevs = {abbr for abbr, _ in abbreviations()}
    out = " ".join(word if word.strip(",;.()") in abbrevs else word.lower() for word in text.split(" "))
    spans = [(m.end - len(split_level_word(m.raw)[1]), m.end, m.name) for m in find_places(text)]
    spans += [(start, end, name) for start, end, name, _ in committee_places(text)]
    for start, end, name in spans:
        if len(name) == end - start:
            out = out[:start] + name + out[end:]
    for phrase in _known_phrases():
        out = re.sub(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", phrase, out)
    out = out[:1].upper() + out[1:]
    return _FIELD.sub(lambda m: m.group(1) + _capitalise_field(m.group(2)), out, count=1)


# "Sở tài chính" -> "Sở Tài chính": the field after a one-word head starts each component with a
# capital ("Sở Lao động, Thương binh và Xã hội", "Phòng Tài chính - Kế hoạch"); it ends at a level word.
_FIELD = re.compile(
    r"^((?:Bộ|Sở|Phòng|Cục|Chi cục|Trung tâm|Ban|Trường|Viện|Vụ) )"
    r"(.+?)(?= (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b|$)"
)


def _capitalise_field(field: str) -> str:
    parts = re.split(r"(\s*(?:,|-|–|\bvà\b)\s*)", field)
    return "".join(p if i % 2 else p[:1].upper() + p[1:] for i, p in enumerate(parts))


@lru_cache(maxsize=16384)
def match_key(text: str) -> str:
    """Lower-case key for matching literal words of this package's tables and code.

    :func:`dirgraph.core.text.norm_key` moves every tone mark to the end of its syllable, which is
    right for equality of two keys but not for matching a literal such as "tỉnh"; this key keeps
    normal Vietnamese spelling (NFC, "ủy"/"hóa" placement, case-folded, one space).
    """
    return _SPACES.sub(" ", fix_tone_placement(unicodedata.normalize("NFC", text)).casefold()).strip()
