"""Labelled role lines of a task: "- Đơn vị chủ trì: Vụ Pháp chế.", "- Cơ quan phối hợp: X; Y.".

Ministry plans and joint plans give each task its lead and partners on such lines instead of a
table's columns, and they are read the same way: each lead leads, each partner coordinates, and
each lead coordinates_with each partner of the same task. The labels are in
``ingest/data/role_labels.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.ingest.body.appendix_table import agencies
from dirgraph.ingest.body.cues import role_labels
from dirgraph.ingest.body.duties import Duty, Link
from dirgraph.ingest.body.lines import Line
from dirgraph.ingest.body.textform import match_form

_HOLDER = r"(?:(?:cơ\s+quan|đơn\s+vị|bộ\s+phận|lực\s+lượng)\s+)?"


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], re.Pattern[str]]:
    """label (match form) → role, and the pattern of a labelled line's opening."""
    table = dict(role_labels())
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label, _ in role_labels())
    return table, re.compile(rf"^[\s\-–—+•·*]*{_HOLDER}(?P<label>{alternatives})\s*:\s*")


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


def partner_links(duties: list[Duty]) -> list[Link]:
    """Each labelled lead coordinates_with each labelled partner of the task."""
    leads = [d for d in duties if d.role == "leads"]
    partners = [d for d in duties if d.role == "coordinates"]
    return [Link(lead.agency, "coordinates_with", partner.agency, partner.start, partner.end)
            for lead in leads for partner in partners if lead.agency != partner.agency]
