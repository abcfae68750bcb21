"""A length-preserving matching form of Vietnamese text, so regex spans index the original text.

``norm_key`` (core.text) is the comparison key but can change a string's length (tone marks
moved to the end of the syllable do not always recompose); the body extractors match cue
phrases on :func:`match_form` instead, which only lower-cases, composes and writes the
oa/oe/uy tone on the first vowel ("hoá" → "hóa", "uỷ" → "ủy"), character for character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Upper-case letters for a regex class: "[A-ZĐÀ-Ỹ]" is wrong, since that code-point range also
# holds the lower-case letters (đ, ă, ơ, ạ …).
UPPER = "A-Z" + "".join(sorted({ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isupper()}))
# After the tone: no letter (a final consonant fixes the placement: "hoàng") and no other mark
# ("hoặc" is a, dot below, breve in NFD: the tone belongs to ă in every style).
_OLD_TONE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![^\W\d_]|[\u0300-\u036f])")


def _swap(match: re.Match[str]) -> str:
    first, second, tone = match.group(1), match.group(2), match.group(3)
    if second.lower() not in {"o": "ae", "u": "y"}[first.lower()]:
        return match.group(0)
    return first + tone + second


# What ``_OLD_TONE`` and ``_swap`` need in composed text: no q before, then o before an a/e or u
# before a y carrying a tone mark and nothing else ("á", "ạ"; not "ặ", a + dot below + breve),
# and after it no letter; or the bare vowel with a combining tone (text that is not NFC).
# "hoạch", "toàn", "quả", "hoặc" hold no spot. A line without one (most lines) skips the
# NFD → swap → NFC round trip.
def _toned(bases: str, marks: int) -> str:
    return "".join(ch for ch in map(chr, range(0xC0, 0x2000))
                   if len(d := unicodedata.normalize("NFD", ch)) == marks + 1 and d[0] in bases and d[1] in _TONES)


def _after(bases: str) -> str:
    return rf"(?:[{_toned(bases, 1)}](?![^\W\d_])|[{bases}][{_TONES}])"


# one leading class, look-behinds after it: the engine then skips positions with no o/u quickly
_SWAP_SPOT = re.compile(rf"[oOuU](?<![qQ].)(?:(?<=[oO]){_after('aAeE')}|(?<=[uU]){_after('yY')})")


@lru_cache(maxsize=1 << 14)
def _swap_word(word: str) -> str:
    """One space-delimited word through NFD, the swap and NFC; cached, since the words holding a
    spot are a small vocabulary ("hoá", "uỷ", "thuỷ", "khoẻ") that an old-style document repeats."""
    return unicodedata.normalize("NFC", _OLD_TONE.sub(_swap, unicodedata.normalize("NFD", word)))


def _swap_tones(text: str) -> str:
    """NFC(``_OLD_TONE`` swaps on NFD(text)) for ``text`` in NFC, done only on the space-delimited
    words holding a spot: neither NFD/NFC nor the pattern (look-behind and look-ahead included)
    reaches across a space, and a word without a spot comes back unchanged."""
    pieces: list[str] = []
    done = scanned = 0
    for spot in _SWAP_SPOT.finditer(text):
        if spot.start() < scanned:
            continue  # in the word already looked at
        begin = text.rfind(" ", 0, spot.start()) + 1
        end = text.find(" ", spot.end())
        end = len(text) if end < 0 else end
        scanned = end
        word = text[begin:end]
        swapped = _swap_word(word)
        if swapped != word:  # a spot is necessary for a change, not sufficient
            pieces += (text[done:begin], swapped)
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


@lru_cache(maxsize=8192)
def match_form(text: str) -> str:
    """Lower-case, NFC, one tone placement; same length as ``text`` when ``text`` is NFC.

    >>> match_form("Thành Uỷ CỤ THỂ HOÁ")
    'thành ủy cụ thể hóa'
    """
    lowered = unicodedata.normalize("NFC", text).lower()
    if unicodedata.is_normalized("NFC", lowered):  # the usual case: only the words with a spot change
        fixed = _swap_tones(lowered)
    else:
        fixed = unicodedata.normalize("NFC", _OLD_TONE.sub(_swap, unicodedata.normalize("NFD", lowered)))
    return fixed if len(fixed) == len(text) else lowered if len(lowered) == len(text) else text
