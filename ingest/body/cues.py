"""Loads the body extractors' data tables (section kinds, role cues, deadline cues, target units).

The domain knowledge lives in ``ingest/data/*.tsv`` where an analyst can read and extend it; this
module only parses those files once (``#`` comments, tab-separated columns) and compiles the
whole-word patterns the extractors match with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dirgraph.ingest.body.textform import match_form

SECTION_KINDS = ("purpose", "goals", "tasks", "organization", "funding", "reporting", "situation", "other")
ROLES = ("leads", "coordinates", "implements", "supervises", "directs", "assigns", "none")
RECURRING = ("annually", "quarterly", "monthly", "continuous")


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("dirgraph.ingest.data").joinpath(filename).read_text(encoding="utf-8")
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _checked(filename: str, width: int, column: int, allowed: tuple[str, ...]) -> list[list[str]]:
    rows = _rows(filename)
    for row in rows:
        if len(row) < width or row[column] not in allowed:
            raise ValueError(f"{filename}: bad row {row!r}")
    return rows


@lru_cache(maxsize=1)
def section_kinds() -> tuple[tuple[str, str], ...]:
    """(heading start in match form, kind), longest first so "nhiệm vụ cụ thể" wins over "nhiệm vụ"."""
    rows = _checked("section_kinds.tsv", 2, 1, SECTION_KINDS)
    pairs = [(match_form(row[0]), row[1]) for row in rows]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def role_cues() -> tuple[tuple[str, str], ...]:
    """(cue in match form, role), longest first."""
    rows = _checked("role_cues.tsv", 2, 1, ROLES)
    pairs = [(match_form(row[0]), row[1]) for row in rows]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def role_labels() -> tuple[tuple[str, str], ...]:
    """(label of a role line in match form, role), longest first ("chủ trì thực hiện" before "chủ trì")."""
    rows = _checked("role_labels.tsv", 2, 1, ROLES)
    pairs = [(match_form(row[0]), row[1]) for row in rows]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def deadline_cues() -> tuple[tuple[str, str], ...]:
    """(recurring cue in match form, value), longest first."""
    rows = _checked("deadline_cues.tsv", 2, 1, RECURRING)
    pairs = [(match_form(row[0]), row[1]) for row in rows]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@dataclass(frozen=True)
class Unit:
    """A target unit as written, as filed, and whether the number precedes or follows it."""

    written: str
    filed: str
    position: str  # "after" (100%) | "before" (mức độ 3)


@lru_cache(maxsize=1)
def target_units() -> tuple[Unit, ...]:
    rows = _checked("target_units.tsv", 3, 2, ("after", "before", "reached"))
    units = [Unit(match_form(row[0]), row[1], row[2]) for row in rows]
    return tuple(sorted(units, key=lambda u: -len(u.written)))


def words_pattern(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A whole-word alternation of ``phrases``, longest first (the first that fits wins).

    Same matches as ``(?<!\\w)(?:p1|p2|…)(?!\\w)``, written grouped by first character with the
    look-behind after it (``c(?<!\\w.)(?:hủ\\s+trì|…)``): the pattern then opens with a literal,
    so the engine skips positions no phrase can start at. Within a group the order is kept, and
    phrases of different first characters never match at the same position.
    """
    ordered = sorted(set(phrases) - {""}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]).replace(r"\ ", r"\s+"))
    body = "|".join(rf"{re.escape(first)}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(rf"(?:{body})(?![\w])")


@lru_cache(maxsize=1)
def role_pattern() -> re.Pattern[str]:
    return words_pattern([cue for cue, _ in role_cues()])


@lru_cache(maxsize=8)
def cues_of(roles: frozenset[str]) -> re.Pattern[str]:
    """Whole-word pattern of the cues listed with one of ``roles`` (a quick test of whether a
    clause can hold such a cue: whatever the full pattern finds there, this one finds too)."""
    return words_pattern([cue for cue, role in role_cues() if role in roles])


@lru_cache(maxsize=1)
def _role_table() -> dict[str, str]:
    """cue → role, built once: role_of runs for every cue of every clause."""
    return dict(role_cues())


def role_of(cue_text: str) -> str:
    """The role of a matched cue ("Chủ trì" → "leads").

    Cues are mostly matched on a text already in match form, and a table key is its own match
    form, so a hit needs no conversion (converting short cue strings kept missing the cache).
    """
    table = _role_table()
    role = table.get(cue_text)
    return role if role is not None else table.get(match_form(cue_text), "none")
