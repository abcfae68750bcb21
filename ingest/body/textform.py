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
_OLD_TONE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![^\W\d_])")


def _swap(match: re.Match[str]) -> str:
    first, second, tone = match.group(1), match.group(2), match.group(3)
    if second.lower() not in {"o": "ae", "u": "y"}[first.lower()]:
        return match.group(0)
    return first + tone + second


# What ``_OLD_TONE`` needs in composed text: a bare o/u before an a/e/y whose decomposition goes
# on with a tone mark ("á", "ạ", also "ặ" = a + dot below + breve). A line without one (most
# lines) skips the NFD → swap → NFC round trip.
_TONED = "".join(ch for ch in map(chr, range(0xC0, 0x2000))
                 if len(d := unicodedata.normalize("NFD", ch)) > 1 and d[0] in "aAeEyY" and d[1] in _TONES)
_SWAP_SPOT = re.compile(rf"[oOuU](?:[{_TONED}]|[aAeEyY][{_TONES}])")


def _swap_tones(text: str) -> str:
    """NFC(``_OLD_TONE`` swaps on NFD(text)) for ``text`` in NFC, done only on the space-delimited
    words holding a spot: neither NFD/NFC nor the pattern (look-behind and look-ahead included)
    reaches across a space, and a word without a spot comes back unchanged."""
    pieces: list[str] = []
    done = 0
    for spot in _SWAP_SPOT.finditer(text):
        if spot.start() < done:
            continue  # in the word already swapped
        begin = text.rfind(" ", 0, spot.start()) + 1
        end = text.find(" ", spot.end())
        end = len(text) if end < 0 else end
        word = unicodedata.normalize("NFC", _OLD_TONE.sub(_swap, unicodedata.normalize("NFD", text[begin:end])))
        pieces += (text[done:begin], word)
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
