"""Vietnamese text normalization: keep the original for display, compare on one canonical form.

Two tone-mark placements circulate ("hoá"/"hóa", "uỷ"/"ủy"); text arrives in NFC or NFD; people
search without diacritics. Every comparison in dirgraph goes through :func:`norm_key`, every
diacritic-free search through :func:`fold_key`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SPACES = re.compile(r"\s+")

# Old-style placement (tone on the first vowel of oa/oe/uy) -> new style (tone on the second).
_OLD_TO_NEW_PAIRS = ("oa", "oe", "uy")


def nfc(text: str) -> str:
    """Compose to NFC (documents saved from some tools are NFD)."""
    return unicodedata.normalize("NFC", text)


_SYLLABLE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


def _tone_to_end(match: re.Match[str]) -> str:
    word = match.group()
    tone = ""
    for ch in word:
        if ch in TONE_MARKS:
            tone = ch
    if not tone:
        return word
    bare = "".join(ch for ch in word if ch not in TONE_MARKS)
    if not any(ch.isalnum() for ch in bare):
        return bare  # a tone mark with no letter to carry it is dropped, as the scorer does
    return bare + tone


def move_tones(text: str) -> str:
    """Place each syllable's tone mark at the end of the syllable (the scorer's canonical form).

    >>> move_tones("hoá") == move_tones("hóa")
    True
    >>> move_tones("Uỷ") == move_tones("Ủy")
    True
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _SYLLABLE.sub(_tone_to_end, decomposed))


@lru_cache(maxsize=1 << 16)
def _norm_key(text: str) -> str:
    return _SPACES.sub(" ", move_tones(text.casefold())).strip()


def norm_key(text: str | None) -> str:
    """Canonical comparison key: NFC, one tone placement, case-folded, spaces collapsed.

    >>> norm_key("  Ủy ban  nhân dân ") == norm_key("UỶ BAN NHÂN DÂN")
    True
    """
    if not text:
        return ""
    return _norm_key(text)


def strip_diacritics(text: str) -> str:
    """Remove every diacritic, đ -> d: "Sở Giáo dục" -> "So Giao duc".

    >>> strip_diacritics("Đồng Tháp")
    'Dong Thap'
    """
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


def fold_key(text: str | None) -> str:
    """Diacritic-free, case-folded key for search: "sở giáo dục" and "so giao duc" meet here."""
    if not text:
        return ""
    return _SPACES.sub(" ", strip_diacritics(nfc(text)).casefold()).strip()


def clean_spaces(text: str) -> str:
    """Collapse runs of white space to one space and trim."""
    return _SPACES.sub(" ", text).strip()
