"""The reader contract: what every format loader returns and what ``read_file`` hands on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceDocument:
    """One input file, read and cleaned.

    ``text`` is the normalized text every fact's span indexes (NFC, legacy encodings converted,
    wrapped lines re-joined, page junk dropped, tables as Markdown pipe rows); ``raw_text`` is
    the loader's text before clean-up, kept for debugging a bad extraction.
    """

    path: Path
    format: str
    text: str
    raw_text: str
    sha256: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Loaded:
    """What a format loader produced: raw text plus anything worth telling the user."""

    raw_text: str
    warnings: list[str] = field(default_factory=list)
    legacy_checked: bool = False  # True when the loader already undid legacy font encodings
    paragraphs: bool = False  # True when each line is a word processor's paragraph (docx), not a wrapped line


def pipe_row(cells: list[str]) -> str:
    """One table row as a Markdown pipe row; cell text on one line, "|" inside a cell made "/"."""
    clean = [" ".join(cell.replace("|", "/").split()) for cell in cells]
    return "| " + " | ".join(clean) + " |"
