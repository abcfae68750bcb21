"""Agency identity and hierarchy: the comparison key of a name and the PART_OF table.

"Ủy ban nhân dân tỉnh" and "Ủy ban nhân dân" of the same province are one body (the scorer folds
one trailing level word the same way), so the key drops it. The parent of a department or a
Party committee's board is read from ``graph/data/part_of.tsv`` (one row per rule, tested row
by row), never guessed from free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dirgraph.core.text import norm_key

LEVEL_WORDS: tuple[str, ...] = ("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận",
                                "phường", "xã")


@lru_cache(maxsize=100_000)
def agency_key(name: str) -> str:
    """norm_key of an agency name with one trailing level word dropped.

    >>> agency_key("Ủy ban nhân dân Tỉnh") == agency_key("UỶ BAN NHÂN DÂN")
    True
    """
    key = norm_key(name)
    for word in LEVEL_WORDS:
        suffix = " " + norm_key(word)
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


@dataclass(frozen=True)
class PartOfRule:
    pattern: str
    parent: str
    department: bool
    regex: re.Pattern[str]

    def matches(self, name: str) -> bool:
        return bool(self.regex.match(norm_key(name)))


def _compile(pattern: str) -> re.Pattern[str]:
    parts = [r"\S+(?: \S+)*" if word == "*" else re.escape(norm_key(word)) for word in pattern.split()]
    return re.compile("^" + " ".join(parts) + "$")


@lru_cache(maxsize=1)
def part_of_rules() -> tuple[PartOfRule, ...]:
    text = resources.files("dirgraph.graph").joinpath("data/part_of.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(PartOfRule(p.strip(), parent.strip(), dept.strip() == "yes", _compile(p))
                 for p, parent, dept in rows[1:])


@lru_cache(maxsize=100_000)
def parent_rule(name: str) -> PartOfRule | None:
    """The first PART_OF rule whose pattern matches ``name`` (a body is never part of itself)."""
    for rule in part_of_rules():
        if rule.matches(name) and agency_key(rule.parent) != agency_key(name):
            return rule
    return None
