"""Vietnamese text normalization: keep the original for display, compare on one canonical form.

Two tone-mark placements circulate ("hoá"/"hóa", "uỷ"/"ủy"); text arrives in NFC or NFD; people
search without diacritics. Every comparison in dirgraph goes through :func:`norm_key`, every
diacritic-free search through :func:`fold_key`.
"""

from __future__ import annotations

import re
import unicodedata

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SPACES = re.compile(r"\s+")

# Old-style placement (tone on the first vowel of oa/oe/uy) -> new style (tone on the second).
_OLD_TO_NEW_PAIRS = ("oa", "oe", "uy")


def nfc(text: str) -> str:
    """Compose to NFC (documents saved from some tools are NFD)."""
    return unicodedata.normalize("NFC", text)


def move_tones(text: str) -> str:
    """Place each syllable's tone mark at the end of the syllable (the scorer's canonical form).

    >>> move_tones("hoá") == move_tones("hóa")
    True
    >>> move_tones("Uỷ") == move_tones("Ủy")
    True
    """
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    word: list[str] = []
    tone = ""
    for ch in decomposed + " ":
        if ch in TONE_MARKS:
            tone = ch
        elif ch.isalnum() or unicodedata.category(ch) == "Mn":
            word.append(ch)
        else:
            if word:
                out.append("".join(word) + tone)
            elif tone:
                out.append(tone)
            word, tone = [], ""
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out[:-1]))


def norm_key(text: str | None) -> str:
    """Canonical comparison key: NFC, one tone placement, case-folded, spaces collapsed.

    >>> norm_key("  Ủy ban  nhân dân ") == norm_key("UỶ BAN NHÂN DÂN")
    True
    """
    if not text:
        return ""
    return _SPACES.sub(" ", move_tones(text).casefold()).strip()


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
