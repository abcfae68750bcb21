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


@lru_cache(maxsize=8192)
def match_form(text: str) -> str:
    """Lower-case, NFC, one tone placement; same length as ``text`` when ``text`` is NFC.

    >>> match_form("Thành Uỷ CỤ THỂ HOÁ")
    'thành ủy cụ thể hóa'
    """
    lowered = unicodedata.normalize("NFC", text).lower()
    fixed = unicodedata.normalize("NFC", _OLD_TONE.sub(_swap, unicodedata.normalize("NFD", lowered)))
    return fixed if len(fixed) == len(text) else lowered if len(lowered) == len(text) else text
