"""Logical lines of the body: paragraphs, headings and list items with their spans in ``ctx.text``.

The readers put paragraphs on one line, but text extracted from PDF keeps the page's wrapping
("2.1. Tăng cường … đổi \\n\\nmới căn bản"). When the text looks wrapped (many lines start in
lower case), a physical line is joined to the previous one unless it starts a list item or
heading, or the previous line ends a sentence and this one starts a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An item or heading marker at the start of a line (Markdown remnants stripped before).
MARKER = re.compile(
    r"""^(?:
        (?:phần\s+)?[IVXLC]+\s*[.\-–—:)]
      | \d+(?:\.\d+)*\s*[.)]
      | \d+(?:\.\d+)+\s
      | [a-zđ]\s*[).]\s
      | [-–—+•·*]\s
      | \|
      | \#
      | (?:nơi\s+nhận|phụ\s+lục|trên\s+đây)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_DECOR = re.compile(r"^[\s*_#>]+")
_SENTENCE_END = re.compile(r"[.:;!?…”\"*)]\s*$")


# Immutable by convention (never assigned after construction): a frozen dataclass costs ~3x to
# construct, and these are built for every body line;
# ``unsafe_hash`` keeps the frozen form's hash and equality.
@dataclass(unsafe_hash=True)
class Line:
    """One logical line: ``text`` is ``source[start:end]`` with wrapping newlines folded to spaces.

    ``pieces`` maps offsets of ``text`` back to ``source``: (offset in text, offset in source) of
    each joined physical line.
    """

    start: int
    end: int
    text: str
    pieces: tuple[tuple[int, int], ...] = ()

    def to_source(self, offset: int) -> int:
        """The ``source`` offset of ``text[offset]``."""
        if len(self.pieces) == 1 and offset >= self.pieces[0][0]:  # one physical line: no search
            return min(self.pieces[0][1] + (offset - self.pieces[0][0]), self.end)
        base_text, base_src = 0, self.start
        for piece_text, piece_src in self.pieces:
            if piece_text > offset:
                break
            base_text, base_src = piece_text, piece_src
        return min(base_src + (offset - base_text), self.end)


def strip_decor(text: str) -> str:
    """Drop Markdown heading/bold remnants at the start of a line ("### ***1.1." → "1.1.")."""
    first = text[:1]
    if first and not first.isspace() and first not in "*_#>":  # most lines: nothing to drop
        return text
    return _DECOR.sub("", text)


def _physical(source: str, start: int, end: int) -> list[Line]:
    out: list[Line] = []
    pos = start
    for raw in source[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            begin = pos + lead
            out.append(Line(begin, begin + len(stripped), stripped, ((0, begin),)))
        pos += len(raw) + 1
    return out


def looks_wrapped(lines: list[Line]) -> bool:
    """True when the text keeps a page's line wrapping (a tenth of its lines start in lower case)."""
    if not lines:
        return False
    lower = sum(1 for line in lines if line.text[:1].islower() and not MARKER.match(line.text))
    return lower * 10 >= len(lines)


def logical_lines(source: str, start: int, end: int) -> list[Line]:
    """The logical lines of ``source[start:end]``, wrapped lines re-joined when the text is wrapped."""
    physical = _physical(source, start, end)
    if not looks_wrapped(physical):
        return physical
    out: list[Line] = []
    for line in physical:
        if out and _continues(out[-1], line):
            prev = out[-1]
            joined = prev.text + " " + line.text
            pieces = (*prev.pieces, (len(prev.text) + 1, line.start))
            out[-1] = Line(prev.start, line.end, joined, pieces)
        else:
            out.append(line)
    return out


def _continues(prev: Line, line: Line) -> bool:
    bare = strip_decor(line.text)
    if MARKER.match(bare) or line.text.startswith(("#", "|", "**")) or prev.text.startswith("|"):
        return False
    if line.text[:1].islower():
        return True
    # A short previous line is a heading or a table cell, not a wrapped paragraph line.
    return not _SENTENCE_END.search(prev.text) and len(prev.text) >= 50
