"""Marks OCR read wrongly, put right from the document's own spelling: "Ủy ban nhân dân huyên",
"Ban Thường vụ Huyển ủy", "Thương binh và Xã họi".

Why: :mod:`.marks` only gives marks to words that lost them; a scan also misreads marks ("ệ" as
"ê" or "ể"), and a misread agency word splits one body into two ("Huyển ủy") or hides a level
("huyên"). The document itself nearly always spells the same pair of words right elsewhere.

How: every pair of neighbouring words is keyed by its letters without marks and its capitals. Where one spelling
of a key is written at least :data:`MIN_SEEN` times and makes up :data:`MIN_SHARE` of the key's
occurrences, a spelling of that key written once is taken for a misreading and spelled the
common way. Pairs of capitalised words are names ("xã Tân Thạnh" beside "Tân Thành") and are
left alone, and so is a spelling written twice or more: that is a word, not an accident. Only
documents that :func:`~.mark_words.looks_damaged` are read so (see :func:`.marks.restore_marks`).
Every letter stays where it was, so spans into the text are unchanged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from dirgraph.ingest.mark_words import WORD, bare
from dirgraph.ingest.marks import Restoration, with_case

#: How often the common spelling of a pair must be written, and its share of the pair's spellings.
MIN_SEEN = 2
MIN_SHARE = 0.66
_GAP = re.compile(r"[ \t]+")


def repair_misread(text: str) -> Restoration:
    """``text`` with each once-written misreading of a pair spelled as the document usually does."""
    pairs = _pairs(text)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for first, second in pairs:
        spellings[_key(first, second)][f"{first.lower} {second.lower}"] += 1
    out = list(text)
    fixed: set[int] = set()
    for first, second in pairs:
        if first.capital and second.capital:
            continue  # a name: two places may differ by a mark only
        forms = spellings[_key(first, second)]
        written = f"{first.lower} {second.lower}"
        usual, seen = forms.most_common(1)[0]
        if usual == written or forms[written] > 1 or seen < MIN_SEEN or seen < MIN_SHARE * sum(forms.values()):
            continue
        for word, want in zip((first, second), usual.split(" "), strict=True):
            if word.lower != want and word.start not in fixed:
                fixed.add(word.start)
                out[word.start:word.start + len(want)] = with_case(word.text, want)
    return Restoration("".join(out), len(fixed)) if fixed else Restoration(text, 0)


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    text: str
    lower: str
    bare: str
    capital: bool


def _pairs(text: str) -> list[tuple[_Word, _Word]]:
    """Neighbouring words: two words with only spaces between them."""
    pairs: list[tuple[_Word, _Word]] = []
    previous: _Word | None = None
    previous_end = -1
    for m in WORD.finditer(text):
        word = m.group()
        lower = word.lower()
        current = _Word(m.start(), word, lower, bare(lower), word[:1].isupper())
        if previous is not None and _GAP.fullmatch(text, previous_end, m.start()):
            pairs.append((previous, current))
        previous, previous_end = current, m.end()
    return pairs


def _key(first: _Word, second: _Word) -> str:
    """The pair's letters without marks, and which of its words are capitalised: "hồ sơ công" is
    not "Sở Công Thương", however often the department is named."""
    return f"{first.bare} {second.bare}|{first.capital:d}{second.capital:d}"
