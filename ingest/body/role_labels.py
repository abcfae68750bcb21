"""Labelled role lines of a task: "- Đơn vị chủ trì: Vụ Pháp chế.", "- Cơ quan phối hợp: X; Y.".

Ministry plans and joint plans give each task its lead and partners on such lines instead of a
table's columns, and they are read the same way: each lead leads, each partner coordinates, and
each lead coordinates_with each partner of the same task. The labels are in
``ingest/data/role_labels.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from dirgraph.ingest.body.appendix_table import agencies
from dirgraph.ingest.body.cues import role_labels
from dirgraph.ingest.body.duties import Duty, Link
from dirgraph.ingest.body.lines import Line
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.record import Role

_HOLDER = r"(?:(?:cơ\s+quan|đơn\s+vị|bộ\s+phận|lực\s+lượng)\s+)?"


def _alternatives() -> str:
    """The labels as one regex alternation, any run of spaces between their words."""
    return "|".join(re.escape(label).replace(r"\ ", r"\s+") for label, _ in role_labels())


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], re.Pattern[str]]:
    """label (match form) → role, and the pattern of a labelled line's opening."""
    return dict(role_labels()), re.compile(rf"^[\s\-–—+•·*]*{_HOLDER}(?P<label>{_alternatives()})\s*:\s*")


def labelled_duties(line: Line) -> list[Duty] | None:
    """The duties a labelled role line gives, or None when ``line`` is no such line."""
    table, pattern = _labels()
    form = match_form(line.text)
    m = pattern.match(form)
    if m is None:
        return None
    role = table[" ".join(m.group("label").split())]
    cell = line.text[m.end():].strip().rstrip(".")
    start, end = line.to_source(m.end()), line.to_source(len(line.text))
    return [Duty(agency, role, start, end) for agency in agencies(cell)]


@lru_cache(maxsize=1)
def _cell_label() -> re.Pattern[str]:
    """A role label inside one table cell: "Chủ trì: X", "X (chủ trì)"."""
    alternatives = _alternatives()
    return re.compile(rf"\((?P<after>{alternatives})\)|(?<!\w)(?P<before>{alternatives})\s*:")


def cell_roles(cell: str) -> list[tuple[str, Role]]:
    """(agency, role) of one "Cơ quan thực hiện" cell whose roles are written inside it:
    "Chủ trì: X; phối hợp: Y, Z", "X (chủ trì); Y, Z (phối hợp)", "Chủ trì: X Phối hợp: Y".
    A cell with no label names the agencies that carry the task out (``implements``): the column
    says who does it, and only a label ranks them."""
    table = cast(dict[str, Role], _labels()[0])  # role_labels() checks every role against ROLES
    cell = " ".join(cell.replace("<br>", " ").split())
    form = match_form(cell)
    found = list(_cell_label().finditer(form))
    if not found:
        return [(agency, "implements") for agency in agencies(cell)]
    out: list[tuple[str, Role]] = []
    done = 0
    for m in found:
        if m.group("after"):  # "X, Y (phối hợp)": the agencies since the last label or ";"
            piece = cell[done:m.start()]
            piece = piece[piece.rfind(";") + 1:]  # (rfind's -1 keeps the whole piece)
            out += [(a, table[" ".join(m.group("after").split())]) for a in agencies(piece)]
            done = m.end()
        else:  # "Chủ trì: X": the agencies up to the next label
            following = next((n for n in found if n.start() > m.start()), None)
            stop = following.start() if following is not None else len(cell)
            if following is not None and following.group("after"):
                stop = max(m.end(), cell.rfind(";", m.end(), following.start()))
            role = table[" ".join(m.group("before").split())]
            out += [(a, role) for a in agencies(cell[m.end():stop])]
            done = stop
    return out


def partner_links(duties: list[Duty]) -> list[Link]:
    """Each labelled lead coordinates_with each labelled partner of the task."""
    leads = [d for d in duties if d.role == "leads"]
    partners = [d for d in duties if d.role == "coordinates"]
    return [Link(lead.agency, "coordinates_with", partner.agency, partner.start, partner.end)
            for lead in leads for partner in partners if lead.agency != partner.agency]
