"""Load the generator's data tables and templates from ``bench/data`` (one place, cached).

Templates and phrase lists are data so that a reviewer can read and extend the genre without
touching code; every table is a UTF-8 TSV with ``#`` comment lines.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template


def _text(name: str) -> str:
    return resources.files("dirgraph.bench").joinpath("data", name).read_text(encoding="utf-8")


def rows(name: str) -> list[list[str]]:
    """Non-comment, non-blank lines of a TSV, split on tabs."""
    return [line.split("\t") for line in _text(name).splitlines() if line.strip() and not line.startswith("#")]


@cache
def template(name: str) -> Template:
    """A ``string.Template`` document skeleton (``$name`` placeholders)."""
    return Template(_text(name))


@cache
def topics() -> tuple[tuple[str, str, str], ...]:
    """(id, subject phrase, short label) per topic."""
    return tuple((r[0], r[1], r[2]) for r in rows("topics.tsv"))


@cache
def task_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(group heading, task texts) in table order."""
    groups: list[tuple[str, list[str]]] = []
    for kind, text in rows("tasks.tsv"):
        if kind == "group":
            groups.append((text, []))
        else:
            groups[-1][1].append(text)
    return tuple((head, tuple(items)) for head, items in groups)


@cache
def departments() -> tuple[tuple[str, str], ...]:
    """(Sở name, number abbreviation)."""
    return tuple((r[0], r[1]) for r in rows("departments.tsv"))


@cache
def agencies(level: str) -> tuple[str, ...]:
    """Agency name patterns of one level (central, party, department, district, commune)."""
    return tuple(r[1] for r in rows("agencies.tsv") if r[0] == level)


@cache
def names() -> dict[str, tuple[str, ...]]:
    """Surname / middle / given name pools."""
    return {r[0]: tuple(r[1].split(",")) for r in rows("names.tsv")}


@cache
def phrases(name: str) -> tuple[str, ...]:
    """A one-column phrase list (targets.tsv, duties.tsv)."""
    return tuple(r[0] for r in rows(name))
