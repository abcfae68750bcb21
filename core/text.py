"""Vietnamese text normalization: keep the original for display, compare on one canonical form.

Two tone-mark placements circulate ("hoá"/"hóa", "uỷ"/"ủy"); text arrives in NFC or NFD; people
search without diacritics. Every comparison in dirgraph goes through :func:`norm_key`, every
diacritic-free search through :func:`fold_key`.

Speed: these keys are computed hundreds of times per document, on a vocabulary of a few thousand
words. The tone move never crosses white space (a syllable is a run of letters and marks), so it is
done word by word with a bounded per-word cache; :func:`_move_tones_reference` is the plain
definition the fast path is tested against.
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


def _move_tones_reference(text: str) -> str:
    """The definition: NFD, each syllable's last tone mark moved to its end, NFC."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _SYLLABLE.sub(_tone_to_end, decomposed))


_move_word = lru_cache(maxsize=1 << 15)(_move_tones_reference)  # one space-free piece at a time


def move_tones(text: str) -> str:
    """Place each syllable's tone mark at the end of the syllable (the scorer's canonical form).

    Pieces between spaces are independent (a space neither carries a mark nor composes with
    one), so each is converted once and cached.

    >>> move_tones("hoá") == move_tones("hóa")
    True
    >>> move_tones("Uỷ") == move_tones("Ủy")
    True
    """
    if text.isascii():
        return text
    return " ".join([w if w.isascii() else _move_word(w) for w in text.split(" ")])


@lru_cache(maxsize=1 << 16)
def _norm_key(text: str) -> str:
    # split() and the \s of _SPACES both break on str.isspace(); the tone move keeps white space
    # white space, so moving tones word by word then joining with one space is the same key.
    # a piece that is only tone marks vanishes, so empty results are skipped
    return " ".join([k for w in text.casefold().split() if (k := w if w.isascii() else _move_word(w))])


def norm_key(text: str | None) -> str:
    """Canonical comparison key: NFC, one tone placement, case-folded, spaces collapsed.

    >>> norm_key("  Ủy ban  nhân dân ") == norm_key("UỶ BAN NHÂN DÂN")
    True
    """
    if not text:
        return ""
    return _norm_key(text)


def _strip_diacritics_reference(text: str) -> str:
    """The definition: NFD, every nonspacing mark dropped, đ -> d."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join([ch for ch in decomposed if unicodedata.category(ch) != "Mn"])
    return bare.replace("đ", "d").replace("Đ", "D")


_strip_word = lru_cache(maxsize=1 << 15)(_strip_diacritics_reference)  # one space-free piece at a time


def strip_diacritics(text: str) -> str:
    """Remove every diacritic, đ -> d: "Sở Giáo dục" -> "So Giao duc".

    Decomposition never crosses a space, so pieces between spaces are stripped (and cached) alone.

    >>> strip_diacritics("Đồng Tháp")
    'Dong Thap'
    """
    if text.isascii():
        return text
    return " ".join([w if w.isascii() else _strip_word(w) for w in text.split(" ")])


def fold_key(text: str | None) -> str:
    """Diacritic-free, case-folded key for search: "sở giáo dục" and "so giao duc" meet here."""
    if not text:
        return ""
    return _fold_key(text)


@lru_cache(maxsize=1 << 15)
def _fold_key(text: str) -> str:
    return " ".join(strip_diacritics(nfc(text)).casefold().split())


def clean_spaces(text: str) -> str:
    """Collapse runs of white space to one space and trim (split() breaks on the same white space as \\s)."""
    return " ".join(text.split())


def spaced_once(text: str) -> bool:
    """True only when :func:`clean_spaces` would give ``text`` back, found without building it.

    Every white space but the plain space is unprintable (categories Cc, Zs, Zl, Zp), so a
    printable text holds no white space but spaces; then only a doubled or an end space differs.
    An unprintable text answers False and is left to the split and join (most lines are printable).
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
