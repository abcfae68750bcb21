"""One appendix table row, shared by the pipe-row and flattened-text table readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from dirgraph.ingest.body.deadlines import parse_cell
from dirgraph.ingest.body.mentions import split_mentions
from dirgraph.ingest.record import Deadline, Role


@dataclass
class Row:
    """One appendix row: printed number, task text, lead and partner agencies, time cell, and the
    (agency, role) pairs of other roles (an executor cell's "implements", a labelled "giám sát")."""

    number: str
    text: str
    leads: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    time: str = ""
    start: int = 0
    end: int = 0
    others: list[tuple[str, Role]] = field(default_factory=list)

    @property
    def deadline(self) -> Deadline | None:
        return parse_cell(self.time) if self.time.strip() else None


@lru_cache(maxsize=4)
def text_lines(text: str, start: int) -> tuple[tuple[int, int, str], ...]:
    """(begin, end, line) of every line of ``text[start:]``; cached, since the appendix finders
    walk the same lines from the same start."""
    out: list[tuple[int, int, str]] = []
    pos = start
    for raw in text[start:].split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return tuple(out)


# -- pipe tables -------------------------------------------------------------------------------


def agencies(cell: str) -> list[str]:
    """The agencies of a lead or partner cell. A semicolon in a cell always ends an agency
    ("Quỹ Đầu tư phát triển tỉnh; các ngân hàng thương mại"), even before words that would not
    start one in running text."""
    cell = " ".join(cell.replace("<br>", " ").split())
    return [a for part in cell.split(";") for a in split_mentions(part.strip()) if len(a) > 2] if cell else []


# -- flattened tables --------------------------------------------------------------------------
