"""One small loader for the TSV data tables under ``ingest/data``.

Domain knowledge (document kinds, relation cue phrases, phrases that look like documents but are
not) lives in readable tab-separated files an analyst can extend without touching code. Lines
starting with ``#`` and blank lines are comments; cells are stripped; ``|`` separates the
alternatives inside one cell.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=32)
def load_table(filename: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``ingest/data/<filename>`` as tuples of stripped cells (comments skipped)."""
    text = resources.files("dirgraph.ingest.data").joinpath(filename).read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def alternatives(cell: str) -> tuple[str, ...]:
    """The ``|``-separated alternatives of one cell, empty ones dropped."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())
