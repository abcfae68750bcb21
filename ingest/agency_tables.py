"""Loads the agency data tables (abbreviations, central bodies, organisation heads) once.

The domain knowledge lives in ``ingest/data/*.tsv`` so an analyst can read and extend it; this
module only parses those files (``#`` comments, tab-separated columns) and caches the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEVELS = ("central", "province", "city", "district", "commune", "any")


@dataclass(frozen=True)
class Head:
    """An organisation head word ("Sở", "Tỉnh ủy") with the level of the body it names."""

    words: str
    level: str  # one of LEVELS
    kind: str
    needs_name: bool = False  # "Sở" alone is not an agency; "Sở Tài chính" is
    proper: bool = False  # only ever written with a capital: "Vụ Pháp chế", never "vụ việc"


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("dirgraph.ingest.data").joinpath(filename).read_text(encoding="utf-8")
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Abbreviation:
    """A short form and its expansion; ``context`` (a regex) must match the text right after it."""

    short: str
    expansion: str
    context: str = ""


@lru_cache(maxsize=1)
def abbreviation_rows() -> tuple[Abbreviation, ...]:
    """Rows of abbreviations.tsv, longest short form first so "MTTQVN" wins over "MTTQ"."""
    rows = [Abbreviation(r[0], r[1], r[2] if len(r) > 2 else "") for r in _rows("abbreviations.tsv")
            if len(r) >= 2]
    return tuple(sorted(rows, key=lambda a: -len(a.short)))


def abbreviations() -> tuple[tuple[str, str], ...]:
    """(abbreviation, expansion) pairs, longest first."""
    return tuple((a.short, a.expansion) for a in abbreviation_rows())


@lru_cache(maxsize=1)
def central_bodies() -> tuple[str, ...]:
    """Names of national bodies (locality always null)."""
    return tuple(row[0] for row in _rows("central_bodies.tsv"))


@lru_cache(maxsize=1)
def central_keys() -> frozenset[str]:
    from dirgraph.ingest.agency_text import match_key

    return frozenset(match_key(name) for name in central_bodies())


@lru_cache(maxsize=1)
def heads() -> tuple[Head, ...]:
    """Organisation heads, longest first so "Ủy ban Mặt trận Tổ quốc" wins over "Ủy ban"."""
    out = []
    for row in _rows("agency_heads.tsv"):
        if len(row) < 4 or row[1] not in LEVELS or row[3] not in {"name", "complete", "proper"}:
            raise ValueError(f"agency_heads.tsv: bad row {row!r}")
        out.append(Head(row[0], row[1], row[2], row[3] in {"name", "proper"}, row[3] == "proper"))
    return tuple(sorted(out, key=lambda h: -len(h.words)))


@lru_cache(maxsize=1)
def department_fields() -> tuple[str, ...]:
    """Fields of department_fields.tsv ("Nội vụ", "Giáo dục và Đào tạo"), longest first."""
    return tuple(sorted((row[0] for row in _rows("department_fields.tsv")), key=len, reverse=True))
