"""Finding matches of a pattern that opens with a look-behind, fast.

Python's regex engine skips quickly to the possible first characters of a pattern only when the
pattern opens with a literal or a character set; a leading look-behind such as ``(?<!\\w)`` (a
place or level word must start a word) makes it try the whole pattern at every character of a
document. :func:`finditer_from` asks a cheap pattern of the opening words for the candidate
positions and tries the full pattern only there, giving exactly the full pattern's matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def search_from(full: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """``full.search(text, pos)``, trying ``full`` only where ``starts`` matches.

    ``starts`` must match at every position where a match of ``full`` can begin (its opening
    literals); look-behinds of ``full`` still see the text before each candidate position.
    """
    while (cand := starts.search(text, pos)) is not None:
        m = full.match(text, cand.start())
        if m is not None:
            return m
        pos = cand.start() + 1
    return None


def finditer_from(full: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``full.finditer(text)`` for a pattern whose matches are never empty, via :func:`search_from`."""
    pos = 0
    while (m := search_from(full, starts, text, pos)) is not None:
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1
