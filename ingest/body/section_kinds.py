"""Classify a top section by its heading (MỤC ĐÍCH → purpose, TỔ CHỨC THỰC HIỆN → organization …).

The heading starts are in ``ingest/data/section_kinds.tsv``; the longest matching start wins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.core.text import strip_diacritics
from dirgraph.ingest.body.cues import section_kinds
from dirgraph.ingest.body.textform import match_form

_LEAD = re.compile(r"^[\W\d_]+")
_ROMAN_LEAD = re.compile(r"^(?:[ivxl]+\s*[.\-–—:)]\s*)")


@lru_cache(maxsize=1)
def _phrase_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each heading start as a whole-word pattern, compiled once, in section_kinds() order."""
    return tuple((re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)"), kind) for phrase, kind in section_kinds())


@lru_cache(maxsize=1024)  # a handful of section headings recur in every document
def classify(heading: str, *, anywhere: bool = True) -> str:
    """Kind of a top-section heading ("NHIỆM VỤ, GIẢI PHÁP" → "tasks"); "other" when unknown.

    The heading's start decides ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ" is a situation); failing that, and
    when ``anywhere``, a table phrase inside it ("MỘT SỐ NHIỆM VỤ, GIẢI PHÁP" → tasks).

    >>> classify("III- TỔ CHỨC THỰC HIỆN")
    'organization'
    """
    text = match_form(_LEAD.sub("", heading.replace("*", "")).strip())
    text = _ROMAN_LEAD.sub("", text)
    for start, kind in section_kinds():
        if text.startswith(start):
            return kind
    if anywhere:
        for phrase, kind in _phrase_patterns():
            if phrase.search(text):
                return kind
    bare = strip_diacritics(text)  # "III. NHIEM VU VA GIAI PHAP": a heading printed without its marks
    for start, kind in _bare_starts():
        if bare.startswith(start):
            return kind
    return "other"


@lru_cache(maxsize=1)
def _bare_starts() -> tuple[tuple[str, str], ...]:
    """The heading starts without marks, for headings a PDF or an old font printed without them."""
    return tuple((strip_diacritics(start), kind) for start, kind in section_kinds())
